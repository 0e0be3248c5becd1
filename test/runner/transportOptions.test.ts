import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TargetUnreachableError } from '../../src/errors/ConformanceError.ts';
import { checkReachable } from '../../src/runner/checkReachable.ts';
import { HttpRunner } from '../../src/runner/HttpRunner.ts';
import type { RunnerOptions } from '../../src/runner/RunnerOptions.ts';
import { closeAll, httpServer, runnerOptions, testCase } from './helpers.ts';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await closeAll();
  await Promise.all(cleanups.splice(0).map((c) => c()));
});
function runner(overrides: Partial<RunnerOptions>): HttpRunner {
  const r = new HttpRunner(runnerOptions(overrides));
  cleanups.push(() => r.close());
  return r;
}

describe('invalid requests the case plans', () => {
  it('a header value the HTTP client refuses becomes an `other` failure, not a rejection', async () => {
    const server = await httpServer((_req, res) => res.end());
    const exchange = await runner({}).send(testCase({ headers: { 'x-bad': 'line\r\nbreak' } }), server.url, []);
    expect(exchange.failure?.kind).toBe('other');
    expect(server.received).toHaveLength(0);
  });
});

describe('proxy', () => {
  it('tunnels requests through an HTTP proxy (CONNECT)', async () => {
    const target = await httpServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"via":"proxy"}'));
    const tunnels: string[] = [];
    const sockets = new Set<Socket>();
    const proxy = createHttpServer();
    proxy.on('connect', (req, client: Socket) => {
      tunnels.push(req.url ?? '');
      const [host, port] = (req.url ?? '').split(':');
      const upstream = connect(Number(port), host, () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(client);
        client.pipe(upstream);
      });
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('error', () => undefined);
      }
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    cleanups.push(
      () =>
        new Promise((resolve) => {
          for (const s of sockets) s.destroy();
          proxy.close(() => resolve());
        }),
    );
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const exchange = await runner({ proxy: proxyUrl }).send(testCase(), target.url, []);
    expect(exchange.response?.json).toEqual({ via: 'proxy' });
    expect(tunnels).toEqual([new URL(target.url).host]);
    await expect(checkReachable(target.url, runnerOptions({ proxy: proxyUrl }))).resolves.toBeUndefined();
  });
});

describe('TLS', () => {
  let dir: string;
  let server: HttpsServer;
  let url: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'runner-tls-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    server = createHttpsServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"tls":true}'),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses an unknown certificate: a failure per request, and an unreachable target up front', async () => {
    const exchange = await runner({}).send(testCase(), url, []);
    expect(exchange.failure?.kind).toBe('other');
    expect(exchange.failure?.message).toMatch(/self-signed|SELF_SIGNED/i);
    const error = await checkReachable(url, runnerOptions()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TargetUnreachableError);
    expect((error as Error).message).toMatch(/^cannot connect to https:\/\/127\.0\.0\.1:\d+: DEPTH_ZERO_SELF_SIGNED_CERT/);
  });

  it('trusts the certificate given as caFile', async () => {
    const tls = { caFile: join(dir, 'cert.pem') };
    const exchange = await runner({ tls }).send(testCase(), url, []);
    expect(exchange.response?.json).toEqual({ tls: true });
    await expect(checkReachable(url, runnerOptions({ tls }))).resolves.toBeUndefined();
  });

  it('skips verification with insecure', async () => {
    const exchange = await runner({ tls: { insecure: true } }).send(testCase(), url, []);
    expect(exchange.response?.status).toBe(200);
  });
});
