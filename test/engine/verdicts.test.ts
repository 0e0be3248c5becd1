import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { startMockServer } from '../../mock/startMockServer.ts';
import type { MockOptions, MockServer } from '../../mock/MockOptions.ts';
import { DEFAULT_CONFIG, type ConformanceConfig } from '../../src/config/ConformanceConfig.ts';
import { runConformance } from '../../src/engine/runConformance.ts';
import type { RunReport } from '../../src/model/RunReport.ts';
import { verdictLine } from '../../reporters/verdictLine.ts';
import { startIndependentHcx } from '../fixtures/independentServers.ts';

const TOKEN = 'verdict-token';
const APPLIANCE = 'appliance-7';
const FAST = { runs: 0, retries: 0, timeouts: { connectMs: 400, headersMs: 400, bodyMs: 400 } } as const;

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function mock(options: MockOptions = {}): Promise<MockServer> {
  const server = await startMockServer({ port: 0, ...options });
  closers.push(() => server.close());
  return server;
}

function against(server: { readonly url: string; readonly token: string; readonly fixtures: object }, extra: Partial<ConformanceConfig> = {}): Promise<RunReport> {
  const config: ConformanceConfig = { ...DEFAULT_CONFIG, ...FAST, target: server.url, token: server.token, fixtures: { ...(server.fixtures as Record<string, string>) }, ...extra };
  return runConformance(config, { reporters: [] });
}

const failures = (report: RunReport): string[] => report.findings.filter((f) => f.severity === 'failure').map((f) => `${f.operationId} ${f.check}: ${f.message}`);

describe('a server that is down is INCONCLUSIVE, its 5xx, redirects and timeouts are no failures', () => {
  test('every answer 503: the cause says so first, nothing fails', async () => {
    let requests = 0;
    const url = await listen(
      createServer((req, res) => {
        requests += 1;
        req.resume();
        res.writeHead(503, { 'content-type': 'text/html', 'content-length': '11' }).end('unavailable');
      }),
    );
    const report = await against({
      url,
      token: TOKEN,
      fixtures: { applianceId: APPLIANCE, project_id: '0123456789abcdef0123456789abcdef', hosted_connect_id: '11111111-2222-4333-8444-555555555555' },
    });
    expect(requests).toBeGreaterThan(0);
    expect(report.summary.verdict).toBe('inconclusive');
    expect(report.summary.causes[0]).toMatch(/^\w+: every answer was 503 before any 2xx .*the server is unavailable/);
    expect(failures(report)).toEqual([]);
    expect(report.checks.every((c) => c.outcome === 'n/a')).toBe(true);
    expect(verdictLine(report)).toMatch(/^INCONCLUSIVE: \w+: every answer was 503 before any 2xx/);
  });

  test('every answer a redirect', async () => {
    const server = await mock({ chaos: 'redirect' });
    const report = await against(server);
    expect(report.summary.verdict).toBe('inconclusive');
    expect(report.summary.causes[0]).toContain('every answer was a redirect');
    expect(failures(report)).toEqual([]);
  });

  test('every connection reset, all sent at once (no breaker could stop them)', async () => {
    const server = await mock({ chaos: 'reset' });
    // More in flight than either operation has cases.
    const report = await against(server, { concurrency: 128 });
    expect(report.summary.verdict).toBe('inconclusive');
    expect(report.summary.causes[0]).toMatch(/requests got no answer \(\d+ connection-reset.*\) and no valid request was accepted/);
    expect(failures(report)).toEqual([]);
  });

  test('a hand-picked case (--case, replay) that gets no answer again still fails: it was sent for its failure', async () => {
    const server = await mock({ chaos: 'hang' });
    const report = await against(server, { caseIds: ['updateHostedConnect:boundary:DC.body.hosted_connect.bandwidth.maximum:at-edge@1'] });
    expect(report.summary.verdict).toBe('not-conforming');
    expect(report.findings.map((f) => f.failure?.kind)).toEqual(['timeout']);
  });

  test('a server that accepts valid requests and answers 500 to one boundary value still fails', async () => {
    const server = await mock({ fault: 'dc-500-on-bandwidth-max' });
    const report = await against(server);
    expect(report.summary.verdict).toBe('not-conforming');
    expect(report.findings.some((f) => f.check === 'not-server-error' && f.severity === 'failure')).toBe(true);
  });

  test('a server that resets every other connection still fails (some answers came)', async () => {
    const server = await mock({ chaos: { mode: 'reset', fraction: 0.5 } });
    const report = await against(server, { concurrency: 2 });
    expect(report.summary.verdict).toBe('not-conforming');
    expect(report.stopReason).toBeUndefined();
    expect(report.findings.some((f) => f.failure?.kind === 'connection-reset')).toBe(true);
  });
});

