import type { ChildProcess } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { expectOneErrorLine, readReport, runCli, tempDir } from '../helpers/cli.ts';
import { startMockProcess } from '../helpers/mockProcess.ts';
import { shellWords } from '../helpers/shellWords.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EU_TOKEN = 'eu-west-T0KEN-value';
const AP_TOKEN = 'ap-south-T0KEN-value';
// The ids the reference mock serves (the vendor page's examples).
const MOCK_IDS = { project_id: '6fbe9263116a4b68818cf1edce16bc4f', hosted_connect_id: '0278b472-ffa5-4eb3-8c0d-979d479f8ef6' };

/**
 * The CLI in this process (`main`, as bin/conformance.js calls it) with exactly these token variables
 * set: the config file reads its tokens from the environment, as a user's shell gives them.
 */
async function cliWith(env: Readonly<Record<string, string>>, argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const names = ['EU_TOKEN', 'AP_TOKEN'];
  const saved = Object.fromEntries(names.map((name) => [name, process.env[name]]));
  for (const name of names) delete process.env[name];
  Object.assign(process.env, env);
  try {
    const { code, out, err } = await runCli(argv);
    return { code, stdout: out, stderr: err };
  } finally {
    for (const name of names) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  }
}

/** The README's regions config, as written there. */
async function readmeRegionsYaml(): Promise<string> {
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Several servers for one operation'));
  return /```yaml\n([\s\S]*?)```/.exec(section)![1]!;
}

/**
 * README "Several servers for one operation", literally: its config file with the example hosts replaced
 * by two reference mocks run as separate processes (the second with a fault profile), its tokens from the
 * environment, and the ids the mock serves.
 */
