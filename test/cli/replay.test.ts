import { spawn } from 'node:child_process';
import { connect, createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startMockServer } from '../../mock/startMockServer.ts';
import type { MockServer } from '../../mock/MockOptions.ts';
import { replayCommandFor } from '../../src/engine/replayCommandFor.ts';
import type { PreparedOperation } from '../../src/engine/PreparedOperation.ts';
import type { RunInvocation, RunReport } from '../../src/model/RunReport.ts';
import { findingKey } from '../../src/model/findingKey.ts';
import { loadSpecs } from '../../src/openapi/loadSpecs.ts';
import { conformanceBin } from '../helpers/builtPackage.ts';
import { expectOneErrorLine, readReport, runCli, tempDir } from '../helpers/cli.ts';
import { shellWords } from '../helpers/shellWords.ts';
import { buildReport } from '../reporters/fixtures.ts';

const FAULT = 'dc-accept-long-name';
const TOKEN = 'user-server-token-1234';
const DC_SPEC = fileURLToPath(new URL('../../schemas/huawei-dc.openapi.yaml', import.meta.url));
const keys = (report: RunReport): string[] => [...new Set(report.findings.map(findingKey))].sort();

/** Runs a printed replay line through `main()`, the credential placeholder filled in, its report at `reportPath`. */
async function runPrinted(line: string, secret: string, reportPath: string) {
  const words = shellWords(line);
  expect(words.slice(0, 3)).toEqual(['npx', 'conformance', 'run']);
  const argv = words.slice(2).map((w) => w.replaceAll('$TOKEN', secret));
  return runCli([...argv, '--report', `json=${reportPath}`]);
}

/** The `conformance` command in a folder of its own, to see where default reports go. */
async function cliIn(cwd: string, args: readonly string[]): Promise<number | null> {
  const child = spawn(process.execPath, [await conformanceBin(), ...args], { cwd, stdio: 'ignore' });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  });
}

