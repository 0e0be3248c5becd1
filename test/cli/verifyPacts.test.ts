import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { startMockServer } from '../../mock/startMockServer.ts';
import { main } from '../../src/cli/main.ts';
import type { MockServer } from '../../mock/MockOptions.ts';
import { validateReport } from '../../src/regression/validateReport.ts';
import { emptyCaStoreForTheVerifier } from '../helpers/fastVerifier.ts';
import { representativePacts } from '../helpers/pactSubset.ts';
import { shellWords } from '../helpers/shellWords.ts';

// The command's wiring (flags, reports, exit codes, credentials, replay lines) on one interaction of each
// kind of case: every shipped interaction is verified in test/pact/verifyPacts.test.ts.
emptyCaStoreForTheVerifier();
let pactFiles: string[];
let pacts: string[];
/** The same, with the interactions dc-accept-long-name breaks (a name of 65 characters). */
let longNamePacts: string[];
beforeAll(async () => {
  pactFiles = representativePacts(await mkdtemp(join(tmpdir(), 'verify-pacts-')));
  pacts = pactFiles.flatMap((file) => ['--pact', file]);
  longNamePacts = representativePacts(await mkdtemp(join(tmpdir(), 'verify-pacts-')), /name\.maxLength: hosted_connect\.name length 65/).flatMap((file) => ['--pact', file]);
});
const interactionsIn = async (files: readonly string[]): Promise<number> =>
  (await Promise.all(files.map(async (f) => (JSON.parse(await readFile(f, 'utf8')) as { interactions: unknown[] }).interactions.length))).reduce((a, b) => a + b, 0);

const fixtureFlags = (mock: MockServer): string[] => Object.entries(mock.fixtures).flatMap(([name, value]) => ['--fixture', `${name}=${value}`]);

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

describe('conformance verify-pacts', () => {
  test('passes against the correct embedded mock, one report entry per interaction', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'verify-'));
    const { code, err } = await cli(['verify-pacts', ...pacts, '--report', `json=${join(dir, 'r.json')}`]);
    expect(err).toBe('');
    expect(code).toBe(0);
    const checked = validateReport(JSON.parse(await readFile(join(dir, 'r.json'), 'utf8')));
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.report.command).toBe('verify-pacts');
    expect(checked.report.summary.ran).toBe(await interactionsIn(pactFiles));
    expect(checked.report.findings).toEqual([]);
  });

  test('fails on the interactions a fault breaks; credentials appear in no output or file', async () => {
    const secret = 'PACT-S3CRET-TOKEN';
    const mock = await startMockServer({ token: secret, fault: 'dc-ignore-auth' });
    try {
      const dir = await mkdtemp(join(tmpdir(), 'verify-'));
      const { code, out, err } = await cli([
        'verify-pacts',
        '--target',
        mock.url,
        '--token',
        secret,
        '--header',
        'X-Extra: HEADER-S3CRET',
        '--fixture',
        `applianceId=${mock.fixtures.applianceId}`,
        '--fixture',
        `project_id=${mock.fixtures.project_id}`,
        '--fixture',
        `hosted_connect_id=${mock.fixtures.hosted_connect_id}`,
        ...pacts,
        '--report-dir',
        dir,
      ]);
      expect(code).toBe(1);
      const report = JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as { findings: Array<{ operationId: string; intent: { kind: string }; constraintId?: string }> };
      expect(report.findings.length).toBeGreaterThan(0);
      for (const f of report.findings) {
        expect(f.operationId).toBe('updateHostedConnect');
        expect(['no-auth', 'wrong-auth']).toContain(f.intent.kind);
        expect(f.constraintId).toBe('DC.auth');
      }
      const files = await readdir(dir);
      const texts = [out, err, ...(await Promise.all(files.map((f) => readFile(join(dir, f), 'utf8'))))];
      for (const text of texts) {
        expect(text).not.toContain(secret);
        expect(text).not.toContain('HEADER-S3CRET');
      }
    } finally {
      await mock.close();
    }
  });

  test('a wrong credential is INCONCLUSIVE (exit 3) naming the refused header, not a list of failures', async () => {
    const mock = await startMockServer({ token: 'the-right-token' });
    try {
      const dir = await mkdtemp(join(tmpdir(), 'verify-'));
      const { code, err } = await cli(['verify-pacts', '--target', mock.url, '--token', 'a-wrong-token', ...fixtureFlags(mock), ...pacts, '--report', `json=${join(dir, 'r.json')}`]);
      expect(code, err).toBe(3);
      expect(err.trimEnd().split('\n')).toHaveLength(1);
      expect(err).toMatch(
        /^conformance: INCONCLUSIVE: \w+: \d+ of \d+ requests that carried the credential were answered 401\/403: the credential sent in x-(hm-authorization|auth-token) was refused/,
      );
      const checked = validateReport(JSON.parse(await readFile(join(dir, 'r.json'), 'utf8')));
      if (!checked.ok) throw new Error(checked.problem);
      expect(checked.report.summary.verdict).toBe('inconclusive');
      expect(checked.report.findings).toEqual([]);
      expect(checked.report.summary.causes.join('\n')).toContain('x-auth-token was refused');
      expect(checked.report.summary.causes.join('\n')).toContain('x-hm-authorization was refused');
    } finally {
      await mock.close();
    }
  });

  test('the printed replay line carries the fixtures and a credential placeholder, and runs as printed', async () => {
    const secret = 'PRINTED-S3CRET';
    const mock = await startMockServer({ token: secret, fault: 'dc-accept-long-name' });
    try {
      const dir = await mkdtemp(join(tmpdir(), 'verify-'));
      const first = await cli(['verify-pacts', '--target', mock.url, '--token', secret, ...fixtureFlags(mock), ...longNamePacts, '--report', `json=${join(dir, 'r.json')}`]);
      expect(first.code, first.err).toBe(1);
      const report = JSON.parse(await readFile(join(dir, 'r.json'), 'utf8')) as { findings: Array<{ replay: string }> };
      const line = report.findings[0]!.replay;
      expect(line).not.toContain(secret);
      const words = shellWords(line);
      expect(words.slice(0, 3)).toEqual(['npx', 'conformance', 'verify-pacts']);
      expect(words).toEqual(expect.arrayContaining(['--fixture', `hosted_connect_id=${mock.fixtures.hosted_connect_id}`, '--token', '$TOKEN']));
      const again = await cli([...words.slice(2).map((w) => w.replaceAll('$TOKEN', secret)), '--report', `json=${join(dir, 'again.json')}`]);
      expect(again.code, again.err).toBe(1);
    } finally {
      await mock.close();
    }
  });

  test('an unreachable provider is one line and exit 2', async () => {
    const { code, err } = await cli(['verify-pacts', '--target', 'http://127.0.0.1:9']);
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toContain('CONF_ERR_TARGET_UNREACHABLE');
  });
});
