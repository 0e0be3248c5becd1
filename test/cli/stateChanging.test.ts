import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { startMockServer } from '../../mock/startMockServer.ts';
import type { MockServer } from '../../mock/MockOptions.ts';
import { expectOneErrorLine, readReport, runCli, tempDir } from '../helpers/cli.ts';

const HCX = 'upgradeInterconnectAppliance';

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly status: number;
}

/**
 * A real HCX in front of the reference mock: the mock validates each request, and once one upgrade of
 * an appliance was accepted (202), every later one it would accept is answered 422, the documented
 * "upgrade already in progress", as a real appliance does while it upgrades. The first `first503`
 * requests are answered 503 with Retry-After: 0.
 */
async function busyHcx(mock: MockServer, options: { readonly first503?: number } = {}): Promise<{ port: number; seen: Seen[]; close(): Promise<void> }> {
  const seen: Seen[] = [];
  const upgrading = new Set<string>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const answer = (status: number, body: unknown, headers: Record<string, string> = {}): void => {
        seen.push({ method: req.method ?? '', url: req.url ?? '', status });
        res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
      };
      if (seen.length < (options.first503 ?? 0)) return answer(503, { errors: [{ code: 'UNAVAILABLE', message: 'try again' }] }, { 'retry-after': '0' });
      const headers = Object.fromEntries(
        Object.entries(req.headers).flatMap(([k, v]) => (k === 'host' || k === 'content-length' || v === undefined ? [] : [[k, Array.isArray(v) ? v.join(', ') : v]])),
      );
      const body = chunks.length > 0 ? Buffer.concat(chunks) : undefined;
      const upstream = await fetch(`${mock.url}${req.url ?? '/'}`, { method: req.method ?? 'GET', headers, ...(body ? { body } : {}) });
      const json: unknown = await upstream.json().catch(() => ({}));
      const appliance = /\/appliances\/([^/]+)\/upgrade/.exec(req.url ?? '')?.[1] ?? '';
      if (upstream.status === 202 && upgrading.has(appliance)) {
        return answer(422, {
          data: { interconnectTaskId: 'task-1', applianceId: appliance },
          warnings: [],
          errors: [{ code: 'UPGRADE_IN_PROGRESS', message: 'An upgrade of this appliance is already in progress.' }],
        });
      }
      if (upstream.status === 202) upgrading.add(appliance);
      answer(upstream.status, json);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('state-changing requests at a non-loopback name (HCX that accepts one upgrade, then 422)', () => {
  let mock: MockServer;
  beforeEach(async () => {
    mock = await startMockServer({ port: 0, token: 'hcx-token-5678' });
  });
  afterEach(() => mock.close());

  const flags = (port: number, extra: readonly string[]): string[] => [
    'run',
    '--target',
    `${HCX}=http://hcx.example.com:${port}`,
    '--resolve',
    `hcx.example.com:${port}:127.0.0.1`,
    '--allow-mutations',
    '--rate-limit',
    '1000',
    '--fixture',
    `applianceId=${mock.fixtures.applianceId}`,
    '--header',
    `x-hm-authorization: ${mock.token}`,
    ...extra,
  ];

  test('a default run sends one accepted upgrade, never force=true with --only-value force=false, and the report says the limit stopped it', async () => {
    const hcx = await busyHcx(mock);
    try {
      const path = join(await tempDir(), 'report.json');
      const { code, out } = await runCli(flags(hcx.port, ['--only-value', 'force=false', '--report', `json=${path}`, '--report', 'console']));
      const toFixture = hcx.seen.filter((s) => s.url.includes(`/appliances/${mock.fixtures.applianceId}/`));
      expect(hcx.seen.filter((s) => s.status === 202)).toHaveLength(1);
      // Nothing more reached the appliance once it had accepted its upgrade.
      expect(toFixture.at(-1)!.status).toBe(202);
      expect(hcx.seen.some((s) => new URL(s.url, 'http://x').searchParams.get('force') !== null && new URL(s.url, 'http://x').searchParams.get('force') !== 'false')).toBe(false);
      const report = await readReport(path);
      expect(report.acceptedLimit).toEqual({ limit: 1, reached: [{ target: expect.any(String), resource: `applianceId=${mock.fixtures.applianceId}`, accepted: 1, notSent: expect.any(Number) }] });
      expect(report.acceptedLimit!.reached[0]!.notSent).toBeGreaterThan(10);
      expect(report.stopReason).toContain('--max-accepted');
      expect(report.notRun.filter((n) => n.reason.includes('--max-accepted 1')).length).toBe(report.acceptedLimit!.reached[0]!.notSent);
      // The cases the restriction excludes are not run either, each with its reason.
      expect(report.notRun.some((n) => n.reason.includes('--only-value force allows only false'))).toBe(true);
      // The refusals (odd and unknown ids, credentials) go first, so most cases ran before the limit: the
      // verdict stands, and its line names the limit.
      expect(report.summary.ran).toBeGreaterThan(report.summary.notRun);
      expect(report.summary.verdict).toBe('conforming');
      expect(code).toBe(0);
      expect(out).toMatch(/CONFORMING: [^]*the limit of 1\s+accepted state-changing request per resource\s+\(--max-accepted\) was reached/);
      // Under the limit the refusals go first: they were all judged before the one accepted upgrade.
      const cell = (check: string): number => report.checks.find((c) => c.check === check)!.passed;
      expect(cell('negative-rejection')).toBeGreaterThan(5);
      // No credential, a wholly wrong one and five near misses of the right one, and copies of the first
      // two until every optional input the restriction allows (absent, present, each value) met them: 4.
      expect(cell('auth-required')).toBe(11);
      // An unknown appliance in the base request and in each context the restriction allows.
      expect(cell('not-found')).toBeGreaterThan(1);
      // After the one accepted upgrade, only its task was asked for, until it ended.
      const after = hcx.seen.slice(hcx.seen.findIndex((s) => s.status === 202) + 1);
      expect(after.length).toBeGreaterThan(0);
      expect(after.every((s) => s.method === 'GET' && s.url.startsWith('/hybridity/api/interconnect/tasks/') && s.status === 200)).toBe(true);
      expect(report.tasks).toMatchObject({ followed: 1, outcomes: { succeeded: 1 } });
      expect(report.tasks!.timelines[0]!.state).toBe('SUCCESS');
    } finally {
      await hcx.close();
    }
  });

  test('a refused credential under the limit: its first request (a refusal) is answered 401, nothing else is sent', async () => {
    const hcx = await busyHcx(mock);
    try {
      const path = join(await tempDir(), 'report.json');
      const wrong = flags(hcx.port, ['--report', `json=${path}`]).map((arg) => (arg === `x-hm-authorization: ${mock.token}` ? 'x-hm-authorization: not-the-token' : arg));
      const { code } = await runCli(wrong);
      expect(hcx.seen.map((s) => s.status)).toEqual([401]);
      expect(code).toBe(3);
    } finally {
      await hcx.close();
    }
  });

  test('with --max-accepted 2 the appliance takes its first upgrade, then every valid one is a 422 and all cases run', async () => {
    const hcx = await busyHcx(mock);
    try {
      const path = join(await tempDir(), 'report.json');
      await runCli(flags(hcx.port, ['--max-accepted', '2', '--runs', '5', '--report', `json=${path}`]));
      expect(hcx.seen.filter((s) => s.status === 202)).toHaveLength(1);
      expect(hcx.seen.filter((s) => s.status === 422).length).toBeGreaterThan(5);
      const report = await readReport(path);
      expect(report.acceptedLimit).toBeUndefined();
      expect(report.notRun.filter((n) => n.reason.includes('--max-accepted'))).toEqual([]);
    } finally {
      await hcx.close();
    }
  });

  test('no POST is retried on 503: a server answering 503 to its first requests sees each request once', async () => {
    const hcx = await busyHcx(mock, { first503: 3 });
    try {
      const path = join(await tempDir(), 'report.json');
      const { code } = await runCli(flags(hcx.port, ['--max-accepted', '1000', '--runs', '0', '--concurrency', '1', '--retries', '2', '--report', `json=${path}`]));
      const report = await readReport(path);
      // Every upgrade received is one case's only attempt; the rest polled the accepted upgrade's task.
      expect(hcx.seen.filter((s) => s.method === 'POST').length).toBe(report.summary.ran);
      expect(hcx.seen.filter((s) => s.method !== 'POST').every((s) => s.method === 'GET' && s.url.startsWith('/hybridity/api/interconnect/tasks/'))).toBe(true);
      expect(hcx.seen.slice(0, 3).map((s) => s.status)).toEqual([503, 503, 503]);
      // A 503 to a POST is an answer: the server error is judged.
      expect(report.findings.some((f) => f.check === 'not-server-error' && f.response?.status === 503)).toBe(true);
      expect(code).toBe(1);
    } finally {
      await hcx.close();
    }
  });

  test('a restriction the document forbids, or on an input no operation has: exit 2, one line, nothing sent', async () => {
    const hcx = await busyHcx(mock);
    try {
      for (const bad of ['force=maybe', 'forse=false']) {
        const { code, err } = await runCli(flags(hcx.port, ['--only-value', bad]));
        expect(code).toBe(2);
        expectOneErrorLine(err);
        expect(err).toContain(`--only-value ${bad.split('=')[0]}`);
      }
      expect(hcx.seen).toEqual([]);
    } finally {
      await hcx.close();
    }
  });
});
