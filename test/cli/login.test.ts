import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { MockLogEntry, MockServer } from '../../mock/MockOptions.ts';
import { startMockServer } from '../../mock/startMockServer.ts';
import { expectOneErrorLine, readReport, runCli, tempDir } from '../helpers/cli.ts';

const PASSWORD = 'Login-Test-Passw0rd';
const VARIABLE = 'CONFORMANCE_LOGIN_TEST_PASSWORD';
const LOGIN_PATHS = ['/hybridity/api/sessions', '/v3/auth/tokens'];

let mock: MockServer | undefined;
let log: MockLogEntry[] = [];
beforeEach(() => {
  process.env[VARIABLE] = PASSWORD;
});
afterEach(async () => {
  delete process.env[VARIABLE];
  await mock?.close();
  mock = undefined;
  log = [];
});

async function start(tokenUses?: number): Promise<MockServer> {
  log = [];
  mock = await startMockServer({ log, logins: { users: [{ username: 'nightly', password: PASSWORD, domain: 'acme' }], ...(tokenUses !== undefined ? { tokenUses } : {}) } });
  return mock;
}

/** Both vendors' logins against `server`, the password in the environment only. */
function nightly(server: MockServer, variable = VARIABLE): string {
  return [
    `targets: { hcx-interconnect: "${server.url}", huawei-dc: "${server.url}" }`,
    `fixtures: { applianceId: ${server.fixtures.applianceId}, project_id: ${server.fixtures.project_id}, hosted_connect_id: ${server.fixtures.hosted_connect_id} }`,
    'auth:',
    '  hcx-interconnect:',
    `    hcx: { username: nightly, password: "\${${variable}}" }`,
    '  huawei-dc:',
    '    iam:',
    `      url: ${server.url}/v3/auth/tokens`,
    '      username: nightly',
    `      password: "\${${variable}}"`,
    '      domain: acme',
    '      project: { name: ap-southeast-1 }',
    '',
  ].join('\n');
}

async function configFile(yaml: string): Promise<{ dir: string; path: string }> {
  const dir = await tempDir('login-');
  const path = join(dir, 'nightly.yaml');
  await writeFile(path, yaml);
  return { dir, path };
}

const logins = (): MockLogEntry[] => log.filter((e) => LOGIN_PATHS.includes(e.path));

describe('run --config with auth:', () => {
  test('logs in to both vendors before anything else and is judged with the tokens it got', async () => {
    const server = await start();
    const { dir, path } = await configFile(nightly(server));
    const { code, out, err } = await runCli(['run', '--config', path, '--runs', '3', '--report', `json=${join(dir, 'report.json')}`]);
    expect(code, `${err}\n${out.slice(-2000)}`).toBe(0);
    expect(log.slice(0, 2).map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual(['POST /hybridity/api/sessions 200', 'POST /v3/auth/tokens 201']);
    expect(logins()).toHaveLength(2);
    const report = await readReport(join(dir, 'report.json'));
    expect(report.summary.verdict).toBe('conforming');
    // The upgrades' tasks were polled with the login's token too, to their end.
    expect(report.tasks?.followed).toBeGreaterThan(0);
    expect(report.tasks?.outcomes).toEqual({ succeeded: report.tasks?.followed });
    // The credential cases were judged: the logins' tokens were accepted, wrong ones refused.
    const credentialCells = report.checks.filter((c) => c.check === 'auth-required');
    expect(credentialCells.length).toBeGreaterThan(0);
    expect(credentialCells.map((c) => c.outcome)).toEqual(credentialCells.map(() => 'pass'));
  });

  test('a token that expires in the middle of the run is renewed, and the run stays conforming', async () => {
    const server = await start(12);
    const { path } = await configFile(nightly(server));
    const { code, err, out } = await runCli(['run', '--config', path, '--runs', '3', '--concurrency', '2']);
    expect(code, `${err}\n${out.slice(-2000)}`).toBe(0);
    expect(logins().filter((e) => e.path === '/hybridity/api/sessions').length).toBeGreaterThan(1);
    expect(logins().filter((e) => e.path === '/v3/auth/tokens').length).toBeGreaterThan(1);
    expect(logins().every((e) => e.status === 200 || e.status === 201)).toBe(true);
  });

  test("without a target, the embedded mock accepts the presets' users, IAM at the path the config names", async () => {
    const yaml = [
      'auth:',
      `  hcx-interconnect: { hcx: { username: nightly, password: "\${${VARIABLE}}" } }`,
      `  huawei-dc: { iam: { url: /v3/auth/tokens, username: nightly, password: "\${${VARIABLE}}", domain: acme, project: { id: 6fbe9263116a4b68818cf1edce16bc4f } } }`,
      '',
    ].join('\n');
    const { dir, path } = await configFile(yaml);
    const { code, err, out } = await runCli(['run', '--config', path, '--runs', '3', '--report', `json=${join(dir, 'report.json')}`]);
    expect(code, `${err}\n${out.slice(-2000)}`).toBe(0);
    expect((await readReport(join(dir, 'report.json'))).summary.verdict).toBe('conforming');
  });

  test('a login that fails stops the run: exit 2, one line naming the login and the status, nothing else sent', async () => {
    const server = await start();
    process.env[VARIABLE] = 'not-the-Passw0rd';
    const { path } = await configFile(nightly(server));
    const { code, err } = await runCli(['run', '--config', path, '--runs', '3']);
    expect(code).toBe(2);
    expectOneErrorLine(err);
    expect(err).toContain(`auth.hcx-interconnect (hcx): POST ${server.url}/hybridity/api/sessions answered 401`);
    expect(err).toContain('CONF_ERR_LOGIN');
    expect(err).not.toContain('not-the-Passw0rd');
    expect(log.map((e) => `${e.method} ${e.path}`)).toEqual(['POST /hybridity/api/sessions']);
  });

  test('an unset password variable stops the run before anything is sent: exit 2, one line naming it', async () => {
    const server = await start();
    const { path } = await configFile(nightly(server, 'CONFORMANCE_LOGIN_TEST_UNSET'));
    const { code, err } = await runCli(['run', '--config', path]);
    expect(code).toBe(2);
    expectOneErrorLine(err);
    expect(err).toContain('auth.hcx-interconnect.hcx.password: environment variable CONFORMANCE_LOGIN_TEST_UNSET is not set');
    expect(server.requestCount()).toBe(0);
  });

  test('a password written into the file is refused: passwords come from the environment', async () => {
    const server = await start();
    const { path } = await configFile(nightly(server).replace(`"\${${VARIABLE}}"`, PASSWORD));
    const { code, err } = await runCli(['run', '--config', path]);
    expect(code).toBe(2);
    expectOneErrorLine(err);
    expect(err).toContain('auth.hcx-interconnect');
    expect(err).toContain('password must match pattern');
    expect(err).not.toContain(PASSWORD);
    expect(server.requestCount()).toBe(0);
  });

  test("a dry run logs in nowhere and needs none of the variables; its requests show the login's header, redacted", async () => {
    const server = await start();
    const { path } = await configFile(nightly(server, 'CONFORMANCE_LOGIN_TEST_UNSET'));
    const { code, err, out } = await runCli(['run', '--config', path, '--dry-run', '--runs', '1']);
    expect(code, err).toBe(0);
    expect(server.requestCount()).toBe(0);
    expect(out).toContain("-H 'x-hm-authorization: [REDACTED]'");
    expect(out).toContain("-H 'x-auth-token: [REDACTED]'");
    expect(out).not.toContain('token-of-the-login');
  });
});
