import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { startMockServer } from '../../mock/startMockServer.ts';
import { findingKey } from '../../src/model/findingKey.ts';
import type { RunReport } from '../../src/model/RunReport.ts';
import { expectOneErrorLine, readReport, runCli, targetFlags, tempDir } from '../helpers/cli.ts';

const FAULT = 'dc-vlan-4000';
const keys = (report: RunReport): string[] => report.findings.map((f) => `${f.key}|${f.severity}`).sort();
const coverage = (report: RunReport): string[] => report.coverage.map((c) => [c.operationId, c.constraintId, c.boundaryAccepted, c.violationRejected, c.responseHonoured].join(' ')).sort();

// Each run waits on the mock's upgrade tasks much of its time: the runs of a block overlap.
describe.concurrent('one finding identity across nightly runs', () => {
  let dir: string;
  let baselinePath: string;
  let baseline: RunReport;

  beforeAll(async () => {
    dir = await tempDir();
    baselinePath = join(dir, 'last-night.json');
    expect((await runCli(['run', '--runs', '3', '--seed', '1', '--mock-fault', FAULT, '--report', `json=${baselinePath}`])).code).toBe(1);
    baseline = await readReport(baselinePath);
  });

  test('every finding carries its key, the one findingKey gives', () => {
    expect(baseline.findings.length).toBeGreaterThan(0);
    for (const f of baseline.findings) expect(f.key).toBe(findingKey(f));
    // A broken response rule is one defect whichever request showed it (random ones included).
    expect(baseline.findings.map((f) => f.key)).toEqual(['updateHostedConnect|response-schema|DC.response.200.hosted_connect.vlan.maximum||2xx|embedded mock']);
    expect(baseline.occurrences[0]).toBeGreaterThan(3);
  });

  test('your own server restarted on another port (a CI server on a random port): nothing new, nothing fixed; fixed once it is', async () => {
    const last = await startMockServer({ port: 0, token: 'port-token', fault: FAULT });
    const tonight = await startMockServer({ port: 0, token: 'port-token', fault: FAULT });
    const fixed = await startMockServer({ port: 0, token: 'port-token' });
    try {
      const before = join(dir, 'port-a.json');
      expect((await runCli(['run', '--runs', '3', ...targetFlags(last), '--report', `json=${before}`])).code).toBe(1);
      const after = join(dir, 'port-b.json');
      const again = await runCli(['run', '--runs', '5', '--seed', '9', ...targetFlags(tonight), '--baseline', before, '--fail-on', 'new', '--report', `json=${after}`]);
      expect(again.code).toBe(0);
      expect((await readReport(after)).baseline).toMatchObject({ new: [], fixed: [] });
      const repaired = join(dir, 'port-c.json');
      expect((await runCli(['run', '--runs', '3', ...targetFlags(fixed), '--baseline', before, '--fail-on', 'new', '--report', `json=${repaired}`])).code).toBe(0);
      expect((await readReport(repaired)).baseline?.fixed).toEqual((await readReport(before)).findings.map((f) => f.key));
    } finally {
      await Promise.all([last.close(), tonight.close(), fixed.close()]);
    }
  });

  test('the same faulty server with other --runs and --seed: nothing new, nothing fixed, exit 0 with --fail-on new', async () => {
    const path = join(dir, 'tonight.json');
    const { code } = await runCli(['run', '--runs', '9', '--seed', '77', '--mock-fault', FAULT, '--baseline', baselinePath, '--fail-on', 'new', '--report', `json=${path}`]);
    const report = await readReport(path);
    expect(report.baseline?.new).toEqual([]);
    expect(report.baseline?.fixed).toEqual([]);
    expect(keys(report)).toEqual(keys(baseline));
    expect(code).toBe(0);
  });

  test('a fault of a request rule: one finding per violation family, the same under another seed and --runs', async () => {
    const first = join(dir, 'force-1.json');
    const second = join(dir, 'force-2.json');
    expect((await runCli(['run', '--runs', '2', '--seed', '1', '--mock-fault', 'hcx-accept-bad-force', '--report', `json=${first}`])).code).toBe(1);
    const { code } = await runCli(['run', '--runs', '11', '--seed', '4242', '--mock-fault', 'hcx-accept-bad-force', '--baseline', first, '--fail-on', 'new', '--report', `json=${second}`]);
    const before = await readReport(first);
    const after = await readReport(second);
    expect(before.findings.length).toBeGreaterThan(1);
    expect(before.findings.every((f) => f.key.startsWith('upgradeInterconnectAppliance|negative-rejection|HCX.query.force.enum|invalid:'))).toBe(true);
    expect(keys(after)).toEqual(keys(before));
    expect(after.baseline).toMatchObject({ new: [], fixed: [] });
    expect(code).toBe(0);
  });

  test('the fixed server: exactly the baseline defect is fixed, nothing new', async () => {
    const path = join(dir, 'fixed.json');
    const { code } = await runCli(['run', '--runs', '5', '--seed', '3', '--baseline', baselinePath, '--fail-on', 'new', '--report', `json=${path}`]);
    expect(code).toBe(0);
    const report = await readReport(path);
    expect(report.baseline?.new).toEqual([]);
    expect([...(report.baseline?.fixed ?? [])].sort()).toEqual([...new Set(baseline.findings.map((f) => f.key))].sort());
    expect(report.baseline?.fixed.every((k) => k.includes('|DC.response.200.hosted_connect.vlan.maximum|'))).toBe(true);
  });
});

