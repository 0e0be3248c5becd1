import type { CaseIntent } from './Case.ts';
import type { SentRequest } from './Exchange.ts';
import type { Provenance, Severity } from './Provenance.ts';

/** A violation of the documented API by the server under test: plain data, never an exception. */
export interface Finding {
  /** Identity across runs (src/model/findingKey.ts): what baselines, the corpus and reporters compare. */
  readonly key: string;
  readonly operationId: string;
  /** Name of the target that answered (src/model/targetName.ts); part of the key when `targetNamed`. */
  readonly target: string;
  /** Base URL of the target that answered (a password in it redacted). */
  readonly targetUrl: string;
  /** The target's name was given (the config file's `name`, the embedded mock), not only its URL. */
  readonly targetNamed: boolean;
  readonly check: string;
  readonly constraintId?: string;
  /** Where the broken rule comes from. */
  readonly provenance: Provenance;
  /** `failure` fails the run; `warning` is reported and leaves the exit code alone. */
  readonly severity: Severity;
  readonly caseId: string;
  /** The state sequence the case is a step of: replaying it sends the whole sequence. */
  readonly sequence?: string;
  /** Index of this finding's exchange in the run's HAR (`log.entries`), when a HAR was written. */
  readonly harEntry?: number;
  readonly intent: CaseIntent;
  readonly message: string;
  readonly request: SentRequest;
  readonly response?: {
    readonly status: number;
    readonly contentType?: string;
    readonly bodyExcerpt: string;
  };
  readonly failure?: { readonly kind: string; readonly message: string };
  /** curl command that reproduces the request (credentials redacted). */
  readonly curl: string;
  readonly seed: number;
  /** CLI command that replays this case. */
  readonly replay: string;
}
