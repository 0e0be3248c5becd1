import type { Command } from 'commander';
import { DEFAULT_CONFIG, REPORT_FORMATS, type ReportSpec } from '../../config/ConformanceConfig.ts';
import { UsageError } from '../../errors/ConformanceError.ts';
import type { FailOn } from '../../regression/shouldFail.ts';
import type { MainIo } from '../MainIo.ts';
import { parseChoice, parseReport } from '../parseFlags.ts';

interface MergeFlags {
  report?: ReportSpec[];
  reportDir?: string;
  baseline?: string;
  failOn?: FailOn;
}

/** `conformance merge REPORT.json...`: one report from the shards of a run and from runs of other targets. */
export function mergeCommand(program: Command, io: MainIo, setExit: (code: number) => void): void {
  program
    .command('merge')
    .description('merge the JSON reports of the shards of a run (--shard I/N) and of other targets into one report, in every format')
    .argument('<reports...>', 'report.json files written by run')
    .option(
      '--report <format=path>',
      `write a report, as FORMAT or FORMAT=PATH: ${REPORT_FORMATS.filter((f) => f !== 'har').join(', ')} (repeatable; default: every file format into the report directory; no har: the reports keep no exchanges)`,
      (v, p: ReportSpec[] | undefined) => parseReport(v, p) as ReportSpec[],
    )
    .option('--report-dir <dir>', `directory of the default reports (default ${DEFAULT_CONFIG.reportDir})`)
    .option('--baseline <report.json>', "compare the merged report with an earlier one (last night's merge): new, still failing, fixed")
    .option('--fail-on <new|any>', `with --baseline: which failures make the exit code 1 (default ${DEFAULT_CONFIG.failOn})`, parseChoice('--fail-on', ['new', 'any'] as const))
    .action(async (paths: string[], flags: MergeFlags) => {
      const { createReporters } = await import('../../../reporters/index.ts');
      const { loadBaseline } = await import('../../regression/loadBaseline.ts');
      const { mergeReports } = await import('../../regression/mergeReports.ts');
      const { RunSession } = await import('../../report/RunSession.ts');
      const { withBaseline } = await import('../../regression/withBaseline.ts');
      const { checkReportPaths } = await import('../checkReportPaths.ts');
      const { exitCodeOf } = await import('../exitCodeOf.ts');
      const reports = flags.report ?? [];
      if (flags.failOn !== undefined && flags.baseline === undefined) throw new UsageError('--fail-on needs --baseline');
      // A HAR holds the exchanges of a run; a report.json does not keep them.
      if (reports.some((r) => r.format === 'har')) throw new UsageError('merge cannot write a HAR: the reports do not keep the exchanges (write one per shard with run --report har=PATH)');
      const reportDir = flags.reportDir ?? DEFAULT_CONFIG.reportDir;
      await checkReportPaths({ reports, reportDir });
      const baseline = flags.baseline !== undefined ? await loadBaseline(flags.baseline) : undefined;
      const joined = mergeReports(await Promise.all(paths.map(async (path) => ({ path, report: await loadBaseline(path, 'report') }))));
      const merged = baseline && flags.baseline ? withBaseline(joined, baseline, flags.baseline) : joined;
      const stdout = { write: (text: string) => io.out(text), isTTY: process.stdout.isTTY === true };
      const stderr = { write: (text: string) => io.err(text), isTTY: process.stderr.isTTY === true };
      const reporters = createReporters(reports, { reportDir, console: { stdout, stderr } });
      // A merge is a run without cases: its report goes to every reporter as a run's does.
      await new RunSession(reporters).finish(merged);
      // The same exit code, and the same last line, as one run would give.
      const code = exitCodeOf(merged, io, baseline ? { baseline, failOn: flags.failOn ?? DEFAULT_CONFIG.failOn } : undefined);
      setExit(code);
    });
}
