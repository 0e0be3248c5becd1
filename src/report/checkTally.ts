import type { CellOutcome, CheckCell } from '../model/RunReport.ts';
import type { Accumulator } from './Accumulator.ts';

/** How one check judged the cases of one operation at one target: each case counts once, by its worst verdict. */
export interface CheckTally {
  readonly passed: number;
  readonly failed: number;
  readonly warned: number;
  /** Failures of valid requests answered 401/403: dropped when the credential turns out to be refused. */
  readonly refused: number;
  /** Of `failed`, cases that got no answer at all: dropped when the circuit breaker explains them. */
  readonly unanswered: number;
}

/** What one case counts as in its check's cell. */
export type TallyKind = 'passed' | 'warned' | 'refused' | 'failed';

/** From best to worst: a case counts in its check's cell by its worst verdict. */
const ORDER: readonly TallyKind[] = ['passed', 'warned', 'refused', 'failed'];

/** The worse of two ways a case counts (a case that breaks two rules of one check is one failing case). */
export function worseKind(a: TallyKind | undefined, b: TallyKind): TallyKind {
  return a === undefined || ORDER.indexOf(b) > ORDER.indexOf(a) ? b : a;
}

/** One case's count in a cell: its worst kind, and whether it got no answer at all. */
export interface TalliedCase {
  readonly kind: TallyKind;
  readonly unanswered: boolean;
}

export const checkTally: Accumulator<CheckTally, TalliedCase> = {
  empty: () => ({ passed: 0, failed: 0, warned: 0, refused: 0, unanswered: 0 }),
  add: (tally, { kind, unanswered }) => ({ ...tally, [kind]: tally[kind] + 1, unanswered: tally.unanswered + (kind === 'failed' && unanswered ? 1 : 0) }),
  combine: (a, b) => ({ passed: a.passed + b.passed, failed: a.failed + b.failed, warned: a.warned + b.warned, refused: a.refused + b.refused, unanswered: a.unanswered + b.unanswered }),
};

/** The outcome of a cell from its counts: a failure fails it, else a warning warns it, else a pass passes it; nothing judged is n/a. */
export function cellOutcome(counts: Pick<CheckCell, 'passed' | 'failed' | 'warned'>): CellOutcome {
  return counts.failed > 0 ? 'fail' : counts.warned > 0 ? 'warn' : counts.passed > 0 ? 'pass' : 'n/a';
}

/** Two cells of one check at one operation and target (two legs or shards): counts summed; n/a everywhere stays n/a (a skipped check). */
export function combineCells(a: CheckCell, b: CheckCell): CheckCell {
  const counts = { passed: a.passed + b.passed, failed: a.failed + b.failed, warned: a.warned + b.warned };
  return { ...a, ...counts, outcome: a.outcome === 'n/a' && b.outcome === 'n/a' ? 'n/a' : cellOutcome(counts) };
}
