import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { startMockServer } from '../../mock/startMockServer.ts';
import { DEFAULT_CONFIG, type ConformanceConfig } from '../../src/config/ConformanceConfig.ts';
import { runConformance } from '../../src/engine/runConformance.ts';
import type { RunReport } from '../../src/model/RunReport.ts';

const TOKEN = 'odd-ids-token';
const APPLIANCE = '20ef77b0-2a69-4a4e-9a8a-2ac5a4f0c1d3';
const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/**
 * An HCX upgrade endpoint written the careless way: it parses the appliance id as a UUID before it
 * looks it up (a 500 on any other shape), or it decodes the whole path before it routes (so
 * `%2F..%2F` is a separator and a dot-segment).
 */
async function carelessHcx(flaw: 'parses-id' | 'decodes-path'): Promise<{ url: string }> {
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const send = (status: number, body?: unknown): void => {
        res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' }).end(body === undefined ? undefined : JSON.stringify(body));
      };
      if (req.headers['x-hm-authorization'] !== TOKEN) return send(401);
      const raw = (req.url ?? '/').split('?')[0]!;
      const path = flaw === 'decodes-path' ? new URL(decodeURIComponent(raw), 'http://x').pathname : raw;
      const match = /^\/hybridity\/api\/interconnect\/appliances\/([^/]*)\/upgrade$/.exec(path);
      if (!match || req.method !== 'POST') return send(404);
      const id = flaw === 'decodes-path' ? match[1]! : decodeURIComponent(match[1]!);
      if (flaw === 'parses-id' && !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) return send(500, { message: 'invalid UUID' });
      if (id !== APPLIANCE) return send(404);
      send(202, { data: { interconnectTaskId: '9d2b8f7c-6a1e-4c3b-8f0e-1a2b3c4d5e6f', applianceId: id }, warnings: [], errors: [] });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  open.push({ close: () => new Promise((resolve) => server.close(() => resolve())) });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function run(url: string, token = TOKEN, applianceId = APPLIANCE): Promise<RunReport> {
  const config: ConformanceConfig = {
    ...DEFAULT_CONFIG,
    targets: { upgradeInterconnectAppliance: url },
    token,
    fixtures: { applianceId },
    runs: 0,
  };
  return runConformance(config, { reporters: [], embeddedTarget: startMockServer });
}

const oddFindings = (report: RunReport): string[] => report.findings.filter((f) => f.caseId.includes(':odd-')).map((f) => `${f.check} ${f.severity} ${f.caseId.split(':').at(-1)!.split('@')[0]}`);

const TENANTS_DOC = fileURLToPath(new URL('../plan/fixtures/tenants.openapi.yaml', import.meta.url));

describe('odd shapes of a path id', () => {
  test('a document without x-conformance: the owner the path implies is judged, and the document-driven mock keeps it', async () => {
    const config: ConformanceConfig = { ...DEFAULT_CONFIG, specs: [TENANTS_DOC], runs: 0 };
    const report = await runConformance(config, { reporters: [], embeddedTarget: startMockServer });
    expect(report.findings).toEqual([]);
    const cell = report.checks.find((c) => c.operationId === 'renameWidget' && c.check === 'tenant-isolation')!;
    expect([cell.failed, cell.passed]).toEqual([0, expect.any(Number)]);
    expect(cell.passed).toBeGreaterThan(5);
  });

  test('a server that answers 500 for an id that is not a UUID fails not-server-error on them', async () => {
    const report = await run((await carelessHcx('parses-id')).url);
    // One defect, one finding (a 5xx names no rule): the first odd id that showed it.
    expect(oddFindings(report).filter((f) => f.startsWith('not-server-error failure odd-applianceId-'))).toHaveLength(1);
    expect(report.summary.verdict).toBe('not-conforming');
    // Every shape a UUID parser trips on was answered 500 and judged so.
    const cell = report.checks.find((c) => c.operationId === 'upgradeInterconnectAppliance' && c.check === 'not-server-error')!;
    expect(cell.failed).toBeGreaterThanOrEqual(8);
  });

  test('a server that decodes %2F before it routes answers another resource: a robustness failure of not-found', async () => {
    const report = await run((await carelessHcx('decodes-path')).url);
    expect(oddFindings(report)).toContain('not-found failure odd-applianceId-encoded-slash');
    const finding = report.findings.find((f) => f.check === 'not-found' && f.caseId.includes(':odd-applianceId-encoded-slash'))!;
    expect(finding.provenance).toBe('robustness');
    expect(finding.request.url).toContain('%2F..%2F');
  });

  test('the correct mock refuses every odd shape with a 4xx: no finding, not even a warning', async () => {
    const mock = await startMockServer({ port: 0, token: TOKEN });
    open.push(mock);
    const config: ConformanceConfig = { ...DEFAULT_CONFIG, target: mock.url, token: TOKEN, fixtures: { ...mock.fixtures }, runs: 0 };
    const report = await runConformance(config, { reporters: [], embeddedTarget: startMockServer });
    expect(report.findings).toEqual([]);
    expect(report.summary).toMatchObject({ verdict: 'conforming', warnings: 0 });
    const judged = report.checks.filter((c) => c.check === 'not-found' || (c.check === 'tenant-isolation' && c.operationId === 'updateHostedConnect'));
    expect(judged).toHaveLength(3);
    for (const cell of judged) expect([cell.failed, cell.passed > 0]).toEqual([0, true]);
  });
});
