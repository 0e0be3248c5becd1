import type { CaseIntent } from '../model/Case.ts';
import type { SentRequest } from '../model/Exchange.ts';

/** One failing case kept between runs so the next run replays it first. */
export interface CorpusEntry {
  /** `Finding.key` of the finding it reproduces. */
  readonly key: string;
  readonly caseId: string;
  /** The state sequence the case is a step of: it is replayed by sending the whole sequence. */
  readonly sequence?: string;
  readonly operationId: string;
  /** The target that failed it (absent in entries written before targets were named). */
  readonly target?: string;
  readonly check: string;
  readonly constraintId?: string;
  readonly intent: CaseIntent;
  readonly seed: number;
  /** The request as sent, credentials redacted. */
  readonly request: SentRequest;
}
