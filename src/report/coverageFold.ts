import type { Accumulator } from './Accumulator.ts';
import { strongerOutcome, type CoverageOutcome } from './coverageOutcome.ts';

/**
 * What the answers showed of the constraints of one target, keyed `operationId|ruleId`: boundaries
 * accepted, violations rejected, response rules honoured (and, under `operationId|status:N`, the
 * statuses whose bodies were validated), and the documented state-conflict statuses each boundary was
 * answered instead of a judgement.
 */
export interface CoverageFold {
  readonly boundary: ReadonlyMap<string, CoverageOutcome>;
  readonly violation: ReadonlyMap<string, CoverageOutcome>;
  readonly response: ReadonlyMap<string, CoverageOutcome>;
  readonly conflicts: ReadonlyMap<string, ReadonlySet<number>>;
}

/** One thing a case result showed of a rule. */
export type CoverageMark =
  { readonly column: 'boundary' | 'violation' | 'response'; readonly key: string; readonly outcome: CoverageOutcome } | { readonly column: 'conflict'; readonly key: string; readonly status: number };

function joinOutcomes(a: ReadonlyMap<string, CoverageOutcome>, b: ReadonlyMap<string, CoverageOutcome>): Map<string, CoverageOutcome> {
  const out = new Map(a);
  for (const [key, outcome] of b) out.set(key, strongerOutcome(out.get(key) ?? 'n/a', outcome));
  return out;
}

export const coverageFold: Accumulator<CoverageFold, CoverageMark> = {
  empty: () => ({ boundary: new Map(), violation: new Map(), response: new Map(), conflicts: new Map() }),
  add: (fold, mark) => {
    if (mark.column === 'conflict') {
      const conflicts = fold.conflicts as Map<string, Set<number>>;
      conflicts.set(mark.key, new Set([...(conflicts.get(mark.key) ?? []), mark.status]));
      return fold;
    }
    const column = fold[mark.column] as Map<string, CoverageOutcome>;
    column.set(mark.key, strongerOutcome(column.get(mark.key) ?? 'n/a', mark.outcome));
    return fold;
  },
  combine: (a, b) => {
    const conflicts = new Map<string, ReadonlySet<number>>(a.conflicts);
    for (const [key, statuses] of b.conflicts) conflicts.set(key, new Set([...(conflicts.get(key) ?? []), ...statuses]));
    return { boundary: joinOutcomes(a.boundary, b.boundary), violation: joinOutcomes(a.violation, b.violation), response: joinOutcomes(a.response, b.response), conflicts };
  },
};
