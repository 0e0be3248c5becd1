import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { AcceptedLimitError } from '../../src/runner/AcceptedLimitError.ts';
import { RequestBudgetError } from '../../src/runner/RequestBudgetError.ts';
import { closeAll, httpServer, rawServer, testCase, trackedRunner } from './helpers.ts';

const runner = trackedRunner;
afterEach(closeAll);

const TOKEN = 'tok-very-secret-42';
const HCX = [
  { scheme: 'session', header: 'x-hm-authorization', prefix: '' },
  { scheme: 'bearer', header: 'authorization', prefix: 'Bearer ' },
];
const DC = [{ scheme: 'token', header: 'x-auth-token', prefix: '' }];
const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
};

describe('requests and credentials', () => {
  it('configured: sends --headers and the token in the first scheme, and redacts both in `sent`', async () => {
    const server = await httpServer((_req, res) => json(res, 202, { ok: true }, { 'X-Custom': 'Yes' }));
    const r = runner({ token: TOKEN, headers: { 'X-Tenant': 'tenant-secret' } });
    const exchange = await r.send(testCase({ query: { force: 'true' }, body: { json: { a: 'b' } } }), server.url, HCX);
    const got = server.received[0]!;
    expect(got.headers['x-hm-authorization']).toBe(TOKEN);
    expect(got.headers.authorization).toBeUndefined();
    expect(got.headers['x-tenant']).toBe('tenant-secret');
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.url).toBe('/things/1?force=true');
    expect(got.body).toBe('{"a":"b"}');
    expect(exchange.sent.headers['x-hm-authorization']).toBe('[REDACTED]');
    expect(exchange.sent.headers['x-tenant']).toBe('[REDACTED]');
    expect(JSON.stringify(exchange)).not.toContain(TOKEN);
    expect(JSON.stringify(exchange)).not.toContain('tenant-secret');
    expect(exchange.failure).toBeUndefined();
    expect(exchange.response).toMatchObject({ status: 202, json: { ok: true }, truncated: false, bodyText: '{"ok":true}' });
    expect(exchange.response?.headers['x-custom']).toBe('Yes');
    expect(r.sentCount).toBe(1);
  });

  it('bearer prefix: the token goes in the first scheme with its prefix', async () => {
    const server = await httpServer((_req, res) => json(res, 200, {}));
    await runner({ token: TOKEN }).send(testCase(), server.url, [HCX[1]!, HCX[0]!]);
    expect(server.received[0]!.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(server.received[0]!.headers['x-hm-authorization']).toBeUndefined();
  });

  it('none: drops every credential-scheme header (any case) and the token, keeps other --headers', async () => {
    const server = await httpServer((_req, res) => json(res, 401, { error_code: 'APIGW.0301' }));
    const exchange = await runner({ token: TOKEN, headers: { 'X-Auth-Token': 'header-secret', 'X-Trace': 'trace-1' } }).send(testCase({ auth: 'none' }), server.url, DC);
    const got = server.received[0]!;
    expect(got.headers['x-auth-token']).toBeUndefined();
    expect(got.headers['x-trace']).toBe('trace-1');
    expect(exchange.sent.headers['x-auth-token']).toBeUndefined();
    expect(exchange.response?.status).toBe(401);
  });

  it('wrong: every credential header present gets a wrong value with the scheme prefix; redacted', async () => {
    const server = await httpServer((_req, res) => json(res, 401, {}));
    const r = runner({ token: TOKEN, headers: { Authorization: `Bearer ${TOKEN}` } });
    const exchange = await r.send(testCase({ auth: 'wrong' }), server.url, HCX);
    const got = server.received[0]!;
    expect(got.headers['x-hm-authorization']).toMatch(/^invalid-[0-9a-f]+$/);
    expect(got.headers.authorization).toMatch(/^Bearer invalid-[0-9a-f]+$/);
    expect(JSON.stringify(got.headers)).not.toContain(TOKEN);
    expect(exchange.sent.headers.authorization).toBe('[REDACTED]');
    expect(exchange.sent.headers['x-hm-authorization']).toBe('[REDACTED]');
  });

  it('wrong without any configured credential: adds the first scheme with a wrong value', async () => {
    const server = await httpServer((_req, res) => json(res, 401, {}));
    await runner().send(testCase({ auth: 'wrong' }), server.url, DC);
    expect(server.received[0]!.headers['x-auth-token']).toMatch(/^invalid-/);
  });

  it('keeps a credential header the case plans itself (an oversize token) instead of the configured one', async () => {
    const server = await httpServer((_req, res) => json(res, 400, {}));
    const oversize = 'A'.repeat(5000);
    const exchange = await runner({ token: TOKEN, headers: { 'x-auth-token': 'header-secret' } }).send(testCase({ headers: { 'X-Auth-Token': oversize } }), server.url, DC);
    expect(server.received[0]!.headers['x-auth-token']).toBe(oversize);
    // Still a credential header: redacted in the record.
    expect(exchange.sent.headers['x-auth-token']).toBe('[REDACTED]');
  });

  it('a credential echoed in a response body is scrubbed from the record', async () => {
    const server = await httpServer((req, res) => json(res, 400, { echo: req.headers['x-auth-token'] }));
    const exchange = await runner({ token: TOKEN }).send(testCase(), server.url, DC);
    expect(exchange.response?.bodyText).toBe('{"echo":"[REDACTED]"}');
  });

  it('a credential echoed in response headers (debug header, Set-Cookie, Location) is scrubbed, in every form', async () => {
    const secret = 'sec/ret value+42';
    const server = await httpServer((req, res) => {
      const got = String(req.headers['x-auth-token']);
      res
        .writeHead(302, {
          'x-debug-token': `received ${got}`,
          'set-cookie': `session=${encodeURIComponent(got)}; HttpOnly`,
          location: `/login?token=${encodeURIComponent(got)}&form=${new URLSearchParams({ t: got }).toString().slice(2)}`,
          'x-json': JSON.stringify({ t: got }),
          'content-length': '0',
        })
        .end();
    });
    const exchange = await runner({ headers: { 'X-Auth-Token': secret } }).send(testCase(), server.url, DC);
    expect(exchange.response?.headers['x-debug-token']).toBe('received [REDACTED]');
    expect(exchange.response?.headers['set-cookie']).toBe('[REDACTED]');
    expect(exchange.response?.headers.location).toBe('/login?token=[REDACTED]&form=[REDACTED]');
    expect(exchange.failure?.message).toContain('/login?token=[REDACTED]');
    const record = JSON.stringify(exchange);
    for (const form of [secret, encodeURIComponent(secret), 'sec%2Fret+value%2B42']) expect(record).not.toContain(form);
  });

  it('an Accept or Content-Type --header is no secret: shown as sent, and answers keep their Content-Type', async () => {
    const server = await httpServer((_req, res) => json(res, 200, { type: 'application/json' }));
    const exchange = await runner({ headers: { Accept: 'application/json', 'X-Auth-Token': 'header-secret' } }).send(testCase(), server.url, DC);
    expect(exchange.sent.headers.accept).toBe('application/json');
    expect(exchange.sent.headers['x-auth-token']).toBe('[REDACTED]');
    expect(exchange.response?.headers['content-type']).toBe('application/json');
    expect(exchange.response?.bodyText).toBe('{"type":"application/json"}');
  });

  it('a Basic credential: its token, `user:pass` and the password are scrubbed wherever the server echoes them', async () => {
    const basic = Buffer.from('alice:pa55word!').toString('base64');
    const server = await httpServer((_req, res) => json(res, 401, { message: 'bad password pa55word! for alice:pa55word!' }, { 'x-seen': basic, 'www-authenticate': 'Basic realm="x"' }));
    const exchange = await runner({ headers: { Authorization: `Basic ${basic}` } }).send(testCase(), server.url, HCX);
    expect(exchange.response?.headers['x-seen']).toBe('[REDACTED]');
    expect(exchange.response?.headers['www-authenticate']).toBe('Basic realm="x"');
    expect(exchange.response?.bodyText).toBe('{"message":"bad password [REDACTED] for [REDACTED]"}');
  });

  it('a password in the target URL is scrubbed also as the Basic token of user:pass', async () => {
    const server = await httpServer((_req, res) => json(res, 200, { ok: true }, { 'x-seen': `Basic ${Buffer.from('bob:hunter22').toString('base64')}` }));
    const url = new URL(server.url);
    const exchange = await runner().send(testCase(), `http://bob:hunter22@${url.host}`, DC);
    expect(exchange.response?.headers['x-seen']).toBe('Basic [REDACTED]');
  });
});

