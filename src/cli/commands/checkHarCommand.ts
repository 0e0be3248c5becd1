import type { Command } from 'commander';
import type { ReportSpec } from '../../config/ConformanceConfig.ts';
import { DEFAULT_CONFIG, REPORT_FORMATS } from '../../config/ConformanceConfig.ts';
import { TOOL_VERSION } from '../../toolVersion.ts';
import type { MainIo } from '../MainIo.ts';
import { parseInteger, parseReport, parseSpec } from '../parseFlags.ts';

interface CheckHarFlags {
  report?: ReportSpec[];
  reportDir?: string;
  maxResponseBytes?: number;
  spec: string[];
}

/** `conformance check-har FILE`: the proxy's judging over recorded traffic, offline. */
export function checkHarCommand(program: Command, io: MainIo, setExit: (code: number) => void): void {
  program
    .command('check-har')
    .description('judge the exchanges of a HAR 1.2 file (a browser, a proxy tool, --report har=) against the documents, offline')
    .argument('<file>', 'the HAR file')
    .option(
      '--report <format=path>',
      `write a report, as FORMAT or FORMAT=PATH: ${REPORT_FORMATS.join(', ')} (repeatable; default: every file format but har into the report directory)`,
      (v, p: ReportSpec[] | undefined) => parseReport(v, p) as ReportSpec[],
    )
    .option('--report-dir <dir>', `directory of the default reports (default ${DEFAULT_CONFIG.reportDir})`)
    .option('--max-response-bytes <n>', `a bigger response body is judged too large (default ${DEFAULT_CONFIG.maxResponseBytes})`, parseInteger(1024))
    .option('--spec <path>', 'OpenAPI 3.1 or 3.0 document (repeatable; default: the shipped schemas)', (v, p: string[]) => parseSpec(v, p), [])
    .action(async (file: string, flags: CheckHarFlags) => {
      const { createReporters } = await import('../../../reporters/index.ts');
      const { resolveConfig } = await import('../../config/resolveConfig.ts');
      const { loadSpecs } = await import('../../openapi/loadSpecs.ts');
      const { readHar } = await import('../../proxy/readHar.ts');
      const { TrafficAuditor } = await import('../../proxy/TrafficAuditor.ts');
      const { checkReportPaths } = await import('../checkReportPaths.ts');
      const { exitCodeOf } = await import('../exitCodeOf.ts');
      const config = resolveConfig(
        {},
        {
          ...(flags.report ? { reports: flags.report } : {}),
          ...(flags.reportDir ? { reportDir: flags.reportDir } : {}),
          ...(flags.maxResponseBytes ? { maxResponseBytes: flags.maxResponseBytes } : {}),
        },
      );
      await checkReportPaths(config);
      const traffic = await readHar(file, config.maxResponseBytes);
      const specs = await loadSpecs(flags.spec);
      const reporters = createReporters(config.reports, {
        reportDir: config.reportDir,
        console: { stdout: { write: (t: string) => io.out(t), isTTY: false }, stderr: { write: (t: string) => io.err(t), isTTY: false }, progress: false },
      });
      // Each operation's target is the server the recording went to (the first entry's origin).
      const target = traffic[0] ? new URL(traffic[0].url).origin : file;
      const auditor = new TrafficAuditor(specs, { listeners: reporters, target, toolVersion: TOOL_VERSION, command: 'check-har' });
      for (const exchange of traffic) auditor.learnCredentials(exchange);
      for (const exchange of traffic) auditor.observe(exchange);
      io.out(`conformance check-har: ${auditor.matched} exchange(s) judged, ${auditor.unmatched} matched no documented operation (not judged)\n`);
      const report = await auditor.finish({ interrupted: false });
      setExit(exitCodeOf(report, io));
    });
}
