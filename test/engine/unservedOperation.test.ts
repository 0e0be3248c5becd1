import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startMockServer } from '../../mock/startMockServer.ts';
import type { MockServer } from '../../mock/MockOptions.ts';
import { DEFAULT_CONFIG, type ConformanceConfig } from '../../src/config/ConformanceConfig.ts';
import { runConformance } from '../../src/engine/runConformance.ts';

let mock: MockServer;
let elsewhere: Server;
let elsewhereUrl: string;

beforeAll(async () => {
  mock = await startMockServer({ token: 'unserved-token', fault: 'hcx-ignore-auth' });
  // A server of some other API: every path is unknown to it.
  elsewhere = createServer((_req, res) => res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>'));
  await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
  elsewhereUrl = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await mock.close();
  await new Promise((resolve) => elsewhere.close(resolve));
});

describe('an operation the target does not serve', () => {
  test('is reported as not run, not as violations; the other operation is still judged', async () => {
    const config: ConformanceConfig = {
      ...DEFAULT_CONFIG,
      targets: { upgradeInterconnectAppliance: mock.url, updateHostedConnect: elsewhereUrl },
      token: mock.token,
      fixtures: { ...mock.fixtures },
      runs: 3,
    };
    const report = await runConformance(config, { reporters: [], embeddedTarget: startMockServer });
    expect([...new Set(report.findings.map((f) => `${f.operationId} ${f.check}`))]).toEqual(['upgradeInterconnectAppliance auth-required']);
    const note = report.notRun.find((n) => n.operationId === 'updateHostedConnect');
    expect(note?.reason).toContain('does not serve this operation');
    expect(report.checks.filter((c) => c.operationId === 'updateHostedConnect').every((c) => c.outcome === 'n/a')).toBe(true);
    expect(report.coverage.find((c) => c.constraintId === 'DC.body.hosted_connect.name.maxLength')).toMatchObject({ boundaryAccepted: 'not-run', violationRejected: 'not-run' });
  });
});
