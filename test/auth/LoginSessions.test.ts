import { afterEach, describe, expect, test } from 'vitest';
import { LoginSessions, type LoggedInOperation } from '../../src/auth/LoginSessions.ts';
import { resolveLogins } from '../../src/auth/resolveLogins.ts';
import type { RunnerOptions } from '../../src/runner/RunnerOptions.ts';
import { HttpRunner } from '../../src/runner/HttpRunner.ts';
import { closeAll, httpServer, runnerOptions, testCase, type TestServer } from '../runner/helpers.ts';

/**
 * A server with a login at /login (each login issues `t1`, `t2`, ...) and an API that accepts a token for
 * `uses` requests; `acceptsFresh` false: a fresh token is refused too (a server that refuses every renewal).
 */
async function server(uses: number, acceptsFresh = true): Promise<TestServer & { logins: () => number; api: () => string[] }> {
  let issued = 0;
  const left = new Map<string, number>();
  const s = await httpServer((req, res) => {
    if (req.url === '/login') {
      issued += 1;
      const token = `t${issued}`;
      left.set(token, acceptsFresh || issued === 1 ? uses : 0);
      return void res.writeHead(200, { 'x-session': token }).end();
    }
    const token = String(req.headers['x-token'] ?? '');
    const remaining = left.get(token) ?? 0;
    if (req.url === '/boom') return void res.writeHead(500).end();
    if (remaining <= 0) return void res.writeHead(401).end();
    left.set(token, remaining - 1);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
  return Object.assign(s, { logins: () => issued, api: () => s.received.filter((r) => r.url !== '/login').map((r) => `${r.method} ${r.url} ${String(r.headers['x-token'] ?? '-')}`) });
}

const operation = (baseUrl: string): LoggedInOperation => ({
  operation: { operationId: 'op', credentialSchemes: [{ scheme: 'key', header: 'x-token', prefix: '' }] },
  specFile: 'custom.openapi.yaml',
  baseUrl,
});

async function runnerFor(url: string, overrides: Partial<RunnerOptions> = {}): Promise<{ runner: HttpRunner; sessions: LoginSessions }> {
  const logins = resolveLogins({ custom: { login: { url: '/login', token: { header: 'X-Session' } } } }, new Set(['custom']), {});
  const options = runnerOptions(overrides);
  const sessions = LoginSessions.for(logins, [operation(url)], options)!;
  await sessions.start();
  const runner = new HttpRunner({ ...options, sessions });
  runners.push(runner);
  return { runner, sessions };
}

const runners: HttpRunner[] = [];
afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.close()));
  await closeAll();
});

const post = (path = '/things/1', auth: 'configured' | 'none' | 'wrong' = 'configured') => testCase({ method: 'POST', path, auth });