describe.concurrent('--shard and merge', () => {
  let dir: string;
  let whole: RunReport;
  const shardPaths = [1, 2, 3].map((i) => `s${i}.json`);

  beforeAll(async () => {
    dir = await tempDir();
    const common = ['run', '--seed', '5', '--runs', '4', '--mock-fault', FAULT];
    expect((await runCli([...common, '--report', `json=${join(dir, 'whole.json')}`])).code).toBe(1);
    whole = await readReport(join(dir, 'whole.json'));
    for (const [i, name] of shardPaths.entries()) await runCli([...common, '--shard', `${i + 1}/3`, '--report', `json=${join(dir, name)}`]);
  });

  test('each shard records its part, and the parts are disjoint and together the whole plan', async () => {
    const shards = await Promise.all(shardPaths.map((name) => readReport(join(dir, name))));
    expect(shards.map((s) => s.shard)).toEqual([1, 2, 3].map((index) => ({ index, total: 3 })));
    expect(shards.every((s) => s.summary.cases > 0 && s.summary.cases < whole.summary.cases)).toBe(true);
    expect(shards.reduce((n, s) => n + s.summary.cases, 0)).toBe(whole.summary.cases);
  });

  test('a dry run of the shards lists exactly the requests of the unsharded dry run', async () => {
    const ids = async (extra: string[]): Promise<string[]> =>
      (await runCli(['run', '--dry-run', '--seed', '5', '--runs', '4', ...extra])).out.split('\n').filter((l) => /^# \S+ \(/.test(l) && !l.startsWith('# fixture probe'));
    const perShard = await Promise.all([1, 2, 3].map((i) => ids(['--shard', `${i}/3`])));
    expect(perShard.flat().sort()).toEqual((await ids([])).sort());
    // Random exploration is spread too: every shard sends some of the seeded random cases.
    for (const part of perShard) expect(part.some((line) => line.includes(':random:'))).toBe(true);
  });

  test('merge gives the finding keys, coverage and checks of the unsharded run, in every format', async () => {
    const out = (name: string) => join(dir, 'merged', name);
    const { code, out: console } = await runCli([
      'merge',
      ...shardPaths.map((name) => join(dir, name)),
      '--report',
      `json=${out('report.json')}`,
      '--report',
      `junit=${out('junit.xml')}`,
      '--report',
      `md=${out('summary.md')}`,
      '--report',
      `html=${out('report.html')}`,
    ]);
    expect(code).toBe(1);
    expect(console).toContain('NOT CONFORMING');
    const merged = await readReport(out('report.json'));
    expect(keys(merged)).toEqual(keys(whole));
    expect(coverage(merged)).toEqual(coverage(whole));
    expect(merged.summary).toEqual(whole.summary);
    expect(merged.shard).toBeUndefined();
    expect(sumOccurrences(merged)).toBe(sumOccurrences(whole));
    for (const name of ['junit.xml', 'summary.md', 'report.html']) expect((await stat(out(name))).size).toBeGreaterThan(0);
  });

  test('a shard missing: exit 2, one line naming it', async () => {
    const { code, err } = await runCli(['merge', join(dir, 's1.json'), join(dir, 's3.json'), '--report', `json=${join(dir, 'never.json')}`]);
    expect(code).toBe(2);
    expectOneErrorLine(err);
    expect(err).toContain('shard 2/3 missing');
  });

  test('another tool version or another document: exit 2, one line', async () => {
    const shard2 = JSON.parse(await readFile(join(dir, 's2.json'), 'utf8')) as RunReport;
    await writeFile(join(dir, 'other-version.json'), JSON.stringify({ ...shard2, tool: { ...shard2.tool, version: '0.0.0-other' } }));
    const version = await runCli(['merge', join(dir, 's1.json'), join(dir, 'other-version.json'), join(dir, 's3.json')]);
    expect(version.code).toBe(2);
    expectOneErrorLine(version.err);
    expect(version.err).toContain('different tool versions');
    await writeFile(join(dir, 'other-doc.json'), JSON.stringify({ ...shard2, catalogue: shard2.catalogue.slice(1) }));
    const doc = await runCli(['merge', join(dir, 's1.json'), join(dir, 'other-doc.json'), join(dir, 's3.json')]);
    expect(doc.code).toBe(2);
    expectOneErrorLine(doc.err);
    expect(doc.err).toContain('different documents');
  });

  test('two targets (the mock and a faulty mock) merge into one report with both', async () => {
    const server = await startMockServer({ port: 0, token: 'tok-nightly' });
    try {
      const good = join(dir, 'good.json');
      expect((await runCli(['run', '--seed', '5', '--runs', '2', ...targetFlags(server), '--report', `json=${good}`])).code).toBe(0);
      const { code } = await runCli(['merge', good, join(dir, 'whole.json'), '--report', `json=${join(dir, 'targets.json')}`]);
      expect(code).toBe(1);
      const merged = await readReport(join(dir, 'targets.json'));
      expect(merged.operations).toHaveLength(4);
      expect(keys(merged)).toEqual(keys(whole));
      expect(merged.invocation).toBeUndefined();
    } finally {
      await server.close();
    }
  });
});

describe('--shard is checked when it is read', () => {
  test.each(['0/3', '4/3', '1/0', 'a/b', '2'])('--shard %s: exit 2, one line', async (shard) => {
    const { code, err } = await runCli(['run', '--dry-run', '--shard', shard]);
    expect(code).toBe(2);
    expectOneErrorLine(err);
    expect(err).toContain('--shard must be I/N');
  });

  test('config file shard: "3/2" is refused, "2/2" is used', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'bad.yaml'), 'shard: "3/2"\n');
    const bad = await runCli(['run', '--dry-run', '--config', join(dir, 'bad.yaml')]);
    expect(bad.code).toBe(2);
    expectOneErrorLine(bad.err);
    expect(bad.err).toContain('shard "3/2"');
    await writeFile(join(dir, 'good.yaml'), 'shard: "2/2"\nruns: 0\n');
    const half = await runCli(['run', '--dry-run', '--config', join(dir, 'good.yaml')]);
    const all = await runCli(['run', '--dry-run', '--runs', '0']);
    const count = (out: string): number => Number(/# (\d+) requests planned/.exec(out)?.[1]);
    expect(count(half.out)).toBeGreaterThan(0);
    expect(count(half.out)).toBeLessThan(count(all.out));
  });
});

function sumOccurrences(report: RunReport): number {
  return report.occurrences.reduce((a, b) => a + b, 0);
}
