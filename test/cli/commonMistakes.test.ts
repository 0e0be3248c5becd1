/**
 * The common first mistakes get one line that says what to do, exit 2, before anything is sent: a target
 * without its scheme, https to a plain-HTTP server, a self-signed certificate; and `proxy --listen` on an
 * address other machines reach is said on stderr (it still starts).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startMockServer } from '../../mock/startMockServer.ts';
import type { MockServer } from '../../mock/MockOptions.ts';
import { expectOneErrorLine, runCli, tempDir } from '../helpers/cli.ts';
import { startTlsStandIn, type TlsStandIn } from '../helpers/tlsStandIn.ts';
import { spawnProxy } from '../proxy/spawnProxy.ts';

let server: MockServer;
let tls: TlsStandIn;
let port: string;

beforeAll(async () => {
  server = await startMockServer({ token: 'T' });
  port = new URL(server.url).port;
  tls = await startTlsStandIn(Number(port));
});

afterAll(async () => {
  await tls.close();
  await server.close();
});

async function refused(args: readonly string[]): Promise<string> {
  const dir = await tempDir();
  const before = server.requestCount();
  const { code, err } = await runCli(['run', ...args, '--token', 'T', '--report-dir', dir]);
  expect(code, err).toBe(2);
  expectOneErrorLine(err);
  expect(server.requestCount()).toBe(before);
  return err;
}

describe('a target the run cannot use says what to do: exit 2, one line, nothing sent', () => {
  test('a target without its scheme: did you mean http:// (loopback) or https:// (any other host)?', async () => {
    expect(await refused(['--target', `localhost:${port}`])).toContain(`--target: localhost:${port} has no scheme: did you mean http://localhost:${port}?`);
    expect(await refused(['--target', `updateHostedConnect=127.0.0.1:${port}/base`])).toContain(`did you mean http://127.0.0.1:${port}/base?`);
    expect(await refused(['--target', 'upgradeInterconnectAppliance=hcx.example.com'])).toContain('hcx.example.com has no scheme: did you mean https://hcx.example.com?');
  });

  test('the same for every command that takes a server URL', async () => {
    for (const argv of [
      ['verify-pacts', '--target', 'localhost:8080'],
      ['proxy', '--upstream', 'localhost:8080'],
      ['replay', 'r.json', '--target', 'localhost:8080'],
    ]) {
      const { code, err } = await runCli(argv);
      expect(code, argv.join(' ')).toBe(2);
      expectOneErrorLine(err);
      expect(err).toContain('localhost:8080 has no scheme: did you mean http://localhost:8080?');
    }
  });

  test('https to a server that speaks plain HTTP: use http://', async () => {
    const err = await refused(['--target', `https://127.0.0.1:${port}`]);
    expect(err).toContain(`the server speaks plain HTTP: use http://127.0.0.1:${port}`);
    expect(err).toContain('CONF_ERR_');
  });

  test('a self-signed certificate: --ca-file or --insecure', async () => {
    const err = await refused(['--target', `https://${tls.address}`]);
    expect(err).toContain(`cannot connect to https://${tls.address}:443: DEPTH_ZERO_SELF_SIGNED_CERT`);
    expect(err).toContain('--ca-file FILE, or --insecure');
  });

  test('a URL with its scheme is not taken for a missing one', async () => {
    const dir = await tempDir();
    const { code } = await runCli(['run', '--target', server.url, '--token', 'T', '--runs', '0', '--operation', 'updateHostedConnect', '--report', `json=${dir}/r.json`]);
    expect(code).toBe(0);
  });
});

describe('proxy --listen', () => {
  test('an address other machines reach: a warning on stderr, and the proxy still starts', async () => {
    const proxy = await spawnProxy(['--upstream', server.url, '--quiet', '--listen', '0.0.0.0:0', '--report-dir', await tempDir()]);
    expect(proxy.url).toMatch(/^http:\/\//);
    proxy.child.kill('SIGTERM');
    const { stderr } = await proxy.done;
    expect(stderr).toContain(
      'conformance proxy: warning: --listen 0.0.0.0:0 is not loopback: anyone who reaches it sends requests upstream with the credentials it forwards; use --listen 127.0.0.1:0 unless that is intended',
    );
  });

  test('on loopback (the default): no warning', async () => {
    const proxy = await spawnProxy(['--upstream', server.url, '--quiet', '--report-dir', await tempDir()]);
    proxy.child.kill('SIGTERM');
    const { stderr } = await proxy.done;
    expect(stderr).not.toContain('warning');
  });
});

describe('a config file target without its scheme', () => {
  test.each([
    ['target: localhost:8080', 'target: localhost:8080 has no scheme: did you mean http://localhost:8080?'],
    ['targets: { huawei-dc: dcaas.example.com }', 'targets.huawei-dc: dcaas.example.com has no scheme: did you mean https://dcaas.example.com?'],
    ['targets: { huawei-dc: [{ name: eu, url: "127.0.0.1:9/base" }] }', 'targets.huawei-dc[0]: 127.0.0.1:9/base has no scheme: did you mean http://127.0.0.1:9/base?'],
  ])('%s: exit 2, one line', async (yaml, message) => {
    const dir = await tempDir();
    await writeFile(join(dir, 'c.yaml'), `${yaml}\n`);
    const { code, err } = await runCli(['run', '--config', join(dir, 'c.yaml'), '--dry-run']);
    expect(code).toBe(2);
    expectOneErrorLine(err);
    expect(err).toContain(message);
  });
});
