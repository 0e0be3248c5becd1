import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startMockServer } from '../../mock/startMockServer.ts';
import type { MockServer } from '../../mock/MockOptions.ts';
import { DEFAULT_CONFIG, type ConformanceConfig } from '../../src/config/ConformanceConfig.ts';
import { runConformance } from '../../src/engine/runConformance.ts';

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer({ token: 'discover-token' });
});
afterAll(async () => mock.close());

const config = (fixtures: Record<string, string>): ConformanceConfig => ({ ...DEFAULT_CONFIG, target: mock.url, token: mock.token, fixtures, runs: 3, seed: 5 });

describe('fixtures from the document examples', () => {
  test('a server that knows the documented ids gets every case, without --fixture', async () => {
    const report = await runConformance(config({}), { reporters: [], embeddedTarget: startMockServer });
    expect(report.notRun).toEqual([]);
    expect(report.findings).toEqual([]);
    expect(report.operations.find((o) => o.operationId === 'updateHostedConnect')?.ran).toBeGreaterThan(40);
  });

  test('ids the server does not know are not adopted: those cases are not run, never passed', async () => {
    const report = await runConformance(config({ project_id: 'ffffffffffffffffffffffffffffffff' }), { reporters: [], embeddedTarget: startMockServer });
    const dc = report.notRun.filter((n) => n.operationId === 'updateHostedConnect');
    expect(dc.length).toBeGreaterThan(20);
    expect(dc[0]!.reason).toContain('--fixture hosted_connect_id=');
    expect(report.coverage.find((c) => c.constraintId === 'DC.body.hosted_connect.name.maxLength')).toMatchObject({ boundaryAccepted: 'not-run', violationRejected: 'not-run' });
    expect(report.findings).toEqual([]);
  });
});