describe("replay of a run against the user's own server (credentials, fixtures, --spec)", () => {
  let dir: string;
  let server: MockServer;
  let port: number;
  let recordedPath: string;
  let recordedText: string;
  let recorded: RunReport;
  let fixtureFlags: string[];

  beforeAll(async () => {
    dir = await tempDir();
    server = await startMockServer({ port: 0, token: TOKEN, fault: FAULT });
    port = Number(new URL(server.url).port);
    fixtureFlags = ['--fixture', `project_id=${server.fixtures.project_id}`, '--fixture', `hosted_connect_id=${server.fixtures.hosted_connect_id}`];
    recordedPath = join(dir, 'r.json');
    const run = await runCli([
      'run',
      '--spec',
      DC_SPEC,
      '--target',
      `updateHostedConnect=${server.url}`,
      '--header',
      `X-Auth-Token: ${TOKEN}`,
      ...fixtureFlags,
      '--runs',
      '3',
      '--report',
      `json=${recordedPath}`,
    ]);
    expect(run.code, run.err).toBe(1);
    recordedText = await readFile(recordedPath, 'utf8');
    recorded = await readReport(recordedPath);
    expect(recorded.findings.length).toBeGreaterThan(0);
    expect(recordedText).not.toContain(TOKEN);
  });

  afterAll(async () => {
    await server.close();
  });

  test('without credentials: exit 2 before sending, one line naming the header to give', async () => {
    const before = server.requestCount();
    const { code, err } = await runCli(['replay', recordedPath, '--report', `json=${join(dir, 'never.json')}`]);
    expect(code).toBe(2);
    expectOneErrorLine(err);
    expect(err).toBe("conformance: the report's run authenticated with X-Auth-Token: give --header 'X-Auth-Token: …' or --token [CONF_ERR_USAGE]\n");
    expect(server.requestCount()).toBe(before);
  });

  test("with the credential and no other flag: the report's target, exit 1 with the same findings, the input untouched", async () => {
    const before = server.requestCount();
    const path = join(dir, 'replay-broken.json');
    const { code } = await runCli(['replay', recordedPath, '--header', `X-Auth-Token: ${TOKEN}`, '--report', `json=${path}`]);
    expect(code).toBe(1);
    expect(server.requestCount()).toBeGreaterThan(before);
    const replayed = await readReport(path);
    expect(replayed.command).toBe('replay');
    expect(keys(replayed)).toEqual(keys(recorded));
    expect(replayed.operations.map((o) => o.target)).toEqual([server.url]);
    expect(replayed.invocation?.specs).toEqual([DC_SPEC]);
    expect(await readFile(recordedPath, 'utf8')).toBe(recordedText);
  });

  test('a wrong credential: the 401 is not counted as a fix; inconclusive (exit 3), said in one line', async () => {
    const { code, err } = await runCli(['replay', recordedPath, '--header', 'X-Auth-Token: WRONG-TOKEN', '--report', `json=${join(dir, 'replay-wrong.json')}`]);
    expect(code).toBe(3);
    expectOneErrorLine(err);
    expect(err).toMatch(/INCONCLUSIVE: .*answered 401\/403: the credential sent in x-auth-token was refused/);
    expect(err).not.toContain('WRONG-TOKEN');
    const report = await readReport(join(dir, 'replay-wrong.json'));
    expect(report.summary).toMatchObject({ verdict: 'inconclusive', violations: 0 });
  });

  test('a --report path equal to the input: exit 2, nothing sent, the input untouched', async () => {
    const before = server.requestCount();
    for (const flags of [
      ['--report', `json=${recordedPath}`],
      ['--report', `json=${join(dir, '.', 'r.json')}`],
    ]) {
      const { code, err } = await runCli(['replay', recordedPath, '--header', `X-Auth-Token: ${TOKEN}`, ...flags]);
      expect(code).toBe(2);
      expectOneErrorLine(err);
      expect(err).toContain('would overwrite');
    }
    expect(server.requestCount()).toBe(before);
    expect(await readFile(recordedPath, 'utf8')).toBe(recordedText);
  });

  test('a --report-dir whose report.json is the input: exit 2', async () => {
    const inside = join(dir, 'replays');
    const first = await runCli(['replay', recordedPath, '--header', `X-Auth-Token: ${TOKEN}`, '--report-dir', inside]);
    expect(first.code).toBe(1);
    const text = await readFile(join(inside, 'report.json'), 'utf8');
    const { code, err } = await runCli(['replay', join(inside, 'report.json'), '--header', `X-Auth-Token: ${TOKEN}`, '--report-dir', inside]);
    expect(code).toBe(2);
    expectOneErrorLine(err);
    expect(await readFile(join(inside, 'report.json'), 'utf8')).toBe(text);
  });

  test('the printed replay line runs as printed once the placeholder is filled: exit 1, the same finding', async () => {
    const finding = recorded.findings.find((f) => f.severity === 'failure')!;
    expect(finding.replay).toContain(`--header "X-Auth-Token: $TOKEN"`);
    expect(finding.replay).toContain(`--spec ${DC_SPEC}`);
    expect(finding.replay).toContain(`--target updateHostedConnect=${server.url}`);
    expect(finding.replay).toContain('--operation updateHostedConnect');
    expect(finding.replay).not.toContain('--allow-mutations');
    const path = join(dir, 'printed.json');
    const { code, err } = await runPrinted(finding.replay, TOKEN, path);
    expect(code, err).toBe(1);
    const replayed = await readReport(path);
    expect(replayed.findings.map((f) => [f.caseId, findingKey(f)])).toContainEqual([finding.caseId, findingKey(finding)]);
  });

  test('the printed replay line, run by bash with TOKEN exported, sends the token: exit 1, the same finding', async () => {
    const finding = recorded.findings.find((f) => f.severity === 'failure')!;
    const path = join(dir, 'bash.json');
    // `npx conformance` is this checkout's CLI; the line itself is run exactly as printed.
    const script = `npx() { shift; "${process.execPath}" "${await conformanceBin()}" "$@"; }\n${finding.replay} --report json=${path}`;
    const before = server.requestCount();
    const code = await new Promise<number | null>((resolve, reject) => {
      const child = spawn('bash', ['-c', script], { cwd: dir, stdio: 'ignore', env: { ...process.env, TOKEN } });
      child.on('error', reject);
      child.on('close', resolve);
    });
    // A literal "$TOKEN" would be refused 401: an inconclusive replay, exit 3.
    expect(code).toBe(1);
    expect(server.requestCount()).toBeGreaterThan(before);
    const replayed = await readReport(path);
    expect(replayed.findings.map((f) => [f.caseId, findingKey(f)])).toContainEqual([finding.caseId, findingKey(finding)]);
  });

  test('after the fault is removed from the server: exit 0, the recorded cases ran and passed', async () => {
    await server.close();
    server = await startMockServer({ port, token: TOKEN });
    const path = join(dir, 'replay-fixed.json');
    const { code, err } = await runCli(['replay', recordedPath, '--header', `X-Auth-Token: ${TOKEN}`, '--report', `json=${path}`]);
    expect(code, err).toBe(0);
    const replayed = await readReport(path);
    expect(replayed.findings).toEqual([]);
    expect(replayed.summary.ran).toBe(new Set(recorded.findings.map((f) => f.caseId)).size);
    expect(await readFile(recordedPath, 'utf8')).toBe(recordedText);
  });
});

