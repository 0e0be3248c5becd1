import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readReport, runCli, tempDir } from '../helpers/cli.ts';

describe('--max-requests', () => {
  test('stops sending at the budget, keeps and reports what ran, exits 2 without a violation', async () => {
    const dir = await tempDir('budget-');
    const { code, err } = await runCli(['run', '--max-requests', '20', '--report', `json=${join(dir, 'r.json')}`]);
    expect(code).toBe(2);
    expect(err).toContain('request budget of 20 requests spent');
    expect(err.trim().split('\n')).toHaveLength(1);
    const report = await readReport(join(dir, 'r.json'));
    expect(report.interrupted).toBe(true);
    expect(report.stopReason).toContain('budget');
    expect(report.summary.conforming).toBe(false);
    // The polls of the tasks accepted upgrades started are requests too: they count towards the budget.
    const polls = report.tasks?.timelines.reduce((n, t) => n + t.polls, 0) ?? 0;
    expect(report.summary.ran + polls).toBeGreaterThan(5);
    expect(report.summary.ran + polls).toBeLessThanOrEqual(20);
    // Every planned case is accounted for: what the budget left unsent is listed as not run, with why.
    for (const op of report.operations) expect(op.ran + op.notRun).toBe(op.planned);
    expect(report.notRun.filter((n) => n.reason.startsWith('not sent: ') && n.reason.includes('budget')).length).toBeGreaterThan(50);
  });

  test('violations found before the budget ran out still make the exit code 1', async () => {
    const dir = await tempDir('budget-');
    const { code } = await runCli(['run', '--max-requests', '40', '--mock-fault', 'hcx-200-instead-of-202', '--report', `json=${join(dir, 'r.json')}`]);
    expect(code).toBe(1);
    const report = await readReport(join(dir, 'r.json'));
    expect(report.interrupted).toBe(true);
    expect(report.findings.map((f) => f.check)).toContain('status-documented');
  });
});
