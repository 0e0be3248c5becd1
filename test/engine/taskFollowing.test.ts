import { describe, expect, test } from 'vitest';
import { fileURLToPath } from 'node:url';
import type { MockLogEntry, MockOptions } from '../../mock/MockOptions.ts';
import { startMockServer } from '../../mock/startMockServer.ts';
import { DEFAULT_CONFIG, type ConformanceConfig } from '../../src/config/ConformanceConfig.ts';
import { runConformance } from '../../src/engine/runConformance.ts';
import type { CaseResult } from '../../src/model/CaseResult.ts';
import type { EmbeddedTargetOptions } from '../../src/model/EmbeddedTarget.ts';
import type { RunReport } from '../../src/model/RunReport.ts';

const ASYNC_JOB = fileURLToPath(new URL('../fixtures/links/async-job.openapi.yaml', import.meta.url));
const UPGRADE = /^\/hybridity\/api\/interconnect\/appliances\/[^/]+\/upgrade/;
const TASK = /^\/hybridity\/api\/interconnect\/tasks\//;

/** A run against the embedded mock (with `mock` options), the mock's log and every case result. */
async function run(config: Partial<ConformanceConfig>, mock: Partial<MockOptions> = {}): Promise<{ report: RunReport; log: MockLogEntry[]; results: CaseResult[] }> {
  const log: MockLogEntry[] = [];
  const results: CaseResult[] = [];
  const embeddedTarget = (options: EmbeddedTargetOptions) => startMockServer({ ...options, ...mock, log });
  const report = await runConformance({ ...DEFAULT_CONFIG, runs: 10, seed: 3, ...config }, { reporters: [{ onCaseResult: (r) => void results.push(r) }], embeddedTarget });
  return { report, log, results };
}

const keys = (report: RunReport): string[] => [...new Set(report.findings.map((f) => `${f.check}/${f.constraintId ?? '-'} ${f.severity}`))].sort();

describe('links of answers are followed', () => {
  test("a default run follows every accepted upgrade to the end of its task, one upgrade at a time, and reports each task's states", async () => {
    const { report, log, results } = await run({ operationIds: ['upgradeInterconnectAppliance'] });
    expect(keys(report)).toEqual([]);
    expect(report.summary.verdict).toBe('conforming');
    const accepted = log.filter((e) => e.method === 'POST' && UPGRADE.test(e.path) && e.status === 202);
    expect(accepted.length).toBeGreaterThan(10);
    // Every accepted upgrade, probes included, has its task followed, and every task ended.
    expect(report.tasks).toMatchObject({ followed: accepted.length, outcomes: { succeeded: accepted.length } });
    for (const task of report.tasks!.timelines) {
      expect(task.state).toBe('SUCCESS');
      expect(task.states.at(-1)).toMatchObject({ status: 200, state: 'SUCCESS' });
      expect(task.linkedOperationId).toBe('getInterconnectTask');
    }
    // The case that started a task carries its timeline (the credential probe's upgrade is a case of its own).
    expect(results.filter((r) => r.status === 'ran' && r.tasks !== undefined)).toHaveLength(accepted.length);
    expect(report.summary.cases).toBe(report.summary.ran + report.summary.notRun);
    // While a task ran nothing else went to its appliance: no upgrade was refused as "already running".
    expect(log.filter((e) => UPGRADE.test(e.path) && e.status === 422)).toEqual([]);
    // The checks of the task path judged its answers.
    const cell = (check: string) => report.checks.find((c) => c.check === check && c.operationId === 'upgradeInterconnectAppliance');
    for (const check of ['task-known', 'task-ends', 'task-states']) expect(cell(check)).toMatchObject({ outcome: 'pass' });
    expect(cell('response-schema')?.outcome).toBe('pass');
    // The task operation is reached through the link, not planned on its own.
    expect(report.operations.map((o) => o.operationId)).toEqual(['upgradeInterconnectAppliance']);
    expect(log.filter((e) => TASK.test(e.path)).every((e) => e.status === 200)).toBe(true);
  });

  test('a task that never ends is reported at the deadline, and nothing more goes to its appliance', async () => {
    const { report, log } = await run({ operationIds: ['upgradeInterconnectAppliance'], taskDeadlineMs: 200 }, { fault: 'hcx-task-never-ends' });
    expect(keys(report)).toEqual(['task-ends/- warning']);
    expect(report.tasks?.outcomes).toEqual({ deadline: 1 });
    expect(report.tasks!.timelines[0]!.note).toMatch(/^still (QUEUED|RUNNING) after 200 ms$/);
    expect(report.notRun.some((n) => n.reason.includes('did not end within 200 ms: nothing more is sent to that resource'))).toBe(true);
    expect(log.filter((e) => UPGRADE.test(e.path) && e.status === 202)).toHaveLength(1);
    expect(report.summary.verdict).toBe('inconclusive');
  });

  test('a third document with a link (an async job) is followed the same way', async () => {
    const { report, log } = await run({ specs: [ASYNC_JOB] });
    expect(keys(report)).toEqual([]);
    expect(report.summary.verdict).toBe('conforming');
    const accepted = log.filter((e) => e.method === 'POST' && e.status === 202);
    expect(accepted.length).toBeGreaterThan(5);
    expect(report.tasks).toMatchObject({ followed: accepted.length, outcomes: { succeeded: accepted.length } });
    const states = report.tasks!.timelines.flatMap((t) => t.states.map((s) => s.state));
    expect(new Set(states)).toEqual(new Set(['pending', 'running', 'done'].filter((s) => states.includes(s))));
    expect(states).toContain('done');
    expect(report.checks.find((c) => c.check === 'echo' && c.operationId === 'submitJob')?.outcome).toBe('pass');
    // The link to the job's cancellation changes state: never followed, and (only a link reaches it) never planned.
    expect(log.filter((e) => e.method === 'DELETE')).toEqual([]);
    expect(report.operations.map((o) => o.operationId)).toEqual(['submitJob']);
  });

  test.each([
    ['task/never-ends/JOB.response.202.links.job', 'task-ends/- failure'],
    ['task/unknown-id/JOB.response.202.links.job', 'task-known/- failure'],
    ['task/states-backwards/JOB.response.202.links.job', 'task-states/- failure'],
  ])("the async-job document's mutant %s is caught by its check (a page rule: a failure)", async (mutant, finding) => {
    const { report } = await run({ specs: [ASYNC_JOB], taskDeadlineMs: 200 }, { mutant });
    expect(keys(report)).toContain(finding);
    expect(report.summary.verdict).toBe('not-conforming');
  });

  test("the async-job document's late-failure mutant: a body that breaks the document accepted, then failed as a job", async () => {
    const { report } = await run({ specs: [ASYNC_JOB] }, { mutant: 'task/late-failure/JOB.response.202.links.job' });
    const late = report.findings.filter((f) => f.check === 'late-validation');
    expect(late.length).toBeGreaterThan(0);
    expect(late.every((f) => f.constraintId?.startsWith('JOB.body') && f.severity === 'failure')).toBe(true);
  });
});
