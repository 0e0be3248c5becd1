import { afterEach, describe, expect, it } from 'vitest';
import type { MockOptions, MockServer } from '../../mock/MockOptions.ts';
import { startMockServer } from '../../mock/startMockServer.ts';
import type { TransportFailureKind } from '../../src/model/Exchange.ts';
import { HttpRunner } from '../../src/runner/HttpRunner.ts';
import { runnerOptions, testCase } from './helpers.ts';

const DC = [{ scheme: 'token', header: 'x-auth-token', prefix: '' }];
const TOKEN = 'mock-token-123456';
const started: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.close()));
});

async function mock(options: Omit<MockOptions, 'port'> = {}): Promise<MockServer> {
  const server = await startMockServer({ port: 0, token: TOKEN, hugeBytes: 4 * 1024 * 1024, ...options });
  started.push(server);
  return server;
}
function runner(): HttpRunner {
  const r = new HttpRunner(runnerOptions({ token: TOKEN, timeouts: { connectMs: 1_000, headersMs: 300, bodyMs: 300 }, maxResponseBytes: 64 * 1024, retry: { maxRetries: 1, maxDelayMs: 1_100 } }));
  started.push(r);
  return r;
}
function update(server: MockServer) {
  const { project_id, hosted_connect_id } = server.fixtures;
  return testCase({ path: `/v3/${project_id}/dcaas/hosted-connects/${hosted_connect_id}`, body: { json: { hosted_connect: { name: 'runner-test' } } } });
}

describe('against the embedded mock', () => {
  it('a configured request is accepted and recorded with parsed JSON', async () => {
    const server = await mock();
    const exchange = await runner().send(update(server), server.url, DC);
    expect(exchange.failure).toBeUndefined();
    expect(exchange.response?.status).toBe(200);
    expect(exchange.response?.headers['content-type']).toContain('application/json');
    expect((exchange.response?.json as { hosted_connect: { name: string } }).hosted_connect.name).toBe('runner-test');
    expect(JSON.stringify(exchange)).not.toContain(TOKEN);
  });

  it.each<[NonNullable<MockOptions['chaos']>, TransportFailureKind]>([
    ['hang', 'timeout'],
    ['slow-body', 'timeout'],
    ['reset', 'connection-reset'],
    ['garbage', 'protocol-error'],
    ['redirect', 'redirect'],
    ['huge', 'too-large'],
  ])('chaos %s gives a %s failure', async (chaos, kind) => {
    const server = await mock({ chaos });
    const exchange = await runner().send(update(server), server.url, DC);
    expect(exchange.failure?.kind).toBe(kind);
    expect(exchange.failure?.message).not.toContain(TOKEN);
  });

  it('the mock rate limit is retried after its Retry-After', async () => {
    const server = await mock({ rateLimit: { requestsPerSecond: 1 } });
    const r = runner();
    // Sent together, they land in one window: one is answered 429, retried a second later, and accepted.
    const [first, second] = await Promise.all([r.send(update(server), server.url, DC), r.send(update(server), server.url, DC)]);
    expect(first?.response?.status).toBe(200);
    expect(second?.response?.status).toBe(200);
    expect(r.sentCount).toBe(3);
  });
});
