import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startMockServer } from '../../mock/startMockServer.ts';
import type { MockServer } from '../../mock/MockOptions.ts';
import { DEFAULT_CONFIG, type ConformanceConfig, type TargetSetting } from '../../src/config/ConformanceConfig.ts';
import { ConfigError, TargetUnreachableError } from '../../src/errors/ConformanceError.ts';
import { runConformance } from '../../src/engine/runConformance.ts';
import type { RunReport } from '../../src/model/RunReport.ts';
import { compareWithBaseline } from '../../src/regression/compareWithBaseline.ts';
import { mergeReports } from '../../src/regression/mergeReports.ts';
import { startIndependentDc } from '../fixtures/independentServers.ts';

const TOKEN = 'multi-target-token';
const DC = 'updateHostedConnect';
const HCX = 'upgradeInterconnectAppliance';

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function run(targets: Record<string, TargetSetting>, settings: Partial<ConformanceConfig> = {}): Promise<RunReport> {
  return runConformance({ ...DEFAULT_CONFIG, targets, token: TOKEN, runs: 10, ...settings }, { reporters: [], embeddedTarget: startMockServer });
}

const cellsOf = (report: RunReport, check: string): string[] => report.checks.filter((c) => c.check === check).map((c) => `${c.operationId} @ ${c.target}: ${c.outcome}`);

/**
 * One run, several servers for one operation (regions): each target is tested on its own, and the report
 * keeps every operation, cell, coverage row and finding per target.
 */
describe('several targets for one operation', () => {
  let correct: MockServer;
  let faulty: MockServer;
  beforeAll(async () => {
    // Shards run at once against one appliance: its tasks end at once, so no shard meets another's upgrade running.
    correct = await startMockServer({ port: 0, token: TOKEN, taskDurationMs: 0 });
    faulty = await startMockServer({ port: 0, token: TOKEN, fault: 'dc-bandwidth-as-string' });
  });
  afterAll(async () => {
    await correct.close();
    await faulty.close();
  });

  const regions = (): Record<string, TargetSetting> => ({
    'huawei-dc': [
      { name: 'eu-west', url: correct.url },
      { name: 'ap-south', url: faulty.url },
    ],
    [HCX]: correct.url,
  });

  test('tests each target and names the target of every finding, cell and coverage row', async () => {
    const report = await run(regions());
    expect(report.operations.map((o) => `${o.operationId} @ ${o.targetName} ${o.verdict}`)).toEqual([
      `${HCX} @ ${correct.url} conforming`,
      `${DC} @ eu-west conforming`,
      `${DC} @ ap-south not-conforming`,
    ]);
    expect(report.operations.find((o) => o.targetName === 'ap-south')?.target).toBe(faulty.url);
    expect(cellsOf(report, 'negative-rejection')).toEqual([`${HCX} @ ${correct.url}: pass`, `${DC} @ eu-west: pass`, `${DC} @ ap-south: fail`]);
    expect(report.findings.map((f) => `${f.target} ${f.check} ${f.constraintId}`)).toEqual(['ap-south negative-rejection DC.body.hosted_connect.bandwidth.type']);
    expect(report.findings[0]!.key.endsWith('|ap-south')).toBe(true);
    expect(report.findings[0]!.request.url.startsWith(faulty.url)).toBe(true);
    // The replay line sends the case to the target that failed it.
    expect(report.findings[0]!.replay).toContain(`--target ${DC}=${faulty.url}`);
    const bandwidthType = report.coverage.filter((c) => c.constraintId === 'DC.body.hosted_connect.bandwidth.type');
    expect(bandwidthType.map((c) => `${c.target} ${c.violationRejected}`)).toEqual(['eu-west pass', 'ap-south fail']);
    expect(report.summary).toMatchObject({ operations: 3, verdict: 'not-conforming', violations: 1 });
    // Each target got the whole plan.
    const [eu, ap] = [report.operations[1]!, report.operations[2]!];
    expect(eu.planned).toBe(ap.planned);
    expect(eu.ran).toBe(eu.planned);
  });

  test('the same defect at two targets is two findings; a baseline tells a new target from a known one', async () => {
    const run2 = await run({
      'huawei-dc': [
        { name: 'eu-west', url: faulty.url },
        { name: 'ap-south', url: faulty.url.replace('127.0.0.1', 'localhost') },
      ],
    });
    const both = { ...run2, findings: run2.findings.filter((f) => f.check === 'negative-rejection') };
    // One server under two names: the legs' state sequences may interleave on its one resource, which
    // two real regions never share; the defect under test is the accepted string bandwidth.
    expect(both.findings.map((f) => f.target)).toEqual(['ap-south', 'eu-west']);
    const onlyAp = await run(regions(), { seed: 9, runs: 3 });
    const classified = compareWithBaseline(both, onlyAp);
    expect(classified.new.map((f) => f.target)).toEqual(['eu-west']);
    expect(classified.stillFailing.map((f) => f.target)).toEqual(['ap-south']);
    expect(compareWithBaseline(onlyAp, both).fixed.map((f) => f.target)).toEqual(['eu-west']);
  });

  test('a target that cannot be reached is inconclusive, named, and the others are still tested', async () => {
    const down = `http://127.0.0.1:${await closedPort()}`;
    const report = await run({
      'huawei-dc': [
        { name: 'eu-west', url: correct.url },
        { name: 'down', url: down },
      ],
    });
    expect(report.operations.map((o) => `${o.targetName} ${o.verdict} ${o.ran}`)).toEqual([`eu-west conforming ${report.operations[0]!.planned}`, 'down inconclusive 0']);
    expect(report.summary.verdict).toBe('inconclusive');
    expect(report.summary.causes).toEqual([expect.stringMatching(new RegExp(`^${DC} @ down: cannot connect.*check the URL of target "down"$`))]);
    // Nothing at the unreachable target counts as passed.
    expect(report.checks.filter((c) => c.target === 'down').every((c) => c.outcome === 'n/a')).toBe(true);
  });

  test("an operation whose only server cannot be reached stops the run, even beside another operation's regions", async () => {
    const down = `http://127.0.0.1:${await closedPort()}`;
    await expect(run({ ...regions(), [HCX]: down })).rejects.toBeInstanceOf(TargetUnreachableError);
    // Likewise an operation whose every region is down, beside an operation that can be tested.
    const downToo = down.replace('127.0.0.1', 'localhost');
    await expect(
      run({
        'huawei-dc': [
          { name: 'a', url: down },
          { name: 'b', url: downToo },
        ],
        [HCX]: correct.url,
      }),
    ).rejects.toThrow(/target "a".*; .*target "b"/);
  });

  test('when no target can be reached the run stops before anything is sent, as with one target', async () => {
    const port = await closedPort();
    await expect(run({ 'huawei-dc': [`http://127.0.0.1:${port}`, `http://localhost:${port}`] })).rejects.toBeInstanceOf(TargetUnreachableError);
  });

  test('a name or URL given twice for one operation is refused', async () => {
    await expect(
      run({
        'huawei-dc': [
          { name: 'a', url: correct.url },
          { name: 'a', url: faulty.url },
        ],
      }),
    ).rejects.toThrow(new ConfigError('targets.huawei-dc: the name "a" is given twice'));
    await expect(run({ [DC]: [correct.url, `${correct.url}/`] })).rejects.toThrow(/is listed twice/);
  });

  test('shards of a run with several targets merge into the unsharded report', async () => {
    const whole = await run(regions(), { seed: 4 });
    const shards = await Promise.all([1, 2].map((index) => run(regions(), { seed: 4, shard: { index, total: 2 } })));
    const merged = mergeReports(shards.map((report, i) => ({ path: `shard-${i + 1}.json`, report })));
    const keys = (r: RunReport) => r.findings.map((f) => f.key).sort();
    const coverage = (r: RunReport) => r.coverage.map((c) => `${c.operationId}@${c.target} ${c.constraintId} ${c.boundaryAccepted} ${c.violationRejected}`).sort();
    expect(keys(merged)).toEqual(keys(whole));
    expect(coverage(merged)).toEqual(coverage(whole));
    expect(merged.operations.map((o) => `${o.operationId}@${o.targetName} ${o.ran}`)).toEqual(whole.operations.map((o) => `${o.operationId}@${o.targetName} ${o.ran}`));
  });

  test('reports of separate runs against two servers merge without joining their findings', async () => {
    const a = await run({ [DC]: faulty.url });
    const b = await run({ [DC]: faulty.url.replace('127.0.0.1', 'localhost') });
    const merged = mergeReports([
      { path: 'a.json', report: a },
      { path: 'b.json', report: b },
    ]);
    expect(merged.findings).toHaveLength(2);
    expect(merged.operations.map((o) => o.targetName)).toEqual([a.operations[0]!.targetName, b.operations[0]!.targetName]);
  });
});

