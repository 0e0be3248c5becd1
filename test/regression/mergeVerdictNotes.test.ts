import { describe, expect, it } from 'vitest';
import type { Relaxation, RunReport } from '../../src/model/RunReport.ts';
import { mergeReports } from '../../src/regression/mergeReports.ts';
import { buildReport, DC, HCX, TARGET } from '../reporters/fixtures.ts';

const METHOD = 'HCX.query.method.enum';
const FORCE = 'HCX.query.force.enum';
const SKIP_ECHO: Relaxation = { operationId: DC, kind: 'skip-check', rule: 'echo', text: `${DC}: check echo not run (operations.${DC}.skipChecks)` };

const shard = (index: number, report: RunReport): RunReport => ({ ...report, shard: { index, total: 2 } });
const notJudged = (report: RunReport, id: string): RunReport => ({ ...report, coverage: report.coverage.map((c) => (c.constraintId === id ? { ...c, boundaryAccepted: 'not-run' } : c)) });

describe('mergeReports keeps what a verdict holds only with', () => {
  it('a boundary stays unverified only if no shard verified it; statuses are joined', () => {
    // Shard 1 saw both only in conflict; shard 2 saw the method boundary accepted and force in conflict.
    const a = shard(
      1,
      notJudged(
        notJudged(
          buildReport({
            unverifiedBoundaries: [
              { operationId: HCX, target: TARGET, constraintId: FORCE, statuses: [422] },
              { operationId: HCX, target: TARGET, constraintId: METHOD, statuses: [422] },
            ],
          }),
          FORCE,
        ),
        METHOD,
      ),
    );
    const b = shard(2, notJudged(buildReport({ unverifiedBoundaries: [{ operationId: HCX, target: TARGET, constraintId: FORCE, statuses: [409] }] }), FORCE));
    const merged = mergeReports([
      { path: 'a.json', report: a },
      { path: 'b.json', report: b },
    ]);
    expect(merged.unverifiedBoundaries).toEqual([{ operationId: HCX, target: TARGET, constraintId: FORCE, statuses: [409, 422] }]);
  });

  it('each relaxation once; none when no report has any', () => {
    const merged = mergeReports([
      { path: 'a.json', report: shard(1, buildReport({ relaxations: [SKIP_ECHO] })) },
      { path: 'b.json', report: shard(2, buildReport({ relaxations: [SKIP_ECHO] })) },
    ]);
    expect(merged.relaxations).toEqual([SKIP_ECHO]);
    const plain = mergeReports([
      { path: 'a.json', report: shard(1, buildReport()) },
      { path: 'b.json', report: shard(2, buildReport()) },
    ]);
    expect(plain.relaxations).toBeUndefined();
    expect(plain.unverifiedBoundaries).toBeUndefined();
  });
});