describe('the path as planned', () => {
  it('sends percent-encoded dot-segments, separators and an empty segment as they are, never normalised', async () => {
    const server = await httpServer((_req, res) => json(res, 404, {}));
    const path = '/v3/%2E%2E/things//a%2F..%2Fb%3F%00';
    const exchange = await runner({}).send(testCase({ path, query: { q: '1' } }), `${server.url}/base`, DC);
    expect(server.received[0]!.url).toBe(`/base${path}?q=1`);
    expect(exchange.sent.url).toBe(`${server.url}/base${path}?q=1`);
  });
});

describe('retry on 429/503', () => {
  it('waits Retry-After and retries: two attempts, the second succeeds', async () => {
    const times: number[] = [];
    const server = await httpServer((_req, res, _body, i) => {
      times.push(Date.now());
      if (i === 0) json(res, 429, { error: 'slow down' }, { 'retry-after': '1' });
      else json(res, 200, { ok: 1 });
    });
    const r = runner({ retry: { maxRetries: 2, maxDelayMs: 5_000 } });
    const exchange = await r.send(testCase({ body: { json: { n: 1 } } }), server.url, DC);
    expect(server.received.length).toBe(2);
    expect(server.received[1]!.body).toBe('{"n":1}');
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(900);
    expect(exchange.failure).toBeUndefined();
    expect(exchange.response?.status).toBe(200);
    expect(r.sentCount).toBe(2);
  });

  it('caps a long Retry-After at maxDelayMs and reports rate-limited once retries are exhausted', async () => {
    const server = await httpServer((_req, res) => json(res, 429, {}, { 'retry-after': '3600' }));
    const started = Date.now();
    const exchange = await runner({ retry: { maxRetries: 2, maxDelayMs: 50 } }).send(testCase(), server.url, DC);
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(server.received.length).toBe(3);
    expect(exchange.failure?.kind).toBe('rate-limited');
    expect(exchange.failure?.message).toContain('3 attempts');
    expect(exchange.response?.status).toBe(429);
  });

  it('reads Retry-After as an HTTP date (503)', async () => {
    const server = await httpServer((_req, res, _b, i) => (i === 0 ? json(res, 503, {}, { 'retry-after': new Date(Date.now() + 1000).toUTCString() }) : json(res, 200, {})));
    const exchange = await runner({ retry: { maxRetries: 1, maxDelayMs: 3_000 } }).send(testCase(), server.url, DC);
    expect(server.received.length).toBe(2);
    expect(exchange.response?.status).toBe(200);
  });

  it('does not retry other errors (a 500 is a response)', async () => {
    const server = await httpServer((_req, res) => json(res, 500, {}));
    const exchange = await runner().send(testCase(), server.url, DC);
    expect(server.received.length).toBe(1);
    expect(exchange.failure).toBeUndefined();
    expect(exchange.response?.status).toBe(500);
  });
});

