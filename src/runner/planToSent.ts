import type { Case } from '../model/Case.ts';
import type { SentRequest } from '../model/Exchange.ts';
import type { CredentialScheme } from '../openapi/Operation.ts';
import { buildRequest } from './buildRequest.ts';
import { omitPlannedHeaders } from './omitPlannedHeaders.ts';
import { redactSent } from './redactSent.ts';
import type { RunnerOptions } from './RunnerOptions.ts';

/** The redacted request a case would send (for `--dry-run`); `HttpRunner.send` builds it the same way. */
export function planToSent(testCase: Case, baseUrl: string, credentialSchemes: readonly CredentialScheme[], options: RunnerOptions): SentRequest {
  return redactSent(omitPlannedHeaders(buildRequest(testCase, baseUrl, credentialSchemes, options), testCase));
}