describe('several servers for one operation, as the README shows it', () => {
  const started: ChildProcess[] = [];
  let config: string;
  let dir: string;
  beforeAll(async () => {
    const eu = await startMockProcess(EU_TOKEN);
    const ap = await startMockProcess(AP_TOKEN, ['--fault', 'dc-bandwidth-as-string']);
    started.push(eu.child, ap.child);
    const yaml = (await readmeRegionsYaml())
      .replace('https://dcaas.eu-west-101.example.com', eu.url)
      .replace('https://dcaas.ap-southeast-1.example.com', ap.url)
      .replace(/project_id: \w+/g, `project_id: ${MOCK_IDS.project_id}`)
      .replace(/hosted_connect_id: [\w-]+/g, `hosted_connect_id: ${MOCK_IDS.hosted_connect_id}`);
    expect(yaml).toContain('${EU_TOKEN}');
    dir = await tempDir('regions-');
    config = join(dir, 'regions.yaml');
    await writeFile(config, yaml);
  });
  afterAll(() => {
    for (const child of started) child.kill();
  });

  test('one report with a target × check matrix; the faulty region fails, the other passes', async () => {
    const out = join(dir, 'ok');
    const { code, stdout, stderr } = await cliWith({ EU_TOKEN, AP_TOKEN }, [
      'run',
      '--config',
      config,
      '--allow-mutations',
      '--runs',
      '5',
      '--report',
      'console',
      '--report',
      `json=${out}/report.json`,
      '--report',
      `md=${out}/report.md`,
      '--report',
      `html=${out}/report.html`,
    ]);
    expect(stderr).toBe('');
    expect(code, stdout).toBe(1);
    const report = await readReport(join(out, 'report.json'));
    expect(report.operations.map((o) => `${o.targetName} ${o.verdict}`)).toEqual(['eu-west conforming', 'ap-south not-conforming']);
    expect(report.findings.map((f) => `${f.target} ${f.constraintId}`)).toEqual(['ap-south DC.body.hosted_connect.bandwidth.type']);
    const checks = stdout.slice(stdout.indexOf('Checks'), stdout.indexOf('Constraint coverage'));
    expect(checks).toContain('eu-west');
    expect(checks).toContain('ap-south');
    const markdown = await readFile(join(out, 'report.md'), 'utf8');
    const html = await readFile(join(out, 'report.html'), 'utf8');
    for (const text of [markdown, html]) {
      expect(text).toContain('eu-west');
      expect(text).toContain('ap-south');
    }
    // The finding's replay line selects its region by name and runs as printed with that region's token
    // alone, giving the same finding (same key).
    const line = report.findings[0]!.replay;
    expect(line).toContain('--only-target ap-south');
    const words = shellWords(line);
    expect(words.slice(0, 3)).toEqual(['npx', 'conformance', 'run']);
    const replayed = join(dir, 'replayed');
    const again = await cliWith({ AP_TOKEN }, [...words.slice(2), '--report', `json=${replayed}/report.json`]);
    expect(again.code, again.stderr).toBe(1);
    expect((await readReport(join(replayed, 'report.json'))).findings.map((f) => f.key)).toEqual(report.findings.map((f) => f.key));
    // The tokens came from the environment and went nowhere but the servers.
    for (const text of [stdout, markdown, html, JSON.stringify(report)]) {
      expect(text).not.toContain(EU_TOKEN);
      expect(text).not.toContain(AP_TOKEN);
    }
  });

  test("a region that refuses its token is inconclusive and named; the other region's verdict stands", async () => {
    const out = join(dir, 'refused');
    const { code, stdout } = await cliWith({ EU_TOKEN, AP_TOKEN: 'a-wrong-token' }, ['run', '--config', config, '--runs', '3', '--report', 'console', '--report', `json=${out}/report.json`]);
    expect(code, stdout).toBe(3);
    const report = await readReport(join(out, 'report.json'));
    expect(report.operations.map((o) => `${o.targetName} ${o.verdict}`)).toEqual(['eu-west conforming', 'ap-south inconclusive']);
    expect(report.summary.causes).toEqual([expect.stringMatching(/^updateHostedConnect @ ap-south: .*x-auth-token was refused: check the headers of target "ap-south" in the config file$/i)]);
    expect(stdout).not.toContain('a-wrong-token');
  });

  test('with --fail-on new, a known failure in one region does not hide a region whose token is refused: exit 3', async () => {
    const baseline = join(dir, 'baseline');
    const first = await cliWith({ EU_TOKEN, AP_TOKEN }, ['run', '--config', config, '--runs', '3', '--report', `json=${baseline}/report.json`]);
    expect(first.code, first.stdout).toBe(1);
    const out = join(dir, 'known');
    const { code, stderr } = await cliWith({ EU_TOKEN: 'expired-token', AP_TOKEN }, [
      'run',
      '--config',
      config,
      '--runs',
      '3',
      '--baseline',
      `${baseline}/report.json`,
      '--fail-on',
      'new',
      '--report',
      `json=${out}/report.json`,
    ]);
    expect(code).toBe(3);
    expect(stderr).toMatch(/^conformance: INCONCLUSIVE: updateHostedConnect @ eu-west: /);
    const report = await readReport(join(out, 'report.json'));
    expect(report.baseline).toMatchObject({ new: [], fixed: [] });
  });

  test('replay of a report whose finding failed in two regions sends the case back to both, and only there', async () => {
    const twin = await startMockProcess(AP_TOKEN, ['--fault', 'dc-bandwidth-as-string']);
    started.push(twin.child);
    const both = join(dir, 'both.yaml');
    const yaml = (await readFile(config, 'utf8'))
      .replace(/url: http:\/\/127\.0\.0\.1:\d+\n(\s+fixtures[^\n]*\n\s+headers: \{ X-Auth-Token: "\$\{EU_TOKEN\}" \})/, `url: ${twin.url}\n$1`)
      .replace('${EU_TOKEN}', '${AP_TOKEN}');
    await writeFile(both, yaml);
    const out = join(dir, 'both');
    const first = await cliWith({ AP_TOKEN }, ['run', '--config', both, '--runs', '3', '--report', `json=${out}/report.json`]);
    expect(first.code, first.stdout).toBe(1);
    const report = await readReport(join(out, 'report.json'));
    expect(report.findings.map((f) => f.target).sort()).toEqual(['ap-south', 'eu-west']);
    const again = await cliWith({ AP_TOKEN }, ['replay', join(out, 'report.json'), '--report', `json=${out}/replay.json`]);
    expect(again.code, again.stdout + again.stderr).toBe(1);
    const replayed = await readReport(join(out, 'replay.json'));
    expect(replayed.findings.map((f) => f.target).sort()).toEqual(['ap-south', 'eu-west']);
    // One case per finding, each sent where it failed.
    expect(replayed.summary.ran).toBe(report.findings.length);
  });

  test('an unset token variable stops the run before anything is sent, naming the variable', async () => {
    const { code, stderr } = await cliWith({ EU_TOKEN }, ['run', '--config', config]);
    expect(code).toBe(2);
    expectOneErrorLine(stderr);
    expect(stderr).toContain('environment variable AP_TOKEN is not set');
  });
});
