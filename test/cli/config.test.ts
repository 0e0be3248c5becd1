import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { expectOneErrorLine, runCli, tempDir } from '../helpers/cli.ts';

async function withConfig(yaml: string): Promise<string> {
  const path = join(await tempDir('config-'), 'conformance.yaml');
  await writeFile(path, yaml);
  return path;
}

describe('config file errors name the key', () => {
  test.each([
    ['an unknown check in skipChecks', 'operations:\n  updateHostedConnect:\n    skipChecks: [echoo]\n', 'operations.updateHostedConnect.skipChecks: unknown check "echoo"'],
    ['an unknown operation', 'operations:\n  deleteEverything:\n    skipChecks: [echo]\n', 'unknown operation or document "deleteEverything"'],
    ['a target for an unknown document', 'targets:\n  nope: http://127.0.0.1:1\n', 'unknown operation or document "nope"'],
    ['a bad status key', 'operations:\n  updateHostedConnect:\n    acceptedStatuses: ["2000"]\n', 'operations.updateHostedConnect.acceptedStatuses.0'],
    ['a wrong type', 'runs: many\n', 'runs must be integer'],
    [
      'a severity key that is neither a check nor a constraint of the operation',
      'operations:\n  updateHostedConnect:\n    severity:\n      DC.body.hosted_connect.nmae.maxLength: warning\n',
      'operations.updateHostedConnect.severity: "DC.body.hosted_connect.nmae.maxLength" is neither a check name nor a constraint id of updateHostedConnect',
    ],
    // A constraint id of the other operation names nothing here either.
    ['a constraint id of another operation', 'operations:\n  updateHostedConnect:\n    severity:\n      HCX.query.method.enum: failure\n', 'severity: "HCX.query.method.enum" is neither'],
    [
      'a target name given twice',
      'targets:\n  huawei-dc:\n    - { name: eu, url: "http://127.0.0.1:1" }\n    - { name: eu, url: "http://127.0.0.1:2" }\n',
      'targets.huawei-dc: the name "eu" is given twice',
    ],
    ['a target entry without a url', 'targets:\n  huawei-dc:\n    - { name: eu }\n', "targets.huawei-dc.0 must have required property 'url'"],
    ['an unknown key in a target entry', 'targets:\n  huawei-dc:\n    - { url: "http://127.0.0.1:1", region: eu }\n', 'targets.huawei-dc.0 must NOT have additional properties "region"'],
    ['a target that is not http(s)', 'targets:\n  huawei-dc:\n    - { url: "ftp://127.0.0.1/x" }\n', 'targets.huawei-dc: ftp://127.0.0.1/x is not an http or https URL'],
    [
      'servers listed for an operation and for its document',
      'targets:\n  huawei-dc: ["http://127.0.0.1:1"]\n  updateHostedConnect: ["http://127.0.0.1:2"]\n',
      'targets: updateHostedConnect and huawei-dc both name servers for updateHostedConnect; list them under one key',
    ],
    ['an empty list of targets', 'targets:\n  huawei-dc: []\n', 'targets.huawei-dc must NOT have fewer than 1 items'],
    ['a target url that is no URL', 'targets:\n  huawei-dc:\n    - { url: "not a url" }\n', 'targets.huawei-dc.0.url must match format "uri"'],
    ['an empty target name', 'targets:\n  huawei-dc:\n    - { name: "", url: "http://127.0.0.1:1" }\n', 'targets.huawei-dc.0.name must NOT have fewer than 1 characters'],
    [
      'a fixture of a target that no operation has',
      'targets:\n  huawei-dc:\n    - { url: "http://127.0.0.1:1", fixtures: { projectid: x } }\n',
      'fixtures.projectid of target "http://127.0.0.1:1": no operation has a path parameter',
    ],
    ['a line break in a target header', 'targets:\n  huawei-dc:\n    - { url: "http://127.0.0.1:1", headers: { X-Auth-Token: "a\\nb" } }\n', 'targets.huawei-dc.0.headers.X-Auth-Token: the value'],
    [
      'an unset environment variable in a credential',
      'targets:\n  huawei-dc:\n    - { url: "http://127.0.0.1:1", headers: { X-Auth-Token: "${CONFORMANCE_TEST_UNSET_TOKEN}" } }\n',
      'targets.huawei-dc.0.headers.X-Auth-Token: environment variable CONFORMANCE_TEST_UNSET_TOKEN is not set',
    ],
    ['an auth entry of no login form', 'auth:\n  huawei-dc:\n    oauth: {}\n', 'auth.huawei-dc must be one of { hcx: ... }, { iam: ... }, { login: ... }'],
    [
      'an IAM login without its domain',
      'auth:\n  huawei-dc:\n    iam: { url: "https://iam.example.com/v3/auth/tokens", username: u, password: "${P}" }\n',
      "auth.huawei-dc.iam must have required property 'domain'",
    ],
    [
      'a login for no document or operation of the run',
      'auth:\n  hcx-interconect: { hcx: { username: u, password: "${CONFORMANCE_TEST_UNSET_PASSWORD}" } }\n',
      'auth.hcx-interconect: no document or operation is named "hcx-interconect"',
    ],
  ])('%s', async (_label, yaml, expected) => {
    const { code, err } = await runCli(['run', '--config', await withConfig(yaml)]);
    expect(code).toBe(2);
    expectOneErrorLine(err);
    expect(err).toContain(expected);
    expect(err).toContain('CONF_ERR_CONFIG');
  });

  test('--only-target names a server of the config file, and needs one', async () => {
    const yaml = 'targets:\n  huawei-dc:\n    - { name: eu, url: "http://127.0.0.1:1", headers: { X-Auth-Token: "${CONFORMANCE_TEST_UNSET_TOKEN}" } }\n    - { name: ap, url: "http://127.0.0.1:2" }\n';
    const path = await withConfig(yaml);
    const unknown = await runCli(['run', '--dry-run', '--config', path, '--only-target', 'us']);
    expect(unknown.code).toBe(2);
    expectOneErrorLine(unknown.err);
    expect(unknown.err).toContain('--only-target us: config file');
    expect(unknown.err).toContain('has no target of that name (known: eu, ap)');
    expect((await runCli(['run', '--dry-run', '--only-target', 'ap'])).err).toContain('--only-target names servers of a config file: give --config');
    // A server named by its URL is known by it with its password hidden, as reports show it.
    const secret = await withConfig('targets:\n  huawei-dc:\n    - "http://user:pa55word@127.0.0.1:1/"\n    - { name: ap, url: "http://127.0.0.1:2" }\n');
    const hidden = await runCli(['run', '--dry-run', '--config', secret, '--only-target', 'us']);
    expect(hidden.err).not.toContain('pa55word');
    expect(hidden.err).toContain('(known: http://user:[REDACTED]@127.0.0.1:1, ap)');
    // Only ap runs: eu's unset variable is never read (the run then fails on ap's closed port, not on it).
    const only = await runCli(['run', '--runs', '0', '--config', path, '--only-target', 'ap']);
    expect(only.code).toBe(2);
    expect(only.err).toContain('127.0.0.1:2');
    expect(only.err).not.toContain('CONFORMANCE_TEST_UNSET_TOKEN');
    const dry = await runCli(['run', '--dry-run', '--runs', '0', '--config', path, '--only-target', 'ap']);
    expect(dry.out).toContain('http://127.0.0.1:2/');
    expect(dry.out).not.toContain('http://127.0.0.1:1/');
    // A dry run sends nothing: an unset variable does not stop it, and its curl lines show no value.
    const all = await runCli(['run', '--dry-run', '--runs', '0', '--config', path]);
    expect(all.err).toBe('');
    expect(all.code).toBe(0);
    expect(all.out).toContain('http://127.0.0.1:1/');
  });

  test('severity keys that name a check or a constraint of the operation are accepted', async () => {
    const yaml = 'operations:\n  updateHostedConnect:\n    severity:\n      echo: failure\n      DC.body.hosted_connect.name.maxLength: warning\n';
    const { code, err } = await runCli(['run', '--dry-run', '--config', await withConfig(yaml)]);
    expect(err).toBe('');
    expect(code).toBe(0);
  });

  test('a document target by file name is accepted', async () => {
    const { code, err } = await runCli(['run', '--dry-run', '--target', 'huawei-dc=http://127.0.0.1:9', '--target', 'hcx-interconnect=http://127.0.0.1:9']);
    expect(err).toBe('');
    expect(code).toBe(0);
  });
});
