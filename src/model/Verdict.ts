import type { Exchange } from './Exchange.ts';
import type { Provenance } from './Provenance.ts';

/** The outcome of one check on one exchange. */
export type VerdictOutcome = 'pass' | 'fail' | 'skip';

export interface Verdict {
  readonly check: string;
  readonly outcome: VerdictOutcome;
  readonly constraintId?: string;
  /**
   * Where the judged rule comes from, when the check knows better than its constraint or its default
   * (an echo rule, a response of a convention status).
   */
  readonly provenance?: Provenance;
  /** Short human sentence: what was expected and what came back. */
  readonly message: string;
  /**
   * The exchange judged, when it is not the case's own: a request a link of the case's answer led to
   * (its `case` is the case whose answer gave the link, so the finding replays that case).
   */
  readonly on?: Exchange;
}