describe('requests that are not idempotent', () => {
  it('a POST answered 503 (even with Retry-After) is sent once and kept as an answer', async () => {
    const server = await httpServer((_req, res) => json(res, 503, {}, { 'retry-after': '0' }));
    const exchange = await runner({ retry: { maxRetries: 2, maxDelayMs: 50 } }).send(testCase({ method: 'POST' }), server.url, DC);
    expect(server.received.length).toBe(1);
    expect(exchange.failure).toBeUndefined();
    expect(exchange.response?.status).toBe(503);
  });

  it('a PUT answered 503 is retried (idempotent), a POST answered 429 too (the server did not act on it)', async () => {
    const put = await httpServer((_req, res, _b, i) => (i === 0 ? json(res, 503, {}, { 'retry-after': '0' }) : json(res, 200, {})));
    expect((await runner({ retry: { maxRetries: 2, maxDelayMs: 50 } }).send(testCase({ method: 'PUT' }), put.url, DC)).response?.status).toBe(200);
    expect(put.received.length).toBe(2);
    const post = await httpServer((_req, res, _b, i) => (i === 0 ? json(res, 429, {}, { 'retry-after': '0' }) : json(res, 202, {})));
    expect((await runner({ retry: { maxRetries: 2, maxDelayMs: 50 } }).send(testCase({ method: 'POST' }), post.url, DC)).response?.status).toBe(202);
    expect(post.received.length).toBe(2);
  });

  it('the policy overrides the method: a POST the document calls idempotent is retried on 503', async () => {
    const server = await httpServer((_req, res, _b, i) => (i === 0 ? json(res, 503, {}) : json(res, 200, {})));
    const exchange = await runner({ retry: { maxRetries: 2, maxDelayMs: 50 } }).send(testCase({ method: 'POST' }), server.url, DC, { idempotent: true });
    expect(server.received.length).toBe(2);
    expect(exchange.response?.status).toBe(200);
  });
});

