import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startMockServer } from '../../mock/startMockServer.ts';
import type { MockServer } from '../../mock/MockOptions.ts';
import { hostKeyOf, hostOverridesOf, parseHostOverride } from '../../src/runner/hostOverrides.ts';
import { expectOneErrorLine, readReport, runCli, tempDir } from '../helpers/cli.ts';

describe('HOST:PORT:ADDRESS entries', () => {
  test('parsed as curl writes them, host lower case, IPv6 in brackets', () => {
    expect(parseHostOverride('HCX.Example.com:443:127.0.0.1')).toEqual({ key: 'hcx.example.com:443', address: '127.0.0.1' });
    expect(parseHostOverride('[::1]:8080:[::1]')).toEqual({ key: '[::1]:8080', address: '::1' });
    for (const bad of ['hcx.example.com:443', 'hcx.example.com::127.0.0.1', 'a:99999:127.0.0.1', 'a b:1:c', 'a:0:127.0.0.1']) expect(parseHostOverride(bad)).toBeUndefined();
    expect(hostOverridesOf(['dc.example.com:80:127.0.0.1'])).toEqual({ 'dc.example.com:80': '127.0.0.1' });
    expect(hostKeyOf('DC.example.com', '', 'https:')).toBe('dc.example.com:443');
  });
});

describe('--resolve: a named (non-loopback) target served on loopback', () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startMockServer({ port: 0, token: 'resolve-token-1234' });
  });
  afterAll(() => mock.close());

  const remote = (): { url: string; resolve: string } => {
    const port = new URL(mock.url).port;
    return { url: `http://dcaas.example.com:${port}`, resolve: `dcaas.example.com:${port}:127.0.0.1` };
  };
  const fixtures = (): string[] => Object.entries(mock.fixtures).flatMap(([name, value]) => ['--fixture', `${name}=${value}`]);

  test('the name keeps the remote safety rules: refused without --allow-mutations, sent with it', async () => {
    const { url, resolve } = remote();
    const refused = await runCli([
      'run',
      '--target',
      `updateHostedConnect=${url}`,
      '--resolve',
      resolve,
      '--token',
      mock.token,
      ...fixtures(),
      '--runs',
      '1',
      '--report',
      `json=${join(await tempDir(), 'r.json')}`,
    ]);
    expect(refused.code).toBe(2);
    expectOneErrorLine(refused.err);
    expect(refused.err).toContain('--allow-mutations');
    const path = join(await tempDir(), 'r.json');
    const sent = await runCli([
      'run',
      '--target',
      `updateHostedConnect=${url}`,
      '--resolve',
      resolve,
      '--token',
      mock.token,
      ...fixtures(),
      '--runs',
      '1',
      '--allow-mutations',
      '--rate-limit',
      '1000',
      '--report',
      `json=${path}`,
    ]);
    // The remote default of one accepted change per resource applies too: the refusals run, the changes
    // after the first one are not sent.
    expect(sent.code).toBe(0);
    const report = await readReport(path);
    expect(report.acceptedLimit?.limit).toBe(1);
    expect(report.operations.map((o) => o.target)).toEqual([url]);
    expect(report.invocation?.resolve).toEqual([resolve]);
    // The replay line carries the override, so it reaches the same server.
    expect(report.summary.cases).toBeGreaterThan(0);
  });

  test('a malformed entry: exit 2, one line naming the flag', async () => {
    const { code, err } = await runCli(['run', '--resolve', 'dcaas.example.com:127.0.0.1', '--runs', '1']);
    expect(code).toBe(2);
    expectOneErrorLine(err);
    expect(err).toContain('--resolve must be HOST:PORT:ADDRESS');
  });
});
