import { describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG, REPORT_FORMATS } from '../../src/config/ConformanceConfig.ts';
import { REPLAY_REPORT_DIR } from '../../src/regression/replayConfig.ts';
import { runCli } from '../helpers/cli.ts';

/** The `--help` of a command on one line, so wrapped descriptions read as written. */
async function help(command: string): Promise<string> {
  const { out } = await runCli([command, '--help']);
  return out.replace(/\s+/g, ' ');
}

/** The description of one option, up to the next option. */
function described(text: string, option: string): string {
  const start = text.indexOf(` ${option} `);
  expect(start, option).toBeGreaterThan(0);
  const next = text.indexOf(' --', start + option.length + 2);
  return text.slice(start, next < 0 ? undefined : next);
}

describe('--report and --report-dir help says what each command does', () => {
  test.each(['run', 'replay', 'verify-pacts', 'proxy', 'check-har'])('%s lists every report format, console and har included', async (command) => {
    const report = described(await help(command), '--report <format=path>');
    expect(report).toContain(REPORT_FORMATS.join(', '));
  });

  test('merge lists every format but har, which it refuses', async () => {
    const report = described(await help('merge'), '--report <format=path>');
    expect(report).toContain(REPORT_FORMATS.filter((f) => f !== 'har').join(', '));
    expect(report).not.toMatch(/html, har/);
  });

  test('replay names its own default folder, not only the run one', async () => {
    expect(described(await help('replay'), '--report-dir <dir>')).toContain(`${REPLAY_REPORT_DIR} for replay`);
    for (const command of ['merge', 'verify-pacts', 'proxy', 'check-har']) {
      expect(described(await help(command), '--report-dir <dir>'), command).toContain(`(default ${DEFAULT_CONFIG.reportDir})`);
    }
  });
});