describe('accepted state-changing requests per resource (maxAccepted)', () => {
  it('with 8 in flight, a server that accepts everything receives exactly the limit; the rest are refused unsent', async () => {
    const server = await httpServer((_req, res) => setTimeout(() => json(res, 202, {}), 20));
    const r = runner({ concurrency: 8, maxAccepted: 2 });
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => r.send(testCase({ method: 'POST' }, `c${i}`), server.url, DC, { idempotent: false, resource: 'applianceId=a' })));
    expect(server.received.length).toBe(2);
    expect(results.filter((x) => x.status === 'fulfilled').length).toBe(2);
    const refused = results.flatMap((x) => (x.status === 'rejected' ? [x.reason as unknown] : []));
    expect(refused.length).toBe(6);
    expect(refused.every((e) => e instanceof AcceptedLimitError)).toBe(true);
    expect(r.acceptedLimitReached).toEqual([{ resource: 'applianceId=a', accepted: 2, notSent: 6 }]);
  });

  it('refusals free their place: a server answering 422 gets every request; another resource has its own count', async () => {
    const server = await httpServer((req, res) => json(res, req.url?.includes('/b') ? 202 : 422, {}));
    const r = runner({ concurrency: 8, maxAccepted: 1 });
    const send = (path: string, resource: string, i: number) => r.send(testCase({ method: 'POST', path }, `c${i}`), server.url, DC, { idempotent: false, resource });
    const answered = await Promise.all(Array.from({ length: 5 }, (_, i) => send('/a', 'id=a', i)));
    expect(answered.map((e) => e.response?.status)).toEqual([422, 422, 422, 422, 422]);
    await send('/b', 'id=b', 9);
    await expect(send('/b', 'id=b', 10)).rejects.toBeInstanceOf(AcceptedLimitError);
    expect(server.received.length).toBe(6);
    // A request that changes nothing (no resource) is never counted.
    expect((await r.send(testCase({ method: 'GET', path: '/b' }), server.url, DC)).response?.status).toBe(202);
  });
});

