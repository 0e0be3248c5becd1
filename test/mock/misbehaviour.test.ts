import { Agent, request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors/ConformanceError.ts';
import type { MockLogEntry, MockServer } from '../../mock/MockOptions.ts';
import { startMockServer } from '../../mock/startMockServer.ts';
import { updateConnect, upgrade } from './calls.ts';

const servers: MockServer[] = [];
const agents: Agent[] = [];
async function start(options: Parameters<typeof startMockServer>[0]): Promise<MockServer> {
  const server = await startMockServer({ token: 'tok-123456', ...options });
  servers.push(server);
  return server;
}
function agent(timeouts: { headersTimeout?: number; bodyTimeout?: number } = {}): Agent {
  const a = new Agent({ headersTimeout: timeouts.headersTimeout ?? 2000, bodyTimeout: timeouts.bodyTimeout ?? 2000 });
  agents.push(a);
  return a;
}
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await Promise.all(agents.splice(0).map((a) => a.destroy()));
});

function upgradeUrl(s: MockServer): string {
  return `${s.url}/hybridity/api/interconnect/appliances/${s.fixtures.applianceId}/upgrade`;
}

describe('rate limit', () => {
  it('answers 429 with Retry-After: 1 beyond the limit, in the vendor envelope', async () => {
    const s = await start({ rateLimit: { requestsPerSecond: 3 } });
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await upgrade(s));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((x) => x === 202).length).toBeGreaterThanOrEqual(1);
    const limited = answers.find((a) => a.status === 429);
    expect(limited).toBeDefined();
    expect(limited?.headers['retry-after']).toBe('1');
    const dcLimited = await updateConnect(s);
    expect(dcLimited.status).toBe(429);
    expect(dcLimited.json).toMatchObject({ error_code: expect.stringMatching(/^APIGW\./) });
  });

  it('rejects a non-positive limit', async () => {
    await expect(startMockServer({ rateLimit: { requestsPerSecond: 0 } })).rejects.toBeInstanceOf(ConfigError);
  });
});

describe('latency and log', () => {
  it('delays answers by latencyMs', async () => {
    const s = await start({ latencyMs: 150 });
    const started = performance.now();
    expect((await upgrade(s)).status).toBe(202);
    // A lower bound only: the delay must have happened (no upper bound, machines differ).
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('logs every request with credential headers redacted', async () => {
    const log: MockLogEntry[] = [];
    const s = await start({ log });
    await upgrade(s, { headers: { authorization: 'Bearer tok-123456', 'x-hm-authorization': 'tok-123456' } });
    await updateConnect(s);
    await new Promise((r) => setTimeout(r, 50));
    expect(log.map((e) => e.status)).toEqual([202, 200]);
    expect(log[0]?.operationId).toBe('upgradeInterconnectAppliance');
    expect(log[1]?.headers['x-auth-token']).toBe('[REDACTED]');
    expect(log[0]?.headers['authorization']).toBe('[REDACTED]');
    expect(JSON.stringify(log)).not.toContain('tok-123456');
  });

  it('also takes a callback', async () => {
    const seen: number[] = [];
    const s = await start({ log: (entry) => seen.push(entry.status) });
    await upgrade(s, { headers: {} });
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).toEqual([401]);
  });
});

describe('chaos', () => {
  it('hang: never answers', async () => {
    const s = await start({ chaos: 'hang' });
    const error = await request(upgradeUrl(s), { method: 'POST', dispatcher: agent({ headersTimeout: 300 }) }).catch((e: { code?: string }) => e);
    expect((error as { code?: string }).code).toBe('UND_ERR_HEADERS_TIMEOUT');
  });

  it('reset: destroys the connection', async () => {
    const s = await start({ chaos: 'reset' });
    const error = await request(upgradeUrl(s), { method: 'POST', dispatcher: agent() }).catch((e: { code?: string }) => e);
    expect(error).toBeInstanceOf(Error);
    expect(String((error as { code?: string }).code)).toMatch(/ECONNRESET|UND_ERR_SOCKET/);
  });

  it('garbage: answers bytes that are not HTTP', async () => {
    const s = await start({ chaos: 'garbage' });
    const error = await request(upgradeUrl(s), { method: 'POST', dispatcher: agent() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('HTTPParserError');
  });

  it('redirect: answers 302 elsewhere', async () => {
    const s = await start({ chaos: 'redirect' });
    const res = await request(upgradeUrl(s), { method: 'POST', dispatcher: agent() });
    await res.body.dump();
    expect(res.statusCode).toBe(302);
    expect(String(res.headers['location'])).not.toContain('/upgrade');
  });

  it('huge: a body far larger than any documented answer', async () => {
    const s = await start({ chaos: 'huge', hugeBytes: 4 * 1024 * 1024 });
    const res = await request(upgradeUrl(s), { method: 'POST', dispatcher: agent() });
    expect(Number(res.headers['content-length'])).toBe(4 * 1024 * 1024);
    let received = 0;
    for await (const chunk of res.body) received += (chunk as Buffer).length;
    expect(received).toBe(4 * 1024 * 1024);
  });

  it('slow-body: headers, then a body that stalls', async () => {
    const s = await start({ chaos: 'slow-body' });
    const res = await request(upgradeUrl(s), { method: 'POST', dispatcher: agent({ bodyTimeout: 300 }) });
    expect(res.statusCode).toBe(200);
    const error = await res.body.text().catch((e: unknown) => e);
    expect((error as { code?: string }).code).toBe('UND_ERR_BODY_TIMEOUT');
  });

  it('a fraction applies chaos to some requests only', async () => {
    // Tasks end at once: an upgrade chaos spares is served as accepted, not refused for the last one's running task.
    const s = await start({ chaos: { mode: 'redirect', fraction: 0.5 }, taskDurationMs: 0 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await upgrade(s)).status);
    expect(statuses.filter((x) => x === 302).length).toBe(2);
    expect(statuses.filter((x) => x === 202).length).toBe(2);
  });

  it('close() returns although a request hangs', async () => {
    const s = await startMockServer({ chaos: 'hang' });
    const pending = request(upgradeUrl(s), { method: 'POST', dispatcher: agent({ headersTimeout: 10_000 }) }).catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 100));
    await s.close();
    expect(await pending).toBeInstanceOf(Error);
  });

  it('rejects an unknown chaos mode', async () => {
    await expect(startMockServer({ chaos: 'explode' as 'hang' })).rejects.toBeInstanceOf(ConfigError);
  });
});
