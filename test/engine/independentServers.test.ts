import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG, type ConformanceConfig } from '../../src/config/ConformanceConfig.ts';
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
    runs: 60,
  };
  return runConformance(config, { reporters: [] });
}

/**
 * Servers written from the vendor pages by other hands (other credential headers, 400 or 404 for a
 * missing connection, 422 for a bad query value, extra response fields, charset parameters, nulls): the
 * suite must find nothing, over several seeds of random requests.
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

  test.each([1, 2, 3, 4, 5])('no violation with seed %i', async (seed) => {
    const report = await runAgainst(hcx, dc, seed);
    expect(findings(report)).toEqual([]);
    expect(report.notRun).toEqual([]);
    // Every check that can apply did run on both operations.
    const ran = report.checks.filter((c) => c.outcome === 'pass').map((c) => `${c.operationId} ${c.check}`);
    for (const check of ['positive-acceptance', 'negative-rejection', 'auth-required', 'not-found', 'echo', 'response-schema']) {
      expect(ran).toContain(`upgradeInterconnectAppliance ${check}`);
      expect(ran).toContain(`updateHostedConnect ${check}`);
    }
  });

  test('variants: bearer-only HCX answering 422 to bad values; DC answering 400 for not-found', async () => {
    const bearer = await startIndependentHcx(TOKEN, APPLIANCE, { auth: 'bearer', invalidAs422: true });
    const dc400 = await startIndependentDc(TOKEN, PROJECT, CONNECTION, { notFound: 400 });
    try {
      for (const seed of [6, 7]) {
        const report = await runAgainst(bearer, dc400, seed);
        expect(findings(report)).toEqual([]);
        expect(report.notRun).toEqual([]);
      }
    } finally {
      await bearer.close();
      await dc400.close();
    }
  });
});
