import type { ConstraintCoverage } from '../model/RunReport.ts';

/** One column of a coverage row: what the answers showed of a constraint. */
export type CoverageOutcome = ConstraintCoverage['boundaryAccepted'] | ConstraintCoverage['responseHonoured'];

const RANK: Readonly<Record<CoverageOutcome, number>> = { fail: 3, pass: 2, 'not-run': 1, 'n/a': 0 };

/** The better-informed of two coverage results: a fail anywhere is a fail, a pass beats not-run, anything beats n/a. */
export function strongerOutcome<T extends CoverageOutcome>(a: T, b: T): T {
  return RANK[b] > RANK[a] ? b : a;
}

/** Two coverage rows of one constraint at one target (two legs or shards): each column the better-informed. */
export function combineCoverage(a: ConstraintCoverage, b: ConstraintCoverage): ConstraintCoverage {
  return {
    ...a,
    boundaryAccepted: strongerOutcome(a.boundaryAccepted, b.boundaryAccepted),
    violationRejected: strongerOutcome(a.violationRejected, b.violationRejected),
    responseHonoured: strongerOutcome(a.responseHonoured, b.responseHonoured),
  };
}
