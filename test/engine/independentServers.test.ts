import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG, type ConformanceConfig } from '../../src/config/ConformanceConfig.ts';
import { startMockServer } from '../../mock/startMockServer.ts';
import { runConformance } from '../../src/engine/runConformance.ts';
import type { RunReport } from '../../src/model/RunReport.ts';
import { startIndependentDc, startIndependentHcx, type IndependentServer } from '../fixtures/independentServers.ts';

const TOKEN = 'independent-token';
const APPLIANCE = 'appliance-7';
const PROJECT = '0123456789abcdef0123456789abcdef';
const CONNECTION = '11111111-2222-4333-8444-555555555555';

const findings = (report: RunReport): string[] => report.findings.map((f) => `${f.operationId} ${f.check} ${f.constraintId ?? ''}: ${f.message}`);

async function runAgainst(hcx: IndependentServer, dc: IndependentServer, seed: number): Promise<RunReport> {
  const config: ConformanceConfig = {
    ...DEFAULT_CONFIG,
    targets: { upgradeInterconnectAppliance: hcx.url, updateHostedConnect: dc.url },
    token: TOKEN,
    fixtures: { applianceId: APPLIANCE, project_id: PROJECT, hosted_connect_id: CONNECTION },
    seed,
    runs: 15,
  };
  return runConformance(config, { reporters: [], embeddedTarget: startMockServer });
}

/**
 * Servers written from the vendor pages by other hands (the literal `Authorization: <value>` header, 404
 * for a missing connection, extra response fields, charset parameters, nulls), answering every member the
 * suite's readings expect: the suite must find nothing, not even a warning, over ten seeds of random
 * requests. Each page-consistent deviation on its own is in pageFaithful.test.ts.
 */
describe('independent servers that follow the docs', () => {
  let hcx: IndependentServer;
  let dc: IndependentServer;
  beforeAll(async () => {
    hcx = await startIndependentHcx(TOKEN, APPLIANCE);
    dc = await startIndependentDc(TOKEN, PROJECT, CONNECTION);
  });
  afterAll(async () => {
    await hcx.close();
    await dc.close();
  });

  test.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])('no finding with seed %i', async (seed) => {
    const report = await runAgainst(hcx, dc, seed);
    expect(findings(report)).toEqual([]);
    expect(report.summary).toMatchObject({ verdict: 'conforming', violations: 0, warnings: 0 });
    expect(report.notRun).toEqual([]);
    // Every check that can apply did run on both operations.
    const ran = report.checks.filter((c) => c.outcome === 'pass').map((c) => `${c.operationId} ${c.check}`);
    for (const check of ['positive-acceptance', 'negative-rejection', 'auth-required', 'not-found', 'echo', 'response-schema']) {
      expect(ran).toContain(`upgradeInterconnectAppliance ${check}`);
      expect(ran).toContain(`updateHostedConnect ${check}`);
    }
  });
});