/** A server in front of the mock that serves its first `answered` requests and then hangs (an appliance that went down). */
async function hangingAfter(upstream: MockServer, answered: number): Promise<{ url: string; count: () => number }> {
  let count = 0;
  const url = await listen(
    createServer(async (req, res) => {
      count += 1;
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      if (count > answered) return;
      const headers = Object.fromEntries(
        Object.entries(req.headers).flatMap(([name, value]) => (typeof value === 'string' && !['host', 'content-length', 'connection'].includes(name) ? [[name, value]] : [])),
      );
      const answer = await fetch(`${upstream.url}${req.url ?? '/'}`, { method: req.method ?? 'GET', headers, ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}) });
      const body = await answer.text();
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
    }),
  );
  return { url, count: () => count };
}

describe('the circuit breaker', () => {
  test('a server that stops answering during the random cases: inconclusive, its timeouts no failures, every planned case counted', async () => {
    const upstream = await mock();
    const config = { operationIds: ['updateHostedConnect'], concurrency: 2 };
    const counting = await hangingAfter(upstream, Number.MAX_SAFE_INTEGER);
    const deterministic = await against({ ...upstream, url: counting.url }, config);
    expect(deterministic.summary.verdict).toBe('conforming');
    const server = await hangingAfter(upstream, counting.count() + 3);
    const report = await against({ ...upstream, url: server.url }, { ...config, runs: 20 });
    expect(report.stopReason).toContain('the circuit breaker stopped sending');
    expect(report.summary.verdict).toBe('inconclusive');
    expect(report.summary.causes[0]).toContain(report.stopReason);
    expect(failures(report)).toEqual([]);
    expect(report.notRun.some((n) => n.caseId.includes(':random:') && n.reason === `not sent: ${report.stopReason}`)).toBe(true);
    expect(report.summary.cases).toBe(report.summary.ran + report.summary.notRun);
    expect(report.checks.find((c) => c.check === 'transport')?.failed).toBe(0);
  });

  test('a hanging server: the breaker stops sending after 5 unanswered requests, and is the first cause', async () => {
    const server = await mock({ chaos: 'hang' });
    const report = await against(server, { concurrency: 2 });
    expect(report.summary.verdict).toBe('inconclusive');
    expect(report.interrupted).toBe(false);
    expect(report.stopReason).toMatch(/5 requests in a row got no answer \(5 timeout\), so the circuit breaker stopped sending/);
    expect(report.summary.causes[0]).toContain(report.stopReason);
    // Sent: the first wave, at most one in flight per connection after it opened.
    expect(report.summary.ran).toBeLessThanOrEqual(5 + 2);
    // One credential probe (no other scheme is tried once the first got no answer), then the cases.
    expect(server.requestCount()).toBeLessThanOrEqual(1 + report.summary.ran);
    expect(report.summary.cases).toBe(report.summary.ran + report.summary.notRun);
    expect(report.notRun.filter((n) => n.reason === `not sent: ${report.stopReason}`).length).toBe(report.summary.notRun);
    expect(failures(report)).toEqual([]);
  });

  test('a hanging server without fixtures: the hang is named first, not the missing fixture', async () => {
    const server = await mock({ chaos: 'hang' });
    const report = await against({ url: server.url, token: server.token, fixtures: {} }, { concurrency: 2 });
    expect(report.summary.verdict).toBe('inconclusive');
    // Named by the availability rule or, once enough cases run, by the circuit breaker: the hang either way.
    expect(report.summary.causes[0]).toMatch(
      /requests got no answer \(\d+ timeout\) and no valid request was accepted: the server is unavailable or hangs|requests in a row got no answer \(\d+ timeout\), so the circuit breaker stopped sending/,
    );
    expect(report.summary.causes.findIndex((c) => c.includes('--fixture'))).toBeGreaterThan(0);
  });
});

/**
 * A real HCX while an upgrade runs: the first upgrade is accepted (202), every later one answered 422
 * (documented for the appliance's state). `only` limits the 422 to requests with that query parameter.
 */
