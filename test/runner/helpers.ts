import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Case, PlannedRequest } from '../../src/model/Case.ts';
import { HttpRunner } from '../../src/runner/HttpRunner.ts';
import type { RunnerOptions } from '../../src/runner/RunnerOptions.ts';

export interface Received {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

export interface TestServer {
  readonly url: string;
  readonly received: Received[];
  close(): Promise<void>;
}

const open: Array<{ close(): Promise<void> }> = [];

/** Closes every server a test started (call from afterEach). */
const runners: HttpRunner[] = [];

/** Closes every test server and every runner made by `trackedRunner`. */
export async function closeAll(): Promise<void> {
  await Promise.all([...open.splice(0).map((s) => s.close()), ...runners.splice(0).map((r) => r.close())]);
}

/** A runner over `runnerOptions(overrides)`, closed by `closeAll`. */
export function trackedRunner(overrides: Partial<RunnerOptions> = {}): HttpRunner {
  const runner = new HttpRunner(runnerOptions(overrides));
  runners.push(runner);
  return runner;
}

/** A loopback HTTP server; `handle` answers after the request body is read. */
export async function httpServer(handle: (req: IncomingMessage, res: ServerResponse, body: string, index: number) => void): Promise<TestServer> {
  const received: Received[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      handle(req, res, body, received.length - 1);
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const handle2 = {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  open.push(handle2);
  return handle2;
}

/** A loopback TCP server that does whatever `onSocket` does with each connection (garbage, reset, ...). */
export async function rawServer(onSocket: (socket: Socket) => void): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: NetServer = createNetServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => undefined);
    onSocket(s);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const handle = {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  open.push(handle);
  return handle;
}

export function testCase(request: Partial<PlannedRequest> = {}, id = 'case-1'): Case {
  return {
    id,
    operationId: 'op',
    intent: { kind: 'valid', label: 'test' },
    seed: 1,
    needsFixture: false,
    request: { method: 'PUT', path: '/things/1', pathParams: {}, query: {}, headers: {}, auth: 'configured', ...request },
  };
}

export function runnerOptions(overrides: Partial<RunnerOptions> = {}): RunnerOptions {
  return {
    headers: {},
    timeouts: { connectMs: 2_000, headersMs: 2_000, bodyMs: 2_000 },
    concurrency: 4,
    retry: { maxRetries: 2, maxDelayMs: 2_000 },
    maxResponseBytes: 1024 * 1024,
    ...overrides,
  };
}
