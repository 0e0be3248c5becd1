import { afterEach, describe, expect, it } from 'vitest';
import { TargetUnreachableError } from '../../src/errors/ConformanceError.ts';
import { checkReachable } from '../../src/runner/checkReachable.ts';
import { closeAll, httpServer, runnerOptions } from './helpers.ts';
import { startTlsStandIn, TEST_CERT } from '../helpers/tlsStandIn.ts';

afterEach(closeAll);

describe('checkReachable', () => {
  it('resolves when the port accepts a connection, without sending a request', async () => {
    const server = await httpServer((_req, res) => res.end());
    await expect(checkReachable(`${server.url}/base`, runnerOptions())).resolves.toBeUndefined();
    expect(server.received).toHaveLength(0);
  });

  it('a closed port gives TargetUnreachableError with one line naming the endpoint and the cause', async () => {
    const server = await httpServer((_req, res) => res.end());
    const url = server.url;
    await server.close();
    const port = new URL(url).port;
    const error = await checkReachable(url.replace('http://', 'http://user:pw-secret@'), runnerOptions()).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TargetUnreachableError);
    const e = error as TargetUnreachableError;
    expect(e.code).toBe('CONF_ERR_TARGET_UNREACHABLE');
    expect(e.message).toBe(`cannot connect to http://127.0.0.1:${port}: ECONNREFUSED`);
  });

  it('names the default port of an https URL', async () => {
    const error = await checkReachable('https://127.0.0.1', runnerOptions({ timeouts: { connectMs: 500, headersMs: 500, bodyMs: 500 } })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TargetUnreachableError);
    expect((error as Error).message).toMatch(/^cannot connect to https:\/\/127\.0\.0\.1:443: [A-Z]+/);
  });
});

describe('checkReachable over TLS says what to do', () => {
  it('https to a plain-HTTP port: the server speaks plain HTTP, use http://', async () => {
    const server = await httpServer((_req, res) => res.end());
    const { port } = new URL(server.url);
    const error = await checkReachable(server.url.replace('http:', 'https:'), runnerOptions()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TargetUnreachableError);
    expect((error as Error).message).toBe(`cannot connect to https://127.0.0.1:${port}: ERR_SSL_WRONG_VERSION_NUMBER: the server speaks plain HTTP: use http://127.0.0.1:${port}`);
    expect(server.received).toHaveLength(0);
  });

  it('a self-signed certificate: --ca-file or --insecure, and either one gets through', async () => {
    const server = await httpServer((_req, res) => res.end());
    const standIn = await startTlsStandIn(Number(new URL(server.url).port));
    try {
      const resolve = { [`dcaas.example.com:443`]: standIn.address };
      const error = await checkReachable('https://dcaas.example.com', runnerOptions({ resolve })).catch((e: unknown) => e);
      expect((error as Error).message).toBe(
        "cannot connect to https://dcaas.example.com:443: DEPTH_ZERO_SELF_SIGNED_CERT: the server's certificate is signed by no CA this machine trusts (self-signed?): give that CA with --ca-file FILE, or --insecure to skip the check",
      );
      await expect(checkReachable('https://dcaas.example.com', runnerOptions({ resolve, tls: { caFile: TEST_CERT, insecure: false } }))).resolves.toBeUndefined();
      await expect(checkReachable('https://dcaas.example.com', runnerOptions({ resolve, tls: { insecure: true } }))).resolves.toBeUndefined();
    } finally {
      await standIn.close();
    }
  });
});
