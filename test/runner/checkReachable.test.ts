import { afterEach, describe, expect, it } from 'vitest';
import { TargetUnreachableError } from '../../src/errors/ConformanceError.ts';
import { checkReachable } from '../../src/runner/checkReachable.ts';
import { closeAll, httpServer, runnerOptions } from './helpers.ts';

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