/** Regions differ in ids and credentials: a target's own fixtures and headers go to it alone. */
describe("a target's own fixtures and headers", () => {
  const servers: Array<{ close(): Promise<void>; url: string }> = [];
  afterAll(async () => {
    for (const s of servers) await s.close();
  });

  test('each independent server is tested with its own ids and token, and no secret reaches the report', async () => {
    const eu = await startIndependentDc('eu-secret-token', '0123456789abcdef0123456789abcdef', '11111111-2222-4333-8444-555555555555');
    const ap = await startIndependentDc('ap-secret-token', 'fedcba9876543210fedcba9876543210', '66666666-7777-4888-9999-aaaaaaaaaaaa');
    servers.push(eu, ap);
    const report = await runConformance(
      {
        ...DEFAULT_CONFIG,
        runs: 5,
        targets: {
          [DC]: [
            {
              name: 'eu',
              url: eu.url,
              fixtures: { project_id: '0123456789abcdef0123456789abcdef', hosted_connect_id: '11111111-2222-4333-8444-555555555555' },
              headers: { 'X-Auth-Token': 'eu-secret-token' },
            },
            {
              name: 'ap',
              url: ap.url,
              fixtures: { project_id: 'fedcba9876543210fedcba9876543210', hosted_connect_id: '66666666-7777-4888-9999-aaaaaaaaaaaa' },
              headers: { 'X-Auth-Token': 'ap-secret-token' },
            },
          ],
        },
      },
      { reporters: [], embeddedTarget: startMockServer },
    );
    expect(report.operations.map((o) => `${o.targetName} ${o.verdict} notRun=${o.notRun}`)).toEqual(['eu conforming notRun=0', 'ap conforming notRun=0']);
    expect(report.findings).toEqual([]);
    const text = JSON.stringify(report);
    expect(text).not.toContain('eu-secret-token');
    expect(text).not.toContain('ap-secret-token');
  });
});
