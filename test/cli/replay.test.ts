import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { RunReport } from '../../src/model/RunReport.ts';
import { findingKey } from '../../src/regression/findingKey.ts';
import { expectOneErrorLine, readReport, runCli, tempDir } from '../helpers/cli.ts';

const FAULT = 'dc-vlan-4000';
const keys = (report: RunReport): string[] => report.findings.map(findingKey).sort();

describe('conformance replay', () => {
  let dir: string;
  let recordedPath: string;
  let recorded: RunReport;

  beforeAll(async () => {
    dir = await tempDir();
    recordedPath = join(dir, 'r.json');
    const { code } = await runCli(['run', '--runs', '3', '--mock-fault', FAULT, '--report', `json=${recordedPath}`]);
    expect(code).toBe(1);
    recorded = await readReport(recordedPath);
    expect(recorded.findings.length).toBeGreaterThan(0);
  });

  test('against the same fault: exit 1 with the same findings, sending only the recorded cases', async () => {
    const path = join(dir, 'replay-fault.json');
    const { code } = await runCli(['replay', recordedPath, '--mock-fault', FAULT, '--report', `json=${path}`]);
    expect(code).toBe(1);
    const replayed = await readReport(path);
    expect(replayed.command).toBe('replay');
    expect(keys(replayed)).toEqual(keys(recorded));
    expect(replayed.summary.ran).toBe(new Set(recorded.findings.map((f) => f.caseId)).size);
    expect(replayed.seed).toBe(recorded.seed);
  });

  test('against the correct mock: exit 0, the recorded cases ran and passed', async () => {
    const path = join(dir, 'replay-fixed.json');
    const { code } = await runCli(['replay', recordedPath, '--report', `json=${path}`]);
    expect(code).toBe(0);
    const replayed = await readReport(path);
    expect(replayed.findings).toEqual([]);
    expect(replayed.summary.ran).toBeGreaterThan(0);
  });

  test('--case of a case id the report does not hold: exit 2, one line naming it', async () => {
    const { code, err } = await runCli(['replay', recordedPath, '--case', 'updateHostedConnect:no-such-case', '--report', `json=${join(dir, 'never.json')}`]);
    expect(code).toBe(2);
    expectOneErrorLine(err);
    expect(err).toContain('updateHostedConnect:no-such-case');
  });

  test('--case of a recorded case id replays only that case', async () => {
    const caseId = recorded.findings[0]!.caseId;
    const path = join(dir, 'replay-one.json');
    const { code } = await runCli(['replay', recordedPath, '--case', caseId, '--mock-fault', FAULT, '--report', `json=${path}`]);
    expect(code).toBe(1);
    const replayed = await readReport(path);
    expect(replayed.summary.ran).toBe(1);
    expect(replayed.findings.map((f) => f.caseId)).toEqual([caseId]);
  });

  test('a file that is not a report: exit 2, one line', async () => {
    const { code, err } = await runCli(['replay', join(dir, 'missing.json')]);
    expect(code).toBe(2);
    expectOneErrorLine(err);
    expect(err).toContain('missing.json');
  });
});
