import { access, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { startMockServer } from '../../mock/startMockServer.ts';
import type { MockServer } from '../../mock/MockOptions.ts';
import { closedPort, expectOneErrorLine, filesUnder, readReport, runCli, spawnCli, targetFlags, tempDir } from '../helpers/cli.ts';

const exists = (path: string): Promise<boolean> =>
  access(path).then(
    () => true,
    () => false,
  );

describe('conformance run against the embedded mock', () => {
  test('the correct mock: exit 0 and a valid, conforming JSON report', async () => {
    const dir = await tempDir();
    const path = join(dir, 'r.json');
    const { code, out, err } = await runCli(['run', '--runs', '3', '--report', `json=${path}`]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('CONFORMING');
    const report = await readReport(path);
    expect(report.command).toBe('run');
    expect(report.summary.conforming).toBe(true);
    expect(report.findings).toEqual([]);
    expect(report.summary.ran).toBe(report.summary.cases);
    expect(report.summary.operations).toBe(2);
  });

  test('--mock-fault dc-ignore-auth: exit 1 and the auth-required finding on DC.auth', async () => {
    const dir = await tempDir();
    const path = join(dir, 'r.json');
    const { code } = await runCli(['run', '--runs', '3', '--mock-fault', 'dc-ignore-auth', '--report', `json=${path}`]);
    expect(code).toBe(1);
    const report = await readReport(path);
    expect(report.summary.conforming).toBe(false);
    // Without and with a wrong credential: two findings of the one broken rule.
    expect([...new Set(report.findings.map((f) => `${f.operationId} ${f.check} ${f.constraintId ?? '-'}`))]).toEqual(['updateHostedConnect auth-required DC.auth']);
  });
});

describe('usage and configuration errors: exit 2, one line, no stack trace', () => {
  const cases: Array<[string, string[], RegExp]> = [
    ['--runs abc', ['--runs', 'abc'], /--runs.*abc/],
    ['--header without a colon', ['--header', 'NoColon'], /--header/],
    ['--fixture without a value', ['--fixture', 'novalue'], /--fixture.*novalue/],
    ['--target with a non-http scheme', ['--target', 'ftp://x'], /ftp:\/\/x/],
    ['--report of an unknown format', ['--report', 'pdf=x'], /pdf/],
    ['an unknown option', ['--no-such-option'], /unknown option '--no-such-option'/],
    ['--config of a missing file', ['--config', 'missing-config-file.yaml'], /missing-config-file\.yaml.*CONF_ERR_CONFIG/],
    ['--mock-fault of an unknown profile', ['--mock-fault', 'no-such-fault'], /no-such-fault.*--list-faults.*CONF_ERR_CONFIG/],
  ];
  test.each(cases)('%s', async (_name, args, pattern) => {
    // A writable report path, so each error comes from the flag under test, never from the report check.
    const { code, out, err } = await runCli(['run', '--runs', '1', '--report', `json=${join(await tempDir(), 'never-written.json')}`, ...args]);
    expect(code).toBe(2);
    expectOneErrorLine(err);
    expect(err).toMatch(pattern);
    expect(err).toMatch(/\[CONF_ERR_[A-Z_]+\]$/m);
    expect(out).toBe('');
  });

  test('a config file with an unknown key names the key', async () => {
    const dir = await tempDir();
    const config = join(dir, 'conformance.yaml');
    await writeFile(config, 'runs: 3\nrunz: 4\n');
    const { code, err } = await runCli(['run', '--config', config]);
    expect(code).toBe(2);
    expectOneErrorLine(err);
    expect(err).toContain('"runz"');
    expect(err).toContain('CONF_ERR_CONFIG');
  });

  test('an unreachable target: CONF_ERR_TARGET_UNREACHABLE and no report', async () => {
    const dir = await tempDir();
    const path = join(dir, 'r.json');
    const port = await closedPort();
    const { code, err } = await runCli(['run', '--runs', '1', '--target', `http://127.0.0.1:${port}`, '--report', `json=${path}`]);
    expect(code).toBe(2);
    expectOneErrorLine(err);
    expect(err).toContain('CONF_ERR_TARGET_UNREACHABLE');
    expect(await exists(path)).toBe(false);
  });

  test('a non-loopback target without --allow-mutations is refused', async () => {
    const dir = await tempDir();
    const path = join(dir, 'r.json');
    const { code, err } = await runCli(['run', '--runs', '1', '--target', 'https://hcx.example.invalid', '--report', `json=${path}`]);
    expect(code).toBe(2);
    expectOneErrorLine(err);
    expect(err).toContain('CONF_ERR_UNSAFE_TARGET');
    expect(err).toContain('--allow-mutations');
    expect(await exists(path)).toBe(false);
  });
});

describe('--dry-run', () => {
  const caseLines = (out: string): string[] => out.split('\n').flatMap((line) => /^# (\S+) \(.*\)$/.exec(line)?.slice(1, 2) ?? []);

  test('prints one curl command per planned case, sends nothing, exits 0', async () => {
    const { code, out, err } = await runCli(['run', '--dry-run', '--runs', '0', '--target', 'https://hcx.example.invalid', '--token', 'DRY-RUN-TOKEN']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const lines = out.trimEnd().split('\n');
    // The count is of every request listed, the two fixture probes included.
    const count = /^# (\d+) requests planned \(2 fixture probes, (\d+) deterministic, 0 random\) for 2 operation\(s\); nothing sent$/.exec(lines.pop()!);
    expect(count).not.toBeNull();
    expect(Number(count![1])).toBe(lines.length / 2);
    expect(Number(count![2])).toBe(lines.length / 2 - 2);
    const ids = caseLines(out);
    expect(ids.length).toBeGreaterThan(10);
    expect(new Set(ids).size).toBe(ids.length);
    // Every line starting with # (a case, or the fixture probe a run sends first) is followed by its curl
    // command against the named target.
    expect(lines.filter((l) => l.startsWith('# fixture probe, sent first'))).toHaveLength(2);
    for (let i = 0; i < lines.length; i += 2) {
      expect(lines[i]).toMatch(/^# (\S+ \((valid|boundary|invalid|no-auth|wrong-auth|unknown-resource|other-owner): .+\)|fixture probe, sent first: .+)$/);
      expect(lines[i + 1]).toMatch(/^curl -X '(POST|PUT)' 'https:\/\/hcx\.example\.invalid\//);
    }
    expect(out).not.toContain('DRY-RUN-TOKEN');

    // The plan is the same one a real run sends: as many cases as a run with no random case, and the
    // credential probe's upgrade, whose task the run followed, reported as a case of its own.
    const dir = await tempDir();
    const path = join(dir, 'r.json');
    expect((await runCli(['run', '--runs', '0', '--report', `json=${path}`])).code).toBe(0);
    const report = await readReport(path);
    expect(report.tasks?.timelines.filter((t) => t.caseId.includes(':valid:base-request'))).toHaveLength(2);
    expect(ids.length + 1).toBe(report.summary.cases);
  });

  test('a loopback target receives no request', async () => {
    const server = await startMockServer({ port: 0 });
    try {
      const { code, out } = await runCli(['run', '--dry-run', '--runs', '5', ...targetFlags(server)]);
      expect(code).toBe(0);
      expect(out).toContain(`curl -X 'PUT' '${server.url}/v3/`);
      expect(server.requestCount()).toBe(0);
    } finally {
      await server.close();
    }
  });
});

describe('credentials never leak', () => {
  const TOKEN = 'S3CRET-TOKEN-VALUE';
  const HEADER = 'HEADER-S3CRET';
  let server: MockServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const cases: Array<[string, string, (s: MockServer) => string[]]> = [
    ['--token, dc-vlan-4000', 'dc-vlan-4000', (s) => targetFlags(s, ['--token', TOKEN])],
    ['--token, hcx-ignore-auth', 'hcx-ignore-auth', (s) => targetFlags(s, ['--token', TOKEN])],
    ['--header X-Auth-Token, dc-vlan-4000', 'dc-vlan-4000', (s) => targetFlags(s, ['--header', `X-Auth-Token: ${TOKEN}`])],
  ];
  test.each(cases)('%s: no secret in stdout, stderr or any report file', async (_name, fault, flags) => {
    server = await startMockServer({ port: 0, token: TOKEN, fault });
    const dir = await tempDir();
    const { code, out, err } = await runCli([
      'run',
      '--runs',
      '5',
      ...flags(server),
      '--header',
      `X-Extra-Secret: ${HEADER}`,
      '--report-dir',
      dir,
      '--report',
      'json',
      '--report',
      'junit',
      '--report',
      'md',
      '--report',
      'html',
      '--report',
      'console',
      '--corpus',
      join(dir, 'corpus'),
    ]);
    expect(code).toBe(1);
    const files = await filesUnder(dir);
    expect(files.map((f) => f.slice(dir.length + 1)).sort()).toEqual(expect.arrayContaining(['junit.xml', 'report.html', 'report.json', 'summary.md']));
    expect(files.some((f) => f.includes('corpus'))).toBe(true);
    const texts = [out, err, ...(await Promise.all(files.map((f) => readFile(f, 'utf8'))))];
    for (const text of texts) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(HEADER);
    }
    // The findings are there, only the credentials are not.
    expect((await readReport(join(dir, 'report.json'))).findings.length).toBeGreaterThan(0);
  });
});

describe('interrupting a run', () => {
  // A server of our own tells when the run is under way (the CI console prints nothing before the end).
  // One that never answers holds every request until --timeout (10 s): SIGINT must not wait for them.
  test.each([
    ['a slow server', { latencyMs: 300 }, 20, 1],
    ['a server that never answers', { chaos: 'hang' as const }, 1, 0],
  ])('SIGINT against %s stops the run within seconds, writes the report of what ran, no stack trace', async (_label, options, underWay, minRan) => {
    const dir = await tempDir();
    const server = await startMockServer({ port: 0, ...options });
    try {
      const { child, done } = spawnCli(['run', '--runs', '300', ...targetFlags(server), '--report-dir', dir], { CI: 'true' });
      let exited = false;
      child.on('exit', () => (exited = true));
      const deadline = Date.now() + 30_000;
      while (server.requestCount() < underWay && !exited && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(exited).toBe(false);
      const interrupted = performance.now();
      child.kill('SIGINT');
      const { code, signal, stderr } = await done;
      expect(performance.now() - interrupted).toBeLessThan(5_000);
      expect(signal).toBeNull();
      expect([1, 2]).toContain(code);
      expect(stderr).not.toContain('    at ');
      expect(stderr).toContain('SIGINT');
      const report = await readReport(join(dir, 'report.json'));
      expect(report.interrupted).toBe(true);
      expect(report.summary.ran).toBeGreaterThanOrEqual(minRan);
      expect(report.summary.ran).toBeLessThan(report.summary.cases);
    } finally {
      await server.close();
    }
  });
});

describe('the config file', () => {
  test('acceptedStatuses: a documented-elsewhere 201 is no longer a status-documented finding', async () => {
    const dir = await tempDir();
    const config = join(dir, 'conformance.yaml');
    await writeFile(config, 'operations:\n  updateHostedConnect:\n    acceptedStatuses: ["201"]\n');
    const without = await runCli(['run', '--runs', '3', '--mock-fault', 'dc-201-instead-of-200', '--report', `json=${join(dir, 'a.json')}`]);
    expect(without.code).toBe(1);
    expect((await readReport(join(dir, 'a.json'))).findings.map((f) => f.check)).toContain('status-documented');
    const withConfig = await runCli(['run', '--config', config, '--runs', '3', '--mock-fault', 'dc-201-instead-of-200', '--report', `json=${join(dir, 'b.json')}`]);
    expect(withConfig.code).toBe(0);
    expect((await readReport(join(dir, 'b.json'))).findings).toEqual([]);
  });

  test('skipChecks: the skipped check reports nothing and its cell is n/a', async () => {
    const dir = await tempDir();
    const config = join(dir, 'conformance.yaml');
    await writeFile(config, 'operations:\n  updateHostedConnect:\n    skipChecks: ["auth-required"]\n');
    const { code } = await runCli(['run', '--config', config, '--runs', '3', '--mock-fault', 'dc-ignore-auth', '--report', `json=${join(dir, 'r.json')}`]);
    expect(code).toBe(0);
    const report = await readReport(join(dir, 'r.json'));
    expect(report.findings.filter((f) => f.check === 'auth-required')).toEqual([]);
    expect(report.checks.find((c) => c.operationId === 'updateHostedConnect' && c.check === 'auth-required')?.outcome).toBe('n/a');
    // The other operation still runs the check.
    expect(report.checks.find((c) => c.operationId === 'upgradeInterconnectAppliance' && c.check === 'auth-required')?.outcome).toBe('pass');
  });
});