describe('a login token in a run', () => {
  test("is fetched before the first request and sent in the operation's scheme", async () => {
    const api = await server(10);
    const { runner } = await runnerFor(api.url);
    expect(api.logins()).toBe(1);
    const exchange = await runner.send(post(), api.url, operation(api.url).operation.credentialSchemes);
    expect(exchange.response?.status).toBe(200);
    expect(api.api()).toEqual(['POST /things/1 t1']);
    // The record of the exchange never shows it.
    expect(exchange.sent.headers['x-token']).toBe('[REDACTED]');
  });

  test('that expires is renewed by one login and the refused request is sent once more, also a POST', async () => {
    const api = await server(2);
    const { runner, sessions } = await runnerFor(api.url);
    const schemes = operation(api.url).operation.credentialSchemes;
    const statuses = [];
    for (let i = 0; i < 5; i += 1) statuses.push((await runner.send(post(), api.url, schemes)).response?.status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    expect(api.logins()).toBe(3);
    expect(api.api()).toEqual(['POST /things/1 t1', 'POST /things/1 t1', 'POST /things/1 t1', 'POST /things/1 t2', 'POST /things/1 t2', 'POST /things/1 t2', 'POST /things/1 t3']);
    // Every token issued is a secret of the run.
    expect(sessions.secrets()).toEqual(expect.arrayContaining(['t1', 't2', 't3']));
  });

  test('requests in flight that all see the expiry share one login', async () => {
    const api = await server(4);
    const { runner } = await runnerFor(api.url, { concurrency: 8 });
    const schemes = operation(api.url).operation.credentialSchemes;
    await runner.send(post(), api.url, schemes);
    const answers = await Promise.all(Array.from({ length: 6 }, () => runner.send(post(), api.url, schemes)));
    expect(answers.map((a) => a.response?.status)).toEqual([200, 200, 200, 200, 200, 200]);
    expect(api.logins()).toBe(2);
  });

  test('a request is sent at most twice, and a fresh token that is refused too is not renewed again', async () => {
    const api = await server(1, false);
    const { runner } = await runnerFor(api.url);
    const schemes = operation(api.url).operation.credentialSchemes;
    const statuses = [];
    for (let i = 0; i < 3; i += 1) statuses.push((await runner.send(post(), api.url, schemes)).response?.status);
    expect(statuses).toEqual([200, 401, 401]);
    expect(api.logins()).toBe(2);
    expect(api.api()).toEqual(['POST /things/1 t1', 'POST /things/1 t1', 'POST /things/1 t2', 'POST /things/1 t2']);
  });

  test('a token that never worked is refused, not expired: no second login', async () => {
    const api = await server(0);
    const { runner } = await runnerFor(api.url);
    const exchange = await runner.send(post(), api.url, operation(api.url).operation.credentialSchemes);
    expect(exchange.response?.status).toBe(401);
    expect(api.logins()).toBe(1);
    expect(api.api()).toHaveLength(1);
  });

  test('a request meant to carry no credential, or a wrong one, answered 401 renews nothing and is sent once', async () => {
    const api = await server(5);
    const { runner } = await runnerFor(api.url);
    const schemes = operation(api.url).operation.credentialSchemes;
    await runner.send(post(), api.url, schemes);
    expect((await runner.send(post('/things/1', 'none'), api.url, schemes)).response?.status).toBe(401);
    const wrong = await runner.send(post('/things/1', 'wrong'), api.url, schemes);
    expect(wrong.response?.status).toBe(401);
    expect(api.logins()).toBe(1);
    expect(api.api()).toHaveLength(3);
    expect(api.api()[1]).toBe('POST /things/1 -');
    expect(api.api()[2]).not.toContain(' t1');
  });

  test('a renewal that is refused stops the run with a LoginError saying so', async () => {
    let logins = 0;
    const api = await httpServer((req, res) => {
      if (req.url === '/login') {
        logins += 1;
        return void (logins === 1 ? res.writeHead(200, { 'x-session': 'only-once' }).end() : res.writeHead(403).end());
      }
      res.writeHead(req.headers['x-token'] === 'only-once' && api.received.length <= 2 ? 200 : 401).end();
    });
    const { runner } = await runnerFor(api.url);
    const schemes = operation(api.url).operation.credentialSchemes;
    expect((await runner.send(post(), api.url, schemes)).response?.status).toBe(200);
    await expect(runner.send(post(), api.url, schemes)).rejects.toThrow(
      /auth.custom \(login\): POST http:\/\/127.0.0.1:\d+\/login answered 403: the user name or password was refused \(renewing its token after a 401 in the middle of the run\)/,
    );
  });

  test("a linked operation (a task's status) is sent with its origin's login, and shares its renewals", async () => {
    const api = await server(2);
    const schemes = operation(api.url).operation.credentialSchemes;
    const status: LoggedInOperation = { operation: { operationId: 'status', credentialSchemes: schemes }, specFile: 'other.openapi.yaml', baseUrl: api.url };
    // Keyed by the origin's operationId: the linked operation has no login of its own.
    const logins = resolveLogins({ op: { login: { url: '/login', token: { header: 'X-Session' } } } }, new Set(['op']), {});
    const options = runnerOptions();
    const sessions = LoginSessions.for(logins, [{ ...operation(api.url), linked: { status } }], options)!;
    await sessions.start();
    const runner = new HttpRunner({ ...options, sessions });
    runners.push(runner);
    const poll = { ...testCase({ method: 'GET', path: '/tasks/1' }), operationId: 'status' };
    const statuses = [];
    for (const c of [post(), poll, poll, post()]) statuses.push((await runner.send(c, api.url, schemes)).response?.status);
    expect(statuses).toEqual([200, 200, 200, 200]);
    expect(api.logins()).toBe(2);
    expect(api.api()).toEqual(['POST /things/1 t1', 'GET /tasks/1 t1', 'GET /tasks/1 t1', 'GET /tasks/1 t2', 'POST /things/1 t2']);
  });

  test('any other answer is never sent again', async () => {
    const api = await server(5);
    const { runner } = await runnerFor(api.url, { retry: { maxRetries: 0, maxDelayMs: 0 } });
    expect((await runner.send(post('/boom'), api.url, operation(api.url).operation.credentialSchemes)).response?.status).toBe(500);
    expect(api.api()).toEqual(['POST /boom t1']);
  });
});
