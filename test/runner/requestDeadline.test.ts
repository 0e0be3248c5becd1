import { afterEach, describe, expect, it } from 'vitest';
import { RunInterruptedError } from '../../src/runner/RunInterruptedError.ts';
import { runPool } from '../../src/engine/runPool.ts';
import { closeAll, httpServer, rawServer, testCase, trackedRunner } from './helpers.ts';

const runner = trackedRunner;
afterEach(closeAll);

const fast = { connectMs: 1_000, headersMs: 50, bodyMs: 50 };

describe('timeouts below undici timer resolution are honoured', () => {
  it('--timeout 50 against a server answering after 2 s: a timeout failure in well under a second', async () => {
    const server = await httpServer((_req, res) => setTimeout(() => res.writeHead(200).end('{}'), 2_000));
    const started = performance.now();
    const exchange = await runner({ timeouts: fast }).send(testCase(), server.url, []);
    const elapsed = performance.now() - started;
    expect(exchange.failure?.kind).toBe('timeout');
    expect(exchange.failure?.message).toContain('50 ms');
    expect(elapsed).toBeGreaterThanOrEqual(45);
    expect(elapsed).toBeLessThan(400);
  });

  it('a body that stalls after the headers: a timeout with the status kept', async () => {
    const server = await httpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"a":');
    });
    const started = performance.now();
    const exchange = await runner({ timeouts: fast }).send(testCase(), server.url, []);
    expect(exchange.failure?.kind).toBe('timeout');
    expect(exchange.response?.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(400);
  });

  it('a body that keeps trickling faster than the timeout is read to the end', async () => {
    const server = await httpServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const parts = ['{"a"', ':', '1', '}'];
      const next = (): void => {
        const part = parts.shift();
        if (part === undefined) res.end();
        else res.write(part, () => setTimeout(next, 30));
      };
      next();
    });
    const exchange = await runner({ timeouts: { connectMs: 1_000, headersMs: 80, bodyMs: 80 } }).send(testCase(), server.url, []);
    expect(exchange.failure).toBeUndefined();
    expect(exchange.response?.json).toEqual({ a: 1 });
  });

  it('a Retry-After wait is not counted against the timeout', async () => {
    const server = await httpServer((_req, res, _body, index) => {
      if (index === 0) res.writeHead(429, { 'retry-after': '1' }).end();
      else res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
    const exchange = await runner({ timeouts: fast }).send(testCase(), server.url, []);
    expect(exchange.failure).toBeUndefined();
    expect(exchange.response?.status).toBe(200);
    expect(server.received).toHaveLength(2);
  });
});

describe('nothing stalls the pool', () => {
  it('a server that accepts and never answers: every case of a pool ends as a timeout', async () => {
    const server = await rawServer(() => undefined);
    const r = runner({ timeouts: fast, concurrency: 2 });
    const kinds: string[] = [];
    const started = performance.now();
    await runPool([1, 2, 3, 4], 2, new AbortController().signal, async (n) => {
      kinds.push((await r.send(testCase({}, `case-${n}`), server.url, [])).failure?.kind ?? 'answered');
    });
    expect(kinds).toEqual(['timeout', 'timeout', 'timeout', 'timeout']);
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('a failing item stops the pool and is raised once the others are done', async () => {
    const done: number[] = [];
    const run = runPool([1, 2, 3, 4, 5, 6], 2, new AbortController().signal, async (n) => {
      await new Promise((resolve) => setTimeout(resolve, 10 * n));
      if (n === 2) throw new Error('boom');
      done.push(n);
    });
    await expect(run).rejects.toThrow('boom');
    // 1 and 3 were taken before 2 failed; nothing after.
    expect(done).toEqual([1, 3]);
  });

  it('an interrupt cuts requests in flight at once, and later sends are refused', async () => {
    const server = await rawServer(() => undefined);
    const controller = new AbortController();
    const r = runner({ timeouts: { connectMs: 10_000, headersMs: 10_000, bodyMs: 10_000 }, signal: controller.signal });
    const pending = r.send(testCase(), server.url, []);
    setTimeout(() => controller.abort(), 100);
    const started = performance.now();
    await expect(pending).rejects.toBeInstanceOf(RunInterruptedError);
    expect(performance.now() - started).toBeLessThan(500);
    await expect(r.send(testCase(), server.url, [])).rejects.toBeInstanceOf(RunInterruptedError);
    const closing = performance.now();
    await r.close();
    expect(performance.now() - closing).toBeLessThan(500);
  });
});
