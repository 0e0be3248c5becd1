import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { flagsToConfig, type RunFlags } from '../../src/cli/commands/runCommand.ts';
import { DEFAULT_CONFIG } from '../../src/config/ConformanceConfig.ts';
import { closeAll, httpServer, type TestServer } from '../runner/helpers.ts';
import { expectOneErrorLine, runCli, tempDir } from '../helpers/cli.ts';

afterEach(closeAll);

/** A server that answers 200 and counts what reaches it: a refused run must leave it at zero. */
function countingServer(): Promise<TestServer> {
  return httpServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
}

async function withFile(name: string, text: string): Promise<string> {
  const path = join(await tempDir('bad-input-'), name);
  await writeFile(path, text);
  return path;
}

describe('header and token values are refused at parse time, never echoed', () => {
  const SECRET = 'S3CRET';
  test.each([
    ['a CR/LF in a --header value', ['--header', `X-Auth-Token: ${SECRET}\r\nX-Evil: 1`], '--header "X-Auth-Token": the value contains a line break'],
    ['a bare LF in a --header value', ['--header', `X-Auth-Token: ${SECRET}\nx`], '--header "X-Auth-Token": the value contains a line break'],
    ['a target URL with a query string (a key in it)', ['--target', `upgradeInterconnectAppliance=http://127.0.0.1:1/?apikey=${SECRET}`], 'http://127.0.0.1:1/: a base URL has no query or fragment'],
    ['a control character in a --header value', ['--header', `X-Auth-Token: ${SECRET}\u0001`], '--header "X-Auth-Token": the value contains a control character at position 7 (U+0001)'],
    ['DEL in a --header value', ['--header', `X-Auth-Token: ${SECRET}\u007f`], 'the value contains a control character at position 7 (U+007F)'],
    ['a non-Latin-1 character in a --header value', ['--header', `X-Auth-Token: ${SECRET}\u2014`], 'the value contains a character outside Latin-1 at position 7 (U+2014)'],
    ['a header without a valid name', ['--header', `${SECRET}`], '--header: expected "Name: value"'],
    ['a CR/LF in --token', ['--token', `${SECRET}\r\n`], '--token: the value contains a line break'],
    ['a non-Latin-1 character in --token', ['--token', `${SECRET}€`], '--token: the value contains a character outside Latin-1'],
    ['an empty --token', ['--token', ''], '--token: the value is empty'],
    ['an empty --header value', ['--header', 'X-Auth-Token:'], '--header "X-Auth-Token": the value is empty'],
    ['white space at the end of --token', ['--token', `${SECRET} `], '--token: the value starts or ends with white space'],
  ])('%s: exit 2, one line naming the flag, nothing sent, fast', async (_label, args, expected) => {
    const server = await countingServer();
    const started = performance.now();
    const { code, out, err } = await runCli(['run', '--target', server.url, ...args]);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(code).toBe(2);
    expectOneErrorLine(err);
    expect(err).toContain(expected);
    expect(err).toContain('[CONF_ERR_USAGE]');
    expect(err).not.toContain(SECRET);
    expect(out).toBe('');
    expect(server.received).toHaveLength(0);
  });

  // The embedded mock once refused these with an error about a "mock option token" nobody gave.
  test.each([
    ['a --token with a space', ['--token', 'my token']],
    ['a Latin-1 --token', ['--token', 'tökén']],
    ['a credential --header with a space', ['--header', 'X-Auth-Token: my token']],
  ])('%s is taken by the embedded mock as by the CLI: the run authenticates and conforms', async (_label, args) => {
    const dir = await tempDir('token-');
    const { code, err } = await runCli(['run', ...args, '--operation', 'updateHostedConnect', '--runs', '1', '--report', `json=${join(dir, 'r.json')}`]);
    expect(err).toBe('');
    expect(code).toBe(0);
  });

  test.each([
    ['run --mock-fault', ['run', '--mock-fault', 'dc-vlan-4000'], '--mock-fault: the embedded mock is not used when a target is named (--target)'],
    [
      'run with every --mock-* flag',
      ['run', '--mock-latency', '5', '--mock-rate-limit', '9', '--mock-chaos', 'hang'],
      '--mock-latency, --mock-rate-limit, --mock-chaos: the embedded mock is not used',
    ],
    ['verify-pacts --mock-fault', ['verify-pacts', '--mock-fault', 'dc-vlan-4000'], '--mock-fault: the embedded mock is not used when a target is named (--target)'],
  ])('%s beside --target: exit 2, one line saying the mock is not used, nothing sent', async (_label, args, expected) => {
    const server = await countingServer();
    const { code, err } = await runCli([...args, '--target', server.url]);
    expect(code).toBe(2);
    expectOneErrorLine(err);
    expect(err).toContain(expected);
    expect(err).toContain('[CONF_ERR_USAGE]');
    expect(server.received).toHaveLength(0);
  });

  test('mock settings of the config file beside --target: exit 2 naming the key', async () => {
    const server = await countingServer();
    const { code, err } = await runCli(['run', '--config', await withFile('c.yaml', 'mock:\n  fault: dc-vlan-4000\n'), '--target', server.url]);
    expect(code).toBe(2);
    expectOneErrorLine(err);
    expect(err).toContain('mock.fault (config file): the embedded mock is not used when a target is named (--target)');
    expect(err).toContain('[CONF_ERR_CONFIG]');
    expect(server.received).toHaveLength(0);
  });

  test('verify-pacts refuses the same values', async () => {
    const server = await countingServer();
    const { code, err } = await runCli(['verify-pacts', '--target', server.url, '--header', `X-Auth-Token: ${SECRET}\r\nX-Evil: 1`]);
    expect(code).toBe(2);
    expectOneErrorLine(err);
    expect(err).toContain('--header "X-Auth-Token": the value contains a line break');
    expect(err).not.toContain(SECRET);
    expect(server.received).toHaveLength(0);
  });

  test.each([
    ['a header value', `headers:\n  X-Auth-Token: "${SECRET}\\r\\nX: 1"\n`, 'headers.X-Auth-Token: the value contains a line break'],
    ['the token', `token: "${SECRET}\\u0007"\n`, 'token: the value contains a control character'],
    ['a header name', `headers:\n  "Bad Name": x\n`, 'headers key "Bad Name" must match pattern'],
  ])('in the config file, %s: exit 2 naming the key', async (_label, yaml, expected) => {
    const { code, err } = await runCli(['run', '--config', await withFile('c.yaml', yaml)]);
    expect(code).toBe(2);
    expectOneErrorLine(err);
    expect(err).toContain(expected);
    expect(err).toContain('[CONF_ERR_CONFIG]');
    expect(err).not.toContain(SECRET);
  });
});

