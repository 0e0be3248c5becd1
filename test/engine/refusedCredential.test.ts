import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { MockServer } from '../../mock/MockOptions.ts';
import { startMockServer } from '../../mock/startMockServer.ts';
import { DEFAULT_CONFIG } from '../../src/config/ConformanceConfig.ts';
import { runConformance } from '../../src/engine/runConformance.ts';

/** A wrong credential must not spend a real server's budget: one refused valid request per operation is enough. */
describe('a refused credential stops an operation after its first valid request', () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startMockServer({ port: 0, token: 'the-right-token' });
  });
  afterAll(() => mock.close());

  test('inconclusive, naming the header; the other cases reported as not sent, not lost', async () => {
    const before = mock.requestCount();
    const report = await runConformance(
      { ...DEFAULT_CONFIG, target: mock.url, headers: { 'X-Auth-Token': 'an-expired-token' }, fixtures: { ...mock.fixtures }, operationIds: ['updateHostedConnect'] },
      { reporters: [], embeddedTarget: startMockServer },
    );
    // The first valid request, and nothing after it (no fixture probe: the ids were given).
    expect(mock.requestCount() - before).toBe(1);
    expect(report.summary.verdict).toBe('inconclusive');
    expect(report.summary.causes).toEqual([
      expect.stringMatching(/^updateHostedConnect: 1 of 1 requests that carried the credential were answered 401\/403: the credential sent in x-auth-token was refused/),
    ]);
    const [operation] = report.operations;
    expect(operation!.ran + operation!.notRun).toBe(operation!.planned);
    expect(report.notRun.every((n) => n.reason === "not sent: the operation's first valid request was answered 401: its credential was refused")).toBe(true);
    expect(report.findings).toEqual([]);
  });

  test('the right credential: the first valid request is only the first of all', async () => {
    const report = await runConformance(
      { ...DEFAULT_CONFIG, target: mock.url, token: 'the-right-token', fixtures: { ...mock.fixtures }, operationIds: ['updateHostedConnect'], runs: 3 },
      { reporters: [], embeddedTarget: startMockServer },
    );
    expect(report.summary.verdict).toBe('conforming');
    expect(report.notRun).toEqual([]);
  });
});
