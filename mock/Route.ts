import type { CredentialScheme } from '../src/openapi/Operation.ts';
import type { OperationValidators } from '../src/validation/OperationValidators.ts';
import type { FaultHooks } from './FaultHooks.ts';
import type { OperationHandler } from './operations/OperationHandler.ts';
import type { TaskLink } from './startTasks.ts';

/** Everything one route needs per request, prepared once at start. */
export interface Route {
  readonly operationId: string;
  readonly method: string;
  readonly pathTemplate: string;
  readonly pattern: RegExp;
  readonly parameterNames: readonly string[];
  readonly resourceParameter?: string;
  readonly credentialSchemes: readonly CredentialScheme[];
  /** Absent for routes the documents do not describe. */
  readonly validators?: OperationValidators;
  readonly queryNames: readonly string[];
  readonly headerNames: readonly string[];
  /** Schema defaults of absent query parameters, applied after validation. */
  readonly queryDefaults: Readonly<Record<string, string>>;
  readonly handler: OperationHandler;
  readonly hooks: FaultHooks;
  /** Task-like links of the operation's success answers: an accepted request starts a task of each. */
  readonly taskLinks?: readonly TaskLink[];
}