describe('report paths are checked before the first request', () => {
  test('a report path under a file: exit 2 with the reason, zero requests received', async () => {
    const server = await countingServer();
    const file = await withFile('plain-file', 'not a folder');
    const { code, out, err } = await runCli(['run', '--runs', '1', '--target', server.url, '--report', `json=${file}/x.json`]);
    expect(code).toBe(2);
    expectOneErrorLine(err);
    expect(err).toContain(`report json=${file}/x.json: ${file} is not a directory [CONF_ERR_REPORT_WRITE]`);
    expect(out).toBe('');
    expect(server.received).toHaveLength(0);
  });

  test('a default report folder under a file is named as the report folder', async () => {
    const server = await countingServer();
    const file = await withFile('plain-file', 'not a folder');
    const { code, err } = await runCli(['run', '--runs', '1', '--target', server.url, '--report-dir', join(file, 'reports')]);
    expect(code).toBe(2);
    expect(err).toContain(`report folder ${join(file, 'reports')}: ${file} is not a directory`);
    expect(server.received).toHaveLength(0);
  });

  test('a report path that is a folder is refused', async () => {
    const server = await countingServer();
    const dir = await tempDir();
    const { code, err } = await runCli(['run', '--runs', '1', '--target', server.url, '--report', `json=${dir}`]);
    expect(code).toBe(2);
    expect(err).toContain(`${dir} is a directory`);
    expect(server.received).toHaveLength(0);
  });

  // root may write anywhere: the permission check cannot fail for it.
  test.skipIf(process.getuid?.() === 0)('an unwritable folder: "is not writable", zero requests', async () => {
    const server = await countingServer();
    const dir = join(await tempDir(), 'locked');
    await mkdir(dir);
    await chmod(dir, 0o500);
    const { code, err } = await runCli(['run', '--runs', '1', '--target', server.url, '--report', `json=${join(dir, 'deeper', 'r.json')}`]);
    expect(code).toBe(2);
    expect(err).toContain(`${dir} is not writable`);
    expect(server.received).toHaveLength(0);
  });

  test('verify-pacts checks its report paths before sending', async () => {
    const server = await countingServer();
    const file = await withFile('plain-file', 'x');
    const { code, err } = await runCli(['verify-pacts', '--target', server.url, '--report', `json=${file}/r.json`]);
    expect(code).toBe(2);
    expect(err).toContain(`${file} is not a directory`);
    expect(server.received).toHaveLength(0);
  });

  test('missing folders are fine: the writers create them', async () => {
    const dir = join(await tempDir(), 'a', 'b');
    const { code, err } = await runCli(['run', '--runs', '1', '--report', `json=${join(dir, 'r.json')}`]);
    expect(err).toBe('');
    expect(code).toBe(0);
  });
});

