import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { MockLogEntry } from '../../mock/MockOptions.ts';
import { startMockServer } from '../../mock/startMockServer.ts';
import { EXIT_ERROR, EXIT_INCONCLUSIVE, EXIT_OK, EXIT_VIOLATIONS } from '../../src/cli/exitCodes.ts';
import { startProviderTap } from '../../src/pact/providerTap.ts';
import { readReport, runCli, tempDir } from '../helpers/cli.ts';
import { emptyCaStoreForTheVerifier } from '../helpers/fastVerifier.ts';
import { representativePacts } from '../helpers/pactSubset.ts';

emptyCaStoreForTheVerifier();

let dir: string;
/** One interaction of each kind of case: each fault below shows in every answer of its kind. */
let pacts: string[];
beforeAll(async () => {
  dir = await tempDir();
  pacts = representativePacts(dir).flatMap((file) => ['--pact', file]);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("verify-pacts judges every answer by the document's response rules, as run does", () => {
  // Neither member is one the contracts hold (the pages mark them optional): only the document's rules catch them.
  test.concurrent.each([
    ['dc-vlan-4000', 'DC.response.200.hosted_connect.vlan.maximum'],
    ['hcx-task-id-number', 'HCX.response.202.data.interconnectTaskId.type'],
  ])('%s: NOT CONFORMING for %s, and the summary says what the document added', async (fault, constraintId) => {
    const json = join(dir, `${fault}.json`);
    const { code, out } = await runCli(['verify-pacts', '--mock-fault', fault, ...pacts, '--report', `json=${json}`]);
    expect(code).toBe(EXIT_VIOLATIONS);
    const report = await readReport(json);
    expect(report.findings.map((f) => [f.check, f.constraintId, f.severity])).toEqual([['response-schema', constraintId, 'failure']]);
    // The finding shows the request the provider received: the mock's own ids, not the pact's examples.
    expect(report.findings[0]!.request.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(report.coverage.find((c) => c.constraintId === constraintId)?.responseHonoured).toBe('fail');
    expect(out).toMatch(
      /the contracts checked \d+ interactions \(status, content type and the members the pages require\): 0 failed; the document's response rules \(transport, not-server-error, status-documented, content-type, response-schema, echo\) judged \d+ answers: 1 failure, 0 warnings/,
    );
  });

  test.concurrent.each([
    ['hcx-text-error', 'content-type', '-', 'failure'],
    ['dc-missing-request-id', 'response-schema', 'DC.response.200.request_id.required', 'warning'],
    ['dc-wrong-id-echo', 'echo', '-', 'failure'],
  ])("%s: %s/%s, a %s as in run (severity from the rule's provenance)", async (fault, check, constraintId, severity) => {
    const json = join(dir, `${fault}.json`);
    const { code } = await runCli(['verify-pacts', '--mock-fault', fault, ...pacts, '--report', `json=${json}`]);
    const report = await readReport(json);
    expect(report.findings.map((f) => [f.check, f.constraintId ?? '-', f.severity])).toEqual([[check, constraintId, severity]]);
    expect(code).toBe(severity === 'failure' ? EXIT_VIOLATIONS : EXIT_OK);
  });

  test('--max-requests: interactions past the budget are not sent, and the verdict says so (exit 3)', async () => {
    const log: MockLogEntry[] = [];
    // Every shipped interaction, the first four sent (four upgrades): tasks that end at once (test/helpers/fastVerifier.ts).
    const mock = await startMockServer({ log, taskDurationMs: 0 });
    try {
      const json = join(dir, 'budget.json');
      const fixtures = Object.entries(mock.fixtures).flatMap(([name, value]) => ['--fixture', `${name}=${value}`]);
      const { code, err } = await runCli(['verify-pacts', '--target', mock.url, '--token', mock.token, ...fixtures, '--max-requests', '4', '--report', `json=${json}`]);
      expect(code).toBe(EXIT_INCONCLUSIVE);
      expect(err).toContain('request budget of 4 requests spent (raise it with --max-requests)');
      expect(log).toHaveLength(4);
      const report = await readReport(json);
      expect(report.summary.ran).toBe(4);
      expect(report.notRun.length).toBeGreaterThan(30);
      expect(report.findings).toEqual([]);
    } finally {
      await mock.close();
    }
  });

  test('refuses a non-loopback provider without --allow-mutations, before anything is sent', async () => {
    const { code, err } = await runCli(['verify-pacts', '--target', 'https://dcaas.example.invalid', '--fixture', 'applianceId=a', '--fixture', 'project_id=p', '--fixture', 'hosted_connect_id=h']);
    expect(code).toBe(EXIT_ERROR);
    expect(err).toContain('--allow-mutations');
  });
});

describe('the tap between the verifier and the provider', () => {
  test('forwards at the rate limit, up to the budget; past it answers 503 itself and records the request as not sent', async () => {
    const log: MockLogEntry[] = [];
    const mock = await startMockServer({ log });
    const tap = await startProviderTap({ upstream: mock.url, maxBodyBytes: 1024, maxRequests: 3, rateLimitPerSecond: 40, timeouts: { connectMs: 1000, headersMs: 1000, bodyMs: 1000 } });
    try {
      const started: number[] = [];
      const statuses: number[] = [];
      for (let i = 0; i < 4; i += 1) {
        started.push(performance.now());
        const answer = await request(`${tap.url}/v3/p/dcaas/hosted-connects/x`, { method: 'PUT', body: '{}' });
        statuses.push(answer.statusCode);
        await answer.body.text();
      }
      expect(log).toHaveLength(3);
      expect(statuses[3]).toBe(503);
      // Three requests at 40/s: the third cannot leave before 50 ms after the first.
      expect(performance.now() - started[0]!).toBeGreaterThanOrEqual(45);
      const kinds = tap.requests().map((r) => ('traffic' in r ? r.traffic.response?.status : r.notSent));
      expect(kinds.slice(0, 3).every((k) => typeof k === 'number')).toBe(true);
      expect(kinds[3]).toBe('request budget of 3 requests spent (raise it with --max-requests)');
    } finally {
      await tap.close();
      await mock.close();
    }
  });
});
