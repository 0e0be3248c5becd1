import { authRequired } from './authRequired.ts';
import type { Check } from './Check.ts';
import { contentType } from './contentType.ts';
import { echo } from './echo.ts';
import { massAssignment } from './massAssignment.ts';
import { maxResponseTime } from './maxResponseTime.ts';
import { negativeRejection } from './negativeRejection.ts';
import { notFound } from './notFound.ts';
import { notServerError } from './notServerError.ts';
import { persistence } from './persistence.ts';
import { positiveAcceptance } from './positiveAcceptance.ts';
import { requestValid } from './requestValid.ts';
import { responseSchema } from './responseSchema.ts';
import { statusDocumented } from './statusDocumented.ts';
import { successErrors } from './successErrors.ts';
import { lateValidation, taskEnds, taskKnown, taskStates } from './taskChecks.ts';
import { tenantIsolation } from './tenantIsolation.ts';
import { transport } from './transport.ts';

/** Every check by name, in the order they run and are reported. */
export const checkRegistry: ReadonlyMap<string, Check> = new Map(
  [
    transport,
    notServerError,
    statusDocumented,
    contentType,
    responseSchema,
    positiveAcceptance,
    negativeRejection,
    authRequired,
    notFound,
    tenantIsolation,
    echo,
    persistence,
    massAssignment,
    requestValid,
    successErrors,
    taskEnds,
    taskKnown,
    taskStates,
    lateValidation,
    maxResponseTime,
  ].map((c) => [c.name, c]),
);