describe('replay of a run against the embedded mock (mock settings, --config)', () => {
  let dir: string;
  let recordedPath: string;
  let configPath: string;
  let recorded: RunReport;

  beforeAll(async () => {
    dir = await tempDir();
    recordedPath = join(dir, 'r.json');
    configPath = join(dir, 'conformance.json');
    await writeFile(configPath, JSON.stringify({ runs: 3 }));
    const { code } = await runCli(['run', '--config', configPath, '--mock-fault', FAULT, '--report', `json=${recordedPath}`]);
    expect(code).toBe(1);
    recorded = await readReport(recordedPath);
    expect(recorded.findings.length).toBeGreaterThan(0);
  });

  test('no other flag: a fresh mock with the same fault, exit 1 with the same findings, sending only the recorded cases', async () => {
    const path = join(dir, 'replay-fault.json');
    const { code } = await runCli(['replay', recordedPath, '--report', `json=${path}`]);
    expect(code).toBe(1);
    const replayed = await readReport(path);
    expect(keys(replayed)).toEqual(keys(recorded));
    expect(replayed.summary.ran).toBe(new Set(recorded.findings.map((f) => f.caseId)).size);
    expect(replayed.seed).toBe(recorded.seed);
    expect(replayed.invocation?.mock?.fault).toBe(FAULT);
    expect(replayed.invocation?.config).toBe(configPath);
  });

  test('--target overrides: against a correct server of the user, exit 0', async () => {
    const server = await startMockServer({ port: 0, token: TOKEN });
    try {
      const path = join(dir, 'replay-fixed.json');
      const fixtures = Object.entries(server.fixtures).flatMap(([name, value]) => ['--fixture', `${name}=${value}`]);
      const { code, err } = await runCli(['replay', recordedPath, '--target', server.url, '--token', TOKEN, ...fixtures, '--report', `json=${path}`]);
      expect(code, err).toBe(0);
      expect(server.requestCount()).toBeGreaterThan(0);
      const replayed = await readReport(path);
      expect(replayed.findings).toEqual([]);
      expect(replayed.summary.ran).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });

  test('the printed replay line carries the mock fault and the config file, and runs as printed', async () => {
    const finding = recorded.findings.find((f) => f.severity === 'failure')!;
    expect(finding.replay).toContain(`--mock-fault ${FAULT}`);
    expect(finding.replay).toContain(`--config ${configPath}`);
    expect(finding.replay).not.toContain('--target');
    expect(finding.replay).not.toContain('$TOKEN');
    const path = join(dir, 'printed.json');
    const { code, err } = await runPrinted(finding.replay, '', path);
    expect(code, err).toBe(1);
    expect((await readReport(path)).findings.map((f) => [f.caseId, findingKey(f)])).toContainEqual([finding.caseId, findingKey(finding)]);
  });

  test('--case of a recorded case id replays only that case', async () => {
    const caseId = recorded.findings.find((f) => f.severity === 'failure')!.caseId;
    const path = join(dir, 'replay-one.json');
    const { code } = await runCli(['replay', recordedPath, '--case', caseId, '--report', `json=${path}`]);
    expect(code).toBe(1);
    const replayed = await readReport(path);
    expect(replayed.summary.ran).toBe(1);
    expect(new Set(replayed.findings.map((f) => f.caseId))).toEqual(new Set([caseId]));
  });

  test('--case of a case id the report does not hold: exit 2, one line naming it', async () => {
    const { code, err } = await runCli(['replay', recordedPath, '--case', 'updateHostedConnect:no-such-case', '--report', `json=${join(dir, 'never.json')}`]);
    expect(code).toBe(2);
    expectOneErrorLine(err);
    expect(err).toContain('updateHostedConnect:no-such-case');
  });

  test('a report that does not record its invocation needs --target: exit 2, one line', async () => {
    const { invocation: _dropped, ...older } = JSON.parse(await readFile(recordedPath, 'utf8')) as RunReport;
    const olderPath = join(dir, 'older.json');
    await writeFile(olderPath, JSON.stringify(older));
    const { code, err } = await runCli(['replay', olderPath, '--report', `json=${join(dir, 'never.json')}`]);
    expect(code).toBe(2);
    expectOneErrorLine(err);
    expect(err).toContain('--target');
  });

  test('a report without findings: nothing to replay, nothing sent, exit 0', async () => {
    const clean = join(dir, 'clean.json');
    expect((await runCli(['run', '--runs', '0', '--report', `json=${clean}`])).code).toBe(0);
    const { code, out } = await runCli(['replay', clean, '--report', `json=${join(dir, 'never.json')}`]);
    expect(code).toBe(0);
    expect(out).toBe(`conformance: ${clean} holds no finding: nothing to replay, nothing sent\n`);
  });

  test('a file that is not a report: exit 2, one line', async () => {
    const { code, err } = await runCli(['replay', join(dir, 'missing.json')]);
    expect(code).toBe(2);
    expectOneErrorLine(err);
    expect(err).toContain('missing.json');
  });
});

describe('default report folder', () => {
  test('replay of conformance-report/report.json writes conformance-replay/ and leaves the input as it was', async () => {
    const cwd = await tempDir();
    // Only the operation the fault breaks: the other one adds nothing to what the folders hold.
    expect(await cliIn(cwd, ['run', '--runs', '2', '--mock-fault', FAULT, '--operation', 'updateHostedConnect'])).toBe(1);
    const input = join(cwd, 'conformance-report', 'report.json');
    const text = await readFile(input, 'utf8');
    expect(await cliIn(cwd, ['replay', 'conformance-report/report.json'])).toBe(1);
    expect(await readFile(input, 'utf8')).toBe(text);
    const replayed = await readReport(join(cwd, 'conformance-replay', 'report.json'));
    expect(replayed.command).toBe('replay');
    expect(keys(replayed)).toEqual(keys(JSON.parse(text) as RunReport));
  });
});

describe('replayCommandFor', () => {
  let prepared: PreparedOperation;
  const invocation: RunInvocation = { embeddedMock: false, specs: [], fixtures: { project_id: 'p1' }, credentialHeaders: ['X-Auth-Token'], token: false, allowMutations: true };

  beforeAll(async () => {
    const operation = (await loadSpecs()).flatMap((s) => s.operations).find((o) => o.operationId === 'updateHostedConnect')!;
    prepared = { operation, baseUrl: 'https://dc.example.com/base', targetName: 'https://dc.example.com/base', targetFixtures: {}, targetHeaders: {} } as PreparedOperation;
  });

  test('a mutating operation on a remote target gets --allow-mutations; a loopback one does not', () => {
    const remote = shellWords(replayCommandFor('c:1', 9, prepared, invocation));
    expect(remote).toContain('--allow-mutations');
    expect(remote).toEqual(
      expect.arrayContaining(['--seed', '9', '--case', 'c:1', '--target', 'updateHostedConnect=https://dc.example.com/base', '--fixture', 'project_id=p1', '--header', 'X-Auth-Token: $TOKEN']),
    );
    expect(replayCommandFor('c:1', 9, { ...prepared, baseUrl: 'http://127.0.0.1:8080' }, invocation)).not.toContain('--allow-mutations');
  });

  test('what the run was kept from sending holds for the replay: --only-value and --max-accepted', () => {
    const words = shellWords(replayCommandFor('c:1', 9, prepared, { ...invocation, onlyValues: { '/hosted_connect/bandwidth': [10], name: ['a b'] }, maxAccepted: 2 }));
    expect(words).toEqual(expect.arrayContaining(['--only-value', '/hosted_connect/bandwidth=10', '--only-value', 'name=a b', '--max-accepted', '2']));
    expect(shellWords(replayCommandFor('c:1', 9, prepared, invocation))).not.toContain('--only-value');
  });

  test('a password in the target URL is a placeholder; several credentials get one placeholder each', () => {
    const line = replayCommandFor('c:1', 9, { ...prepared, baseUrl: 'https://admin:hunter2@dc.example.com' }, { ...invocation, credentialHeaders: ['X-Auth-Token', 'X-Tenant'], token: true });
    expect(line).not.toContain('hunter2');
    const words = shellWords(line);
    expect(words).toContain('updateHostedConnect=https://admin:$SECRET@dc.example.com');
    expect(words).toEqual(expect.arrayContaining(['X-Auth-Token: $X_AUTH_TOKEN', 'X-Tenant: $X_TENANT', '--token', '$TOKEN']));
  });

  test('settings that differ from the defaults are flags (a proxy password a placeholder); default ones are left out', () => {
    const defaults = { strict: false, timeouts: { connectMs: 5_000, headersMs: 10_000, bodyMs: 10_000 }, retries: 2, maxResponseBytes: 1024 * 1024, insecure: false };
    const plain = replayCommandFor('c:1', 9, prepared, { ...invocation, ...defaults });
    for (const flag of ['--strict', '--timeout', '--connect-timeout', '--retries', '--max-response-bytes', '--insecure', '--proxy', '--ca-file']) expect(plain).not.toContain(flag);
    const tuned = {
      ...invocation,
      strict: true,
      timeouts: { connectMs: 700, headersMs: 50, bodyMs: 50 },
      retries: 0,
      maxResponseBytes: 2048,
      insecure: true,
      caFile: 'ca.pem',
      proxy: 'http://me:[REDACTED]@proxy:3128',
    };
    const words = shellWords(replayCommandFor('c:1', 9, prepared, tuned));
    expect(words).toEqual(
      expect.arrayContaining([
        '--strict',
        '--timeout',
        '50',
        '--connect-timeout',
        '700',
        '--retries',
        '0',
        '--max-response-bytes',
        '2048',
        '--insecure',
        '--ca-file',
        'ca.pem',
        '--proxy',
        'http://me:$PROXY_SECRET@proxy:3128',
      ]),
    );
    // The embedded mock is reached directly: no TLS or proxy flags, the verdict's flags all the same.
    const embedded = replayCommandFor('c:1', 9, prepared, { ...tuned, embeddedMock: true });
    expect(embedded).toContain('--timeout 50');
    expect(embedded).not.toContain('--proxy');
  });
});

/**
 * The mock behind a TCP relay that holds a request with the bandwidth at its maximum 1.5 s and relays
 * everything else at once: a server that answers (so its timeouts are failures, not an unavailable
 * server) and is slow on one case.
 */
async function slowOnBandwidthMax(): Promise<{ url: string; fixtures: MockServer['fixtures']; close: () => Promise<void> }> {
  const upstream = await startMockServer({ port: 0, token: TOKEN });
  const { port } = new URL(upstream.url);
  const sockets = new Set<Socket>();
  const relay = createNetServer((client) => {
    const server = connect(Number(port), '127.0.0.1');
    sockets.add(client).add(server);
    // Relayed at once, not batched (Nagle's algorithm would add tens of milliseconds to every answer).
    client.setNoDelay(true);
    server.setNoDelay(true);
    let queue = Promise.resolve();
    client.on('data', (chunk: Buffer) => {
      const late = chunk.includes('"bandwidth":400000');
      queue = queue.then(() => new Promise((resolve) => setTimeout(resolve, late ? 1500 : 0))).then(() => void (server.destroyed || server.write(chunk)));
    });
    server.pipe(client);
    for (const socket of [client, server]) socket.on('error', () => undefined).on('close', () => (client.destroy(), server.destroy()));
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(relay.address() as AddressInfo).port}`,
    fixtures: upstream.fixtures,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => relay.close(resolve));
      await upstream.close();
    },
  };
}

describe('replay keeps what decided the verdict: --timeout and --strict', () => {
  let dir: string;
  let slow: Awaited<ReturnType<typeof slowOnBandwidthMax>>;

  beforeAll(async () => {
    dir = await tempDir();
    slow = await slowOnBandwidthMax();
  });

  afterAll(async () => {
    await slow.close();
  });

  test('a run that timed out under --timeout 400: its replay line and `replay REPORT` still time out (exit 1), never "fixed"', async () => {
    const recordedPath = join(dir, 'timeout.json');
    const fixtures = Object.entries(slow.fixtures).flatMap(([name, value]) => ['--fixture', `${name}=${value}`]);
    const run = await runCli(['run', '--target', slow.url, '--token', TOKEN, ...fixtures, '--operation', 'updateHostedConnect', '--runs', '1', '--timeout', '400', '--report', `json=${recordedPath}`]);
    expect(run.code, run.err).toBe(1);
    const recorded = await readReport(recordedPath);
    expect(recorded.invocation?.timeouts).toEqual({ connectMs: 5_000, headersMs: 400, bodyMs: 400 });
    const finding = recorded.findings.find((f) => f.check === 'transport')!;
    expect(finding.message).toContain('within 400 ms');
    expect(shellWords(finding.replay)).toEqual(expect.arrayContaining(['--timeout', '400']));
    expect(finding.replay).not.toContain('--connect-timeout');

    const printed = await runPrinted(finding.replay, TOKEN, join(dir, 'timeout-printed.json'));
    expect(printed.code, printed.err).toBe(1);
    const replayPath = join(dir, 'timeout-replay.json');
    const replayed = await runCli(['replay', recordedPath, '--token', TOKEN, '--report', `json=${replayPath}`]);
    expect(replayed.code, replayed.err).toBe(1);
    expect((await readReport(replayPath)).findings.some((f) => f.check === 'transport' && f.message.includes('within 400 ms'))).toBe(true);
    // A timeout given now wins over the recorded one: the same cases, answered in time, pass.
    const longer = await runCli(['replay', recordedPath, '--token', TOKEN, '--timeout', '5000', '--report', `json=${join(dir, 'timeout-longer.json')}`]);
    expect(longer.code, longer.err).toBe(0);
  });

  test('a run that failed only under --strict: its replay line and `replay REPORT` fail too (exit 1)', async () => {
    const recordedPath = join(dir, 'strict.json');
    const run = await runCli(['run', '--mock-fault', 'hcx-no-task-id', '--strict', '--runs', '2', '--report', `json=${recordedPath}`]);
    expect(run.code, run.err).toBe(1);
    const recorded = await readReport(recordedPath);
    expect(recorded.invocation?.strict).toBe(true);
    const finding = recorded.findings.find((f) => f.severity === 'failure')!;
    expect(shellWords(finding.replay)).toContain('--strict');

    const printed = await runPrinted(finding.replay, '', join(dir, 'strict-printed.json'));
    expect(printed.code, printed.err).toBe(1);
    const replayed = await runCli(['replay', recordedPath, '--report', `json=${join(dir, 'strict-replay.json')}`]);
    expect(replayed.code, replayed.err).toBe(1);
  });
});

describe('replay of a verify-pacts report', () => {
  test('says that pact reports are re-verified with verify-pacts: exit 2, one line', async () => {
    const dir = await tempDir();
    const path = join(dir, 'pacts.json');
    // A report is verify-pacts' by its command (that verify-pacts writes it so: test/cli/verifyPacts.test.ts).
    await writeFile(path, JSON.stringify(buildReport({ command: 'verify-pacts' })));
    const { code, err } = await runCli(['replay', path, '--report', `json=${join(dir, 'never.json')}`]);
    expect(code).toBe(2);
    expectOneErrorLine(err);
    expect(err).toContain(`${path} is a report of verify-pacts: its interactions are re-verified with \`conformance verify-pacts\``);
  });
});