async function busyHcx(options: { readonly only?: string } = {}): Promise<string> {
  const upstream = await startIndependentHcx(TOKEN, APPLIANCE);
  closers.push(() => upstream.close());
  let accepted = 0;
  return listen(
    createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const headers = Object.fromEntries(['authorization', 'content-type'].flatMap((name) => (typeof req.headers[name] === 'string' ? [[name, req.headers[name]]] : [])));
      const answer = await fetch(`${upstream.url}${req.url ?? '/'}`, { method: req.method ?? 'GET', headers, ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}) });
      const body = await answer.text();
      const query = new URL(req.url ?? '/', 'http://x').searchParams;
      const busy = answer.status === 202 && (options.only === undefined ? accepted++ > 0 : query.has(options.only));
      if (busy) {
        const text = JSON.stringify({ data: null, warnings: [], errors: [{ code: 'UPGRADE_IN_PROGRESS', message: 'an upgrade of this appliance is already running' }] });
        res.writeHead(422, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
        return;
      }
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
    }),
  );
}

function hcxRun(url: string): Promise<RunReport> {
  const config: ConformanceConfig = { ...DEFAULT_CONFIG, targets: { upgradeInterconnectAppliance: url }, headers: { Authorization: TOKEN }, fixtures: { applianceId: APPLIANCE }, runs: 5, retries: 0 };
  return runConformance(config, { reporters: [] });
}

describe('boundaries a documented state conflict kept unverified', () => {
  test('one upgrade accepted, the rest 422: no boundary verified, so not green, each one named', async () => {
    const report = await hcxRun(await busyHcx());
    expect(report.summary.verdict).toBe('inconclusive');
    expect(report.unverifiedBoundaries?.map((u) => u.constraintId)).toEqual(['HCX.query.force.enum', 'HCX.query.local.enum', 'HCX.query.method.enum']);
    expect(report.unverifiedBoundaries?.every((u) => u.statuses.join() === '422')).toBe(true);
    expect(report.summary.causes[0]).toMatch(/3 of 3 boundaries stayed unverified .*HCX\.query\.force\.enum, HCX\.query\.local\.enum, HCX\.query\.method\.enum/);
    expect(verdictLine(report)).toContain('3 boundaries unverified');
    expect(report.coverage.find((c) => c.constraintId === 'HCX.query.force.enum')?.boundaryAccepted).toBe('not-run');
  });

  test('one boundary of three unverified: CONFORMING, and the line says which', async () => {
    const report = await hcxRun(await busyHcx({ only: 'method' }));
    expect(report.summary.verdict).toBe('conforming');
    expect(report.unverifiedBoundaries).toEqual([{ operationId: 'upgradeInterconnectAppliance', target: expect.any(String), constraintId: 'HCX.query.method.enum', statuses: [422] }]);
    expect(verdictLine(report)).toMatch(/^CONFORMING with 1 boundary unverified: /);
  });

  test('the correct mock leaves no boundary unverified and relaxes nothing', async () => {
    const server = await mock();
    const report = await against(server, { runs: 3 });
    expect(report.summary.verdict).toBe('conforming');
    expect(report.unverifiedBoundaries).toBeUndefined();
    expect(report.relaxations).toBeUndefined();
    expect(verdictLine(report)).toMatch(/^CONFORMING: /);
  });
});

describe('relaxations the configuration makes are listed', () => {
  const operations: ConformanceConfig['operations'] = {
    updateHostedConnect: {
      acceptedStatuses: ['418'],
      skipChecks: ['echo'],
      severity: { 'DC.body.hosted_connect.name.maxLength': 'warning', 'DC.response.200.request_id.required': 'warning', 'not-found': 'failure' },
    },
  };

  test('a demoted page rule, a skipped check and an accepted status: "CONFORMING, 3 rules relaxed"', async () => {
    const server = await mock();
    const report = await against(server, { operations, operationIds: ['updateHostedConnect'] });
    // A reading rule demoted to what it already is, and a promotion, relax nothing.
    expect(report.relaxations?.map((r) => `${r.kind} ${r.rule}`)).toEqual(['severity DC.body.hosted_connect.name.maxLength', 'skip-check echo', 'accepted-status 418']);
    expect(report.relaxations?.[0]?.text).toBe('updateHostedConnect: DC.body.hosted_connect.name.maxLength demoted to a warning (operations.updateHostedConnect.severity)');
    expect(verdictLine(report)).toMatch(/^CONFORMING, 3 rules relaxed: /);
  });

  test('--strict undoes demotions: they are no relaxation then', async () => {
    const server = await mock();
    const report = await against(server, { operations, operationIds: ['updateHostedConnect'], strict: true });
    expect(report.relaxations?.map((r) => r.kind)).toEqual(['skip-check', 'accepted-status']);
  });

  test('a failing run says what was relaxed too', async () => {
    const server = await mock({ fault: 'dc-accept-long-description' });
    const report = await against(server, { operations, operationIds: ['updateHostedConnect'] });
    expect(report.summary.verdict).toBe('not-conforming');
    expect(verdictLine(report)).toMatch(/; 3 rules relaxed$/);
  });
});