describe('repeated and contradictory flags', () => {
  test.each([
    ['a repeated --target NAME', ['--target', 'huawei-dc=http://127.0.0.1:9', '--target', 'huawei-dc=http://127.0.0.1:10'], '--target huawei-dc is given twice'],
    ['a second bare --target', ['--target', 'http://127.0.0.1:9', '--target', 'http://127.0.0.1:10'], '--target URL (for every operation) is given twice'],
    [
      'the same --spec twice',
      ['--spec', 'schemas/huawei-dc.openapi.yaml', '--spec', './schemas/huawei-dc.openapi.yaml'],
      '--spec ./schemas/huawei-dc.openapi.yaml and --spec schemas/huawei-dc.openapi.yaml are the same file',
    ],
    ['--fail-on without --baseline', ['--fail-on', 'new'], '--fail-on needs --baseline'],
    ['--fail-on of an unknown word', ['--fail-on', 'some'], '--fail-on must be new or any'],
    ['a flag value the schema refuses', ['--proxy', 'not a url'], '--proxy must match format "uri"'],
  ])('%s: exit 2, a usage error naming the flag', async (_label, args, expected) => {
    const { code, err } = await runCli(['run', '--dry-run', ...args]);
    expect(code).toBe(2);
    expectOneErrorLine(err);
    expect(err).toContain(expected);
    expect(err).toContain('[CONF_ERR_USAGE]');
  });

  test('the config file: failOn without baseline names the key', async () => {
    const { code, err } = await runCli(['run', '--dry-run', '--config', await withFile('c.yaml', 'failOn: new\n')]);
    expect(code).toBe(2);
    expect(err).toContain('failOn needs baseline');
    expect(err).toContain('[CONF_ERR_CONFIG]');
  });

  test('the config file: a spec listed twice names the key', async () => {
    const { code, err } = await runCli(['run', '--dry-run', '--config', await withFile('c.yaml', 'specs: [schemas/huawei-dc.openapi.yaml, schemas/huawei-dc.openapi.yaml]\n')]);
    expect(code).toBe(2);
    expect(err).toContain('specs lists schemas/huawei-dc.openapi.yaml twice');
  });
});

describe('--operation, --strict and --help', () => {
  test('--operation (repeatable) and --strict reach the configuration', () => {
    const flags: RunFlags = { spec: [], case: [], operation: ['updateHostedConnect', 'upgradeInterconnectAppliance'], onlyTarget: [], strict: true };
    expect(flagsToConfig(flags)).toMatchObject({ operationIds: ['updateHostedConnect', 'upgradeInterconnectAppliance'], strict: true });
    expect(flagsToConfig({ spec: [], case: [], operation: [], onlyTarget: [] })).not.toHaveProperty('strict');
  });

  test('--help shows the defaults from DEFAULT_CONFIG and the token scheme order', async () => {
    const { out } = await runCli(['run', '--help']);
    const help = out.replace(/\s+/g, ' ');
    expect(help).toMatch(/--concurrency <n> requests in flight at once \(default 8\)/);
    expect(help).toContain(`(default ${DEFAULT_CONFIG.timeouts.headersMs})`);
    expect(help).toMatch(/--retries <n> .*\(default 2\)/);
    expect(help).toMatch(/--connect-timeout <ms> connect timeout \(default 5000\)/);
    expect(help).toContain('tried in document order (HCX: x-hm-authorization, then Authorization: Bearer, then Authorization; DC: X-Auth-Token)');
    expect(help).toContain('--operation <operationId>');
    expect(help).toContain('--strict');
  });
});

describe('verify-pacts refuses pacts that verify nothing', () => {
  test.each([
    ['an empty pact', JSON.stringify({ consumer: { name: 'c' }, provider: { name: 'p' }, interactions: [], metadata: { pactSpecification: { version: '4.0' } } }), 'has no interactions'],
    ['a JSON file that is not a pact', JSON.stringify({ hello: 'world' }), 'is not a pact file'],
    ['interactions without a request', JSON.stringify({ consumer: { name: 'c' }, provider: { name: 'p' }, interactions: [{ description: 'x' }] }), 'interaction 1 has no request'],
    ['a file that is not JSON', 'interactions: []', 'cannot read pact file'],
  ])('%s: exit 2, one line', async (_label, text, expected) => {
    const server = await countingServer();
    const pact = await withFile('p.json', text);
    const { code, err } = await runCli(['verify-pacts', '--target', server.url, '--pact', pact, '--report-dir', await tempDir()]);
    expect(code).toBe(2);
    expectOneErrorLine(err);
    expect(err).toContain(expected);
    expect(err).toContain('[CONF_ERR_PACT]');
    expect(server.received).toHaveLength(0);
  });
});
