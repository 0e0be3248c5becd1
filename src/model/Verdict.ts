/** The outcome of one check on one exchange. */
export type VerdictOutcome = 'pass' | 'fail' | 'skip';

export interface Verdict {
  readonly check: string;
  readonly outcome: VerdictOutcome;
  readonly constraintId?: string;
  /** Short human sentence: what was expected and what came back. */
  readonly message: string;
}
