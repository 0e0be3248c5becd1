import { describe, expect, it } from 'vitest';
import { ConsoleReporter } from '../../reporters/ConsoleReporter.ts';
import { MarkdownReporter } from '../../reporters/MarkdownReporter.ts';
import { taskLines } from '../../reporters/taskLines.ts';
import type { RunReport } from '../../src/model/RunReport.ts';
import type { TaskTimeline } from '../../src/model/TaskTimeline.ts';
import { validateReport } from '../../src/regression/validateReport.ts';
import { buildReport } from './fixtures.ts';

const task = (caseId: string, outcome: TaskTimeline['outcome'], states: TaskTimeline['states'], note?: string): TaskTimeline => ({
  caseId,
  operationId: 'upgradeInterconnectAppliance',
  link: 'interconnectTask',
  linkedOperationId: 'getInterconnectTask',
  parameters: { interconnectTaskId: `t-${caseId}` },
  outcome,
  ...(states.at(-1)?.state !== undefined ? { state: states.at(-1)!.state! } : {}),
  polls: states.length,
  durationMs: states.at(-1)?.atMs ?? 0,
  states,
  ...(note ? { note } : {}),
});

const withTasks = (report: RunReport): RunReport => ({
  ...report,
  tasks: {
    followed: 3,
    outcomes: { succeeded: 2, deadline: 1 },
    timelines: [
      task('c1', 'succeeded', [
        { atMs: 0, status: 200, state: 'QUEUED' },
        { atMs: 15, status: 200, state: 'RUNNING' },
        { atMs: 35, status: 200, state: 'SUCCESS' },
      ]),
      task('c2', 'deadline', [{ atMs: 0, status: 200, state: 'RUNNING' }], 'still RUNNING after 1000 ms'),
      task('c3', 'succeeded', [{ atMs: 3, status: 200, state: 'SUCCESS' }]),
    ],
  },
});

describe('task timelines in the reports', () => {
  it('say how many tasks were followed, each one that did not succeed, and one timeline as an example', () => {
    expect(taskLines(withTasks(buildReport()))).toEqual([
      '3 tasks followed to the end: 2 succeeded, 1 deadline',
      'c2 → interconnectTask t-c2: RUNNING 0 ms (deadline: still RUNNING after 1000 ms), 1 poll',
      'e.g. c1 → interconnectTask t-c1: QUEUED 0 ms → RUNNING 15 ms → SUCCESS 35 ms, 3 polls',
    ]);
    expect(taskLines(buildReport())).toEqual([]);
  });

  it('the console and Markdown reports show them; the JSON report schema takes them', () => {
    const report = withTasks(buildReport());
    const chunks: string[] = [];
    const out = { isTTY: false, write: (t: string) => void chunks.push(t) };
    const text = new ConsoleReporter({ stdout: out, stderr: out, env: {}, color: false }).render(report);
    expect(text).toContain('Tasks\n  3 tasks followed to the end: 2 succeeded, 1 deadline');
    expect(MarkdownReporter.render(report)).toContain('**Tasks:** 3 tasks followed to the end');
    expect(() => validateReport(JSON.parse(JSON.stringify(report)))).not.toThrow();
  });
});
