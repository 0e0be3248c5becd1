import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { startMockServer } from '../../mock/startMockServer.ts';
import type { ChaosMode, MockOptions } from '../../mock/MockOptions.ts';
import { DEFAULT_CONFIG, type ConformanceConfig } from '../../src/config/ConformanceConfig.ts';
import { runConformance } from '../../src/engine/runConformance.ts';
import type { RunReport } from '../../src/model/RunReport.ts';
import { readReport, runCli, targetFlags, tempDir } from '../helpers/cli.ts';

/** Short timeouts and no random cases keep a run against a server that never answers short. */
const FAST = ['--runs', '0', '--timeout', '500', '--connect-timeout', '500', '--concurrency', '64', '--retries', '0', '--max-response-bytes', '65536'];

function expectTransportOnly(report: RunReport, kind: string): void {
  expect(report.findings.length).toBeGreaterThan(0);
  for (const finding of report.findings) {
    expect(finding.check).toBe('transport');
    expect(finding.failure?.kind).toBe(kind);
    expect(finding.message).toContain(kind);
  }
  // Every planned case still ran and was reported: a broken server never stops the run.
  expect(report.summary.ran).toBe(report.summary.cases);
  expect(report.interrupted).toBe(false);
}

async function runAgainst(options: MockOptions, extra: readonly string[] = []): Promise<{ code: number; err: string; report: RunReport; requests: number }> {
  const server = await startMockServer({ port: 0, ...options });
  try {
    const path = join(await tempDir(), 'r.json');
    const { code, err } = await runCli(['run', ...FAST, ...extra, ...targetFlags(server), '--report', `json=${path}`]);
    return { code, err, report: await readReport(path), requests: server.requestCount() };
  } finally {
    await server.close();
  }
}

describe('a misbehaving server yields transport findings, never a crash', () => {
  const modes: Array<[ChaosMode, string]> = [
    ['garbage', 'protocol-error'],
    ['slow-body', 'timeout'],
  ];
  test.each(modes)('--mock-chaos %s → %s', async (mode, kind) => {
    const path = join(await tempDir(), 'r.json');
    const { code, err } = await runCli(['run', ...FAST, '--mock-chaos', mode, '--report', `json=${path}`]);
    expect(err).toBe('');
    expect(code).toBe(1);
    expectTransportOnly(await readReport(path), kind);
  });

  // A server that never answers, resets every connection or redirects everything is unavailable, not
  // wrong: exit 3 with that cause first, and none of its transport findings fails the run.
  const unavailable: Array<[ChaosMode, RegExp]> = [
    // More cases than --concurrency: the circuit breaker may stop the rest first, saying so.
    ['hang', /requests (?:in a row )?got no answer \(\d+ timeout/],
    ['reset', /requests (?:in a row )?got no answer \(\d+ connection-reset/],
    ['redirect', /every answer was a redirect/],
  ];
  test.each(unavailable)('--mock-chaos %s → INCONCLUSIVE (exit 3), the cause first', async (mode, cause) => {
    const path = join(await tempDir(), 'r.json');
    const { code, err } = await runCli(['run', ...FAST, '--mock-chaos', mode, '--report', `json=${path}`]);
    expect(code).toBe(3);
    expect(err).toMatch(new RegExp(`^conformance: INCONCLUSIVE: \\w+: .*${cause.source}`));
    const report = await readReport(path);
    expect(report.summary.verdict).toBe('inconclusive');
    expect(report.findings.filter((f) => f.severity === 'failure')).toEqual([]);
  });

  test('huge bodies stop at --max-response-bytes (too-large)', async () => {
    // A megabyte per case at 64 in flight: a timeout long enough that only the size cap can stop a body on a busy machine.
    const { code, report } = await runAgainst({ chaos: 'huge', hugeBytes: 1024 * 1024 }, ['--timeout', '10000']);
    expect(code).toBe(1);
    expectTransportOnly(report, 'too-large');
    expect(report.findings[0]!.message).toContain('65536');
  });

  test('a redirect is reported, never followed', async () => {
    // One case in three redirected: the rest are answered, so the redirects are findings.
    const { code, report, requests } = await runAgainst({ chaos: { mode: 'redirect', fraction: 0.34 } });
    expect(code).toBe(1);
    expect(report.findings.map((f) => f.failure?.kind)).toContain('redirect');
    // One request per case (plus the reachability probe at most, and the polls of the tasks accepted
    // upgrades started): no request went to the Location.
    const polls = report.tasks?.timelines.reduce((n, t) => n + t.polls, 0) ?? 0;
    expect(report.tasks?.followed ?? 0).toBeLessThanOrEqual(200);
    expect(requests).toBeLessThanOrEqual(report.summary.cases + 1 + polls);
  });

  test('a server that resets some connections: those cases are findings, the rest pass', async () => {
    const { code, report } = await runAgainst({ chaos: { mode: 'reset', fraction: 0.5 } });
    expect(code).toBe(1);
    expect(report.findings.map((f) => f.failure?.kind)).toContain('connection-reset');
    const transport = report.checks.filter((c) => c.check === 'transport');
    expect(transport.some((c) => c.passed > 0)).toBe(true);
    expect(transport.some((c) => c.failed > 0)).toBe(true);
    expect(report.summary.ran).toBe(report.summary.cases);
  });

  // With no retry left a 429 is the finding at once; waiting out Retry-After before the last retry is the
  // runner's, shown by test/runner/HttpRunner.test.ts without a server that makes a run wait seconds.
  test('--mock-rate-limit: a 429 with no retry left is a rate-limited finding', async () => {
    const path = join(await tempDir(), 'r.json');
    const { code } = await runCli(['run', '--runs', '0', '--mock-rate-limit', '5', '--retries', '0', '--report', `json=${path}`]);
    expect(code).toBe(1);
    const report = await readReport(path);
    expectTransportOnly(report, 'rate-limited');
    expect(report.findings[0]!.message).toMatch(/429/);
  });
});

describe('the engine against a misbehaving server', () => {
  test('runConformance returns a report (no throw) when every answer is garbage, random cases included', async () => {
    const server = await startMockServer({ port: 0, chaos: 'garbage' });
    try {
      const config: ConformanceConfig = {
        ...DEFAULT_CONFIG,
        target: server.url,
        token: server.token,
        fixtures: { ...server.fixtures },
        runs: 5,
        timeouts: { connectMs: 500, headersMs: 500, bodyMs: 500 },
      };
      const report = await runConformance(config, { reporters: [], embeddedTarget: startMockServer });
      expectTransportOnly(report, 'protocol-error');
      // The random cases ran too, and their failure was shrunk and reported like the others.
      expect(report.operations.every((o) => o.ran > 0)).toBe(true);
      expect(report.summary.cases).toBeGreaterThan(2 * 5);
    } finally {
      await server.close();
    }
  });
});
