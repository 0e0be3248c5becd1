import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors/ConformanceError.ts';
import type { ConstraintCoverage, RunReport } from '../../src/model/RunReport.ts';
import type { TaskTimeline } from '../../src/model/TaskTimeline.ts';
import { mergeReports } from '../../src/regression/mergeReports.ts';
import { buildReport, DC, FINDINGS } from '../reporters/fixtures.ts';

const BANDWIDTH = 'DC.body.hosted_connect.bandwidth.maximum';
const ID_LENGTH = 'DC.path.hosted_connect_id.minLength';

const shard = (index: number, report: RunReport = buildReport()): RunReport => ({ ...report, shard: { index, total: 2 } });
const row = (report: RunReport, id: string): ConstraintCoverage => report.coverage.find((c) => c.constraintId === id)!;
const withRow = (report: RunReport, id: string, change: Partial<ConstraintCoverage>): RunReport => ({
  ...report,
  coverage: report.coverage.map((c) => (c.constraintId === id ? { ...c, ...change } : c)),
});

describe('mergeReports', () => {
  it('takes pass over not-run, keeps a fail from any shard, and sums counts and tallies', () => {
    const a = shard(1, withRow(buildReport(), ID_LENGTH, { boundaryAccepted: 'not-run' }));
    const b = shard(2, withRow(withRow(buildReport(), ID_LENGTH, { boundaryAccepted: 'pass' }), BANDWIDTH, { boundaryAccepted: 'pass' }));
    const merged = mergeReports([
      { path: 'a.json', report: a },
      { path: 'b.json', report: b },
    ]);
    expect(row(merged, ID_LENGTH).boundaryAccepted).toBe('pass');
    expect(row(merged, BANDWIDTH).boundaryAccepted).toBe('fail');
    expect(merged.summary.cases).toBe(a.summary.cases + b.summary.cases);
    const cell = (r: RunReport) => r.checks.find((c) => c.operationId === DC && c.check === 'response-schema')!;
    expect(cell(merged).failed).toBe(cell(a).failed + cell(b).failed);
  });

  it('deduplicates findings by key with occurrences summed, and recomputes the verdict', () => {
    const merged = mergeReports([
      { path: 'a.json', report: shard(1) },
      { path: 'b.json', report: shard(2) },
    ]);
    expect(merged.findings.map((f) => f.key).sort()).toEqual(FINDINGS.map((f) => f.key).sort());
    expect(merged.occurrences.reduce((x, y) => x + y, 0)).toBe(2 * buildReport().occurrences.reduce((x, y) => x + y, 0));
    expect(merged.summary.verdict).toBe('not-conforming');
    const clean = mergeReports([
      { path: 'a.json', report: shard(1, buildReport({ findings: [] })) },
      { path: 'b.json', report: shard(2, buildReport({ findings: [] })) },
    ]);
    expect(clean.summary.violations).toBe(0);
  });

  it('keeps a cause by its data while its operation stays inconclusive, and names the target where the operation has several', () => {
    const inconclusive = (report: RunReport, text: string): RunReport => ({
      ...report,
      findings: [],
      occurrences: [],
      operations: report.operations.map((o) => (o.operationId === DC ? { ...o, violations: 0, warnings: 0, verdict: 'inconclusive' as const, cause: text } : { ...o, violations: 0, warnings: 0 })),
      // The line is what a reporter shows: merge reads the data, never the words.
      summary: {
        ...report.summary,
        verdict: 'inconclusive',
        causes: [`anything ${text}`],
        inconclusiveCauses: [{ operationId: DC, target: report.operations.find((o) => o.operationId === DC)!.targetName, kind: 'credential', text }],
      },
    });
    const a = shard(1, inconclusive(buildReport(), 'refused'));
    const b = shard(2, inconclusive(buildReport(), 'refused'));
    const merged = mergeReports([
      { path: 'a.json', report: a },
      { path: 'b.json', report: b },
    ]);
    expect(merged.summary.inconclusiveCauses).toEqual([a.summary.inconclusiveCauses[0]]);
    expect(merged.summary.causes).toEqual([`${DC}: refused`]);
    expect(merged.summary.verdict).toBe('inconclusive');
    // A shard that judged the operation makes its causes no longer true of the run.
    const judged = mergeReports([
      { path: 'a.json', report: a },
      { path: 'b.json', report: shard(2, { ...buildReport(), findings: [], occurrences: [] }) },
    ]);
    expect(judged.summary.inconclusiveCauses).toEqual([]);
  });

  it('adds up the tasks the shards followed and keeps their timelines', () => {
    const timeline = (caseId: string, outcome: TaskTimeline['outcome']): TaskTimeline => ({
      caseId,
      operationId: 'upgradeInterconnectAppliance',
      link: 'task',
      linkedOperationId: 'getInterconnectTask',
      parameters: { interconnectTaskId: caseId },
      outcome,
      polls: 2,
      durationMs: 20,
      states: [],
    });
    const a = shard(1, { ...buildReport(), tasks: { followed: 2, outcomes: { succeeded: 2 }, timelines: [timeline('a', 'succeeded')] } });
    const b = shard(2, { ...buildReport(), tasks: { followed: 1, outcomes: { deadline: 1 }, timelines: [timeline('b', 'deadline')] } });
    const merged = mergeReports([
      { path: 'a.json', report: a },
      { path: 'b.json', report: b },
    ]);
    expect(merged.tasks).toEqual({ followed: 3, outcomes: { succeeded: 2, deadline: 1 }, timelines: [timeline('a', 'succeeded'), timeline('b', 'deadline')] });
    expect(
      mergeReports([
        { path: 'a.json', report: shard(1) },
        { path: 'b.json', report: shard(2) },
      ]).tasks,
    ).toBeUndefined();
  });

  it('refuses two whole runs of one operation at one target (the same report twice, or two servers under one name)', () => {
    const report = buildReport();
    expect(() =>
      mergeReports([
        { path: 'a.json', report },
        { path: 'b.json', report },
      ]),
    ).toThrow(
      new ConfigError(
        `merge: a.json and b.json both test ${report.operations[0]!.operationId} at ${report.operations[0]!.targetName}: merge joins the shards of one run (--shard I/N) and runs against other targets`,
      ),
    );
    // A shard set and a whole run of the same target are two runs of it too.
    expect(() =>
      mergeReports([
        { path: 's1.json', report: shard(1) },
        { path: 's2.json', report: shard(2) },
        { path: 'whole.json', report },
      ]),
    ).toThrow(/s1\.json and whole\.json both test/);
  });

  it('refuses a shard set with a shard missing or given twice, naming it', () => {
    expect(() => mergeReports([{ path: 'a.json', report: shard(1) }])).toThrow(new ConfigError('merge: shard 2/2 missing (seed 7; given: a.json)'));
    expect(() =>
      mergeReports([
        { path: 'a.json', report: shard(1) },
        { path: 'b.json', report: shard(1) },
      ]),
    ).toThrow(/shard 1\/2 given twice \(a.json, b.json\)/);
  });
});