describe('misbehaving servers give failures, never rejections', () => {
  it('redirect: reported with the Location, not followed', async () => {
    const server = await httpServer((_req, res) => res.writeHead(302, { location: 'http://127.0.0.1:1/elsewhere' }).end());
    const exchange = await runner().send(testCase(), server.url, DC);
    expect(server.received.length).toBe(1);
    expect(exchange.failure?.kind).toBe('redirect');
    expect(exchange.failure?.message).toContain('http://127.0.0.1:1/elsewhere');
  });

  it('hang: timeout with small timeouts', async () => {
    const server = await httpServer(() => undefined);
    const exchange = await runner({ timeouts: { connectMs: 500, headersMs: 200, bodyMs: 200 } }).send(testCase(), server.url, DC);
    expect(exchange.failure?.kind).toBe('timeout');
    expect(exchange.response).toBeUndefined();
  });

  it('slow body: timeout after the headers, status kept', async () => {
    const server = await httpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"a":');
    });
    const exchange = await runner({ timeouts: { connectMs: 500, headersMs: 500, bodyMs: 200 } }).send(testCase(), server.url, DC);
    expect(exchange.failure?.kind).toBe('timeout');
    expect(exchange.response?.status).toBe(200);
  });

  it('reset: connection-reset', async () => {
    const server = await rawServer((socket) => socket.once('data', () => socket.resetAndDestroy()));
    const exchange = await runner().send(testCase(), server.url, DC);
    expect(exchange.failure?.kind).toBe('connection-reset');
  });

  it('garbage bytes: protocol-error', async () => {
    const server = await rawServer((socket) => socket.once('data', () => socket.end(Buffer.from('\u0000\u00ffNOT HTTP\r\n\r\n', 'latin1'))));
    const exchange = await runner().send(testCase(), server.url, DC);
    expect(exchange.failure?.kind).toBe('protocol-error');
  });

  it('closed port: connection-refused, with no credential in the message', async () => {
    const server = await httpServer(() => undefined);
    const url = server.url;
    await server.close();
    const exchange = await runner({ token: TOKEN }).send(testCase(), url, DC);
    expect(exchange.failure?.kind).toBe('connection-refused');
    expect(exchange.failure?.message).not.toContain(TOKEN);
  });

  it('huge body: read up to the cap, marked truncated, reported too-large', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const server = await httpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      let left = 200;
      const pump = (): void => {
        while (left-- > 0 && !res.destroyed) if (!res.write(chunk)) return void res.once('drain', pump);
        if (!res.destroyed) res.end();
      };
      res.on('error', () => undefined);
      pump();
    });
    const exchange = await runner({ maxResponseBytes: 100_000 }).send(testCase(), server.url, DC);
    expect(exchange.failure?.kind).toBe('too-large');
    expect(exchange.response?.truncated).toBe(true);
    expect(exchange.response?.bodyText.length).toBe(100_000);
    expect(exchange.response?.json).toBeUndefined();
  });
});

describe('limits', () => {
  it('never has more requests in flight than the concurrency', async () => {
    let inFlight = 0;
    let peak = 0;
    const server = await httpServer((_req, res) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      setTimeout(() => {
        inFlight -= 1;
        json(res, 200, {});
      }, 20);
    });
    const r = runner({ concurrency: 3 });
    const exchanges = await Promise.all(Array.from({ length: 12 }, (_, i) => r.send(testCase({}, `c${i}`), server.url, DC)));
    expect(exchanges.every((e) => e.response?.status === 200)).toBe(true);
    expect(server.received.length).toBe(12);
    expect(peak).toBeLessThanOrEqual(3);
    expect(peak).toBeGreaterThanOrEqual(2);
  });

  it('enforces the request budget with a typed error', async () => {
    const server = await httpServer((_req, res) => json(res, 200, {}));
    const r = runner({ maxRequests: 2 });
    await r.send(testCase(), server.url, DC);
    await r.send(testCase(), server.url, DC);
    await expect(r.send(testCase(), server.url, DC)).rejects.toBeInstanceOf(RequestBudgetError);
    await expect(r.send(testCase(), server.url, DC)).rejects.toMatchObject({ code: 'CONF_ERR_BUDGET' });
    expect(server.received.length).toBe(2);
    expect(r.sentCount).toBe(2);
  });

  it('a retry never overspends the budget', async () => {
    const server = await httpServer((_req, res) => json(res, 429, {}, { 'retry-after': '0' }));
    const exchange = await runner({ maxRequests: 2, retry: { maxRetries: 5, maxDelayMs: 10 } }).send(testCase(), server.url, DC);
    expect(server.received.length).toBe(2);
    expect(exchange.failure?.kind).toBe('rate-limited');
    expect(exchange.failure?.message).toContain('budget');
  });

  it('paces requests to the rate limit', async () => {
    const times: number[] = [];
    const server = await httpServer((_req, res) => {
      times.push(Date.now());
      json(res, 200, {});
    });
    const r = runner({ rateLimitPerSecond: 10 });
    await Promise.all(Array.from({ length: 4 }, () => r.send(testCase(), server.url, DC)));
    // Four starts 100 ms apart span at least ~300 ms.
    expect(times[3]! - times[0]!).toBeGreaterThanOrEqual(250);
  });
});
