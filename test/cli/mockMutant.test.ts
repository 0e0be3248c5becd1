import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT_ERROR, EXIT_VIOLATIONS } from '../../src/cli/exitCodes.ts';
import { expectOneErrorLine, readReport, runCli, tempDir } from '../helpers/cli.ts';

const MUTANT = 'credential/presence-only/DC.auth';
let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('conformance run --mock-mutant', () => {
  it('runs against the mutant, records it, and every replay line starts the same mutant', async () => {
    const path = join(dir, 'report.json');
    const { code } = await runCli(['run', '--operation', 'updateHostedConnect', '--runs', '5', '--mock-mutant', MUTANT, '--report', `json=${path}`]);
    expect(code).toBe(EXIT_VIOLATIONS);
    const report = await readReport(path);
    expect(report.invocation?.mock).toEqual({ mutant: MUTANT });
    expect(report.findings.map((f) => f.check)).toContain('auth-required');
    for (const f of report.findings) expect(f.replay).toContain(`--mock-mutant ${MUTANT}`);
    const replay = await runCli(['replay', path, '--report', `json=${join(dir, 'replayed.json')}`]);
    expect(replay.code).toBe(EXIT_VIOLATIONS);
  });

  it('an unknown mutant is one error line and exit 2, before anything is sent', async () => {
    const { code, err } = await runCli(['run', '--mock-mutant', 'nope', '--report', `json=${join(dir, 'none.json')}`]);
    expect(code).toBe(EXIT_ERROR);
    expectOneErrorLine(err);
    expect(err).toContain('unknown mutant "nope"');
  });
});
