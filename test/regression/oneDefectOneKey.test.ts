import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startMockServer } from '../../mock/startMockServer.ts';
import { DEFAULT_CONFIG, type ConformanceConfig } from '../../src/config/ConformanceConfig.ts';
import { runConformance } from '../../src/engine/runConformance.ts';
import type { CaseResult } from '../../src/model/CaseResult.ts';
import type { RunReport } from '../../src/model/RunReport.ts';
import { compareWithBaseline } from '../../src/regression/compareWithBaseline.ts';
import { loadBaseline } from '../../src/regression/loadBaseline.ts';
import { shouldFail } from '../../src/regression/shouldFail.ts';

const MAXIMUM = 'DC.body.hosted_connect.bandwidth.maximum';

let dir: string;
/** Last night's report: seed 1, 10 random cases per operation. */
let baseline: RunReport;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'conformance-keys-'));
  baseline = await asBaseline((await nightly('dc-500-on-bandwidth-max', 1, 10)).report);
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A run of the DC operation against the embedded mock with a fault profile, in process; every case result is kept. */
async function nightly(fault: string, seed: number, runs: number): Promise<{ report: RunReport; results: CaseResult[] }> {
  const results: CaseResult[] = [];
  const config: ConformanceConfig = { ...DEFAULT_CONFIG, seed, runs, operationIds: ['updateHostedConnect'], mock: { fault } };
  const report = await runConformance(config, { reporters: [{ onCaseResult: (r) => void results.push(r) }], embeddedTarget: startMockServer });
  return { report, results };
}

/** The report as last night's file: written and read back the way `--baseline` reads it. */
async function asBaseline(report: RunReport): Promise<RunReport> {
  const path = join(dir, `baseline-${report.seed}.json`);
  await writeFile(path, JSON.stringify(report));
  return loadBaseline(path);
}

/** Random cases that stood at the bandwidth maximum and were refused there. */
const randomAtMaximum = (results: readonly CaseResult[]): CaseResult[] =>
  results.filter(
    (r) =>
      r.status === 'ran' &&
      r.case.id.includes(':random:') &&
      r.case.intent.kind === 'valid' &&
      r.case.intent.edge?.constraintId === MAXIMUM &&
      r.verdicts.some((v) => v.check === 'positive-acceptance' && v.outcome === 'fail'),
  );

describe('one defect, one key, whichever case found it', () => {
  test('a 500 on the bandwidth maximum: another --seed or --runs on the unchanged server shows no new finding', async () => {
    expect(baseline.findings.map((f) => f.key)).toContain(`updateHostedConnect|positive-acceptance|${MAXIMUM}|boundary:at-edge|5xx|embedded mock`);
    let reached = 0;
    for (const [seed, runs] of [
      [3, 10],
      [7, 20],
    ] as const) {
      const { report, results } = await nightly('dc-500-on-bandwidth-max', seed, runs);
      reached += randomAtMaximum(results).length;
      const classification = compareWithBaseline(report, baseline);
      expect(classification.new.map((f) => `${f.key} (${f.caseId})`)).toEqual([]);
      expect(classification.fixed).toEqual([]);
      expect(shouldFail(classification, 'new')).toBe(false);
    }
    // Random cases did reach the maximum and fail there: they are what the keys had to bring together.
    expect(reached).toBeGreaterThan(0);
  }, 60_000);

  test('a defect the baseline did not have is still new', async () => {
    const { report } = await nightly('dc-accept-bandwidth-400001', 3, 10);
    const classification = compareWithBaseline(report, baseline);
    expect(classification.new.map((f) => f.constraintId)).toContain(MAXIMUM);
    expect(shouldFail(classification, 'new')).toBe(true);
  }, 60_000);
});
