import { resolve } from 'node:path';
import { ConfigError } from '../src/errors/ConformanceError.ts';
import type { ReportFormat, ReportSpec } from '../src/config/ConformanceConfig.ts';
import { ConsoleReporter, type ConsoleReporterOptions } from './ConsoleReporter.ts';
import { defaultReports } from './defaultReports.ts';
import type { FileReporterOptions } from './FileReporterOptions.ts';
import { HarReporter } from './HarReporter.ts';
import { HtmlReporter } from './HtmlReporter.ts';
import { JsonReporter } from './JsonReporter.ts';
import { JunitReporter } from './JunitReporter.ts';
import { MarkdownReporter, type MarkdownReporterOptions } from './MarkdownReporter.ts';
import type { RunListener } from '../src/model/RunListener.ts';
import type { RunReport } from '../src/model/RunReport.ts';
import { ReportFiles } from './ReportFiles.ts';

/** Every report format by name, each with its own options type. A new format is one file and one line here. */
export const reporterFactories = {
  console: (options: ConsoleReporterOptions): RunListener => new ConsoleReporter(options),
  json: (options: FileReporterOptions): RunListener => new JsonReporter(options),
  junit: (options: FileReporterOptions): RunListener => new JunitReporter(options),
  md: (options: MarkdownReporterOptions): RunListener => new MarkdownReporter(options),
  html: (options: FileReporterOptions): RunListener => new HtmlReporter(options),
  har: (options: FileReporterOptions): HarReporter => new HarReporter(options),
} as const satisfies Record<ReportFormat, (options: never) => RunListener>;

export interface CreateReportersOptions {
  /** Folder of the default reports (default `conformance-report`). */
  readonly reportDir?: string;
  /** Base of relative report paths (default the working directory). */
  readonly cwd?: string;
  /** Console output streams, colours and progress (defaults follow the TTY, CI and NO_COLOR). */
  readonly console?: Omit<ConsoleReporterOptions, 'files' | 'cwd'>;
  readonly markdown?: Pick<MarkdownReporterOptions, 'topFindings'>;
  /** Shared record of the files written; pass one to read the paths after the run. */
  readonly files?: ReportFiles;
}

/**
 * The JSON and HTML reports of a run that writes a HAR: the same listener, handed at the end a copy of the
 * report whose findings name their HAR entry (`harEntry`). The HAR has collected every case by then.
 */
function linkedToHar(reporter: RunListener, har: HarReporter): RunListener {
  const link = (report: RunReport): RunReport => ({
    ...report,
    findings: report.findings.map((finding) => {
      const entry = har.entryOf(finding.caseId, finding.target);
      return entry === undefined ? finding : { ...finding, harEntry: entry };
    }),
  });
  return {
    ...(reporter.onRunStart ? { onRunStart: (start) => reporter.onRunStart?.(start) } : {}),
    ...(reporter.onCaseResult ? { onCaseResult: (result) => reporter.onCaseResult?.(result) } : {}),
    onRunEnd: (report) => reporter.onRunEnd?.(link(report)),
  };
}

function isFormat(format: string): format is ReportFormat {
  return Object.hasOwn(reporterFactories, format);
}

/**
 * Builds the reporters of a run from `--report format[:path]` specs (none: every format into the report
 * folder). File reporters come first and the console last, so when the engine calls `onRunEnd` in order
 * (or all at once) the console lists the files that were written.
 */
export function createReporters(specs: ReadonlyArray<{ format: string; path?: string }>, options: CreateReportersOptions = {}): RunListener[] {
  const cwd = options.cwd ?? process.cwd();
  const files = options.files ?? new ReportFiles();
  const known = Object.keys(reporterFactories).join(', ');
  for (const spec of specs) {
    if (!isFormat(spec.format)) throw new ConfigError(`unknown report format "${spec.format}" (known: ${known})`);
    if (spec.format === 'console' && spec.path !== undefined) throw new ConfigError('the console report is printed, it takes no path: use --report console');
    if (spec.path !== undefined && spec.path.trim() === '') throw new ConfigError(`report ${spec.format}: the path is empty`);
  }
  const resolved = defaultReports(specs as readonly ReportSpec[], options.reportDir ?? 'conformance-report');
  const seen = new Map<string, string>();
  const fileReporters: RunListener[] = [];
  let consoleReporter: RunListener | undefined;
  let har: HarReporter | undefined;
  for (const spec of resolved) {
    if (spec.format === 'console') {
      consoleReporter ??= reporterFactories.console({ ...options.console, files, cwd });
      continue;
    }
    const path = resolve(cwd, spec.path!);
    const other = seen.get(path);
    if (other) throw new ConfigError(`reports ${other} and ${spec.format} would both write ${spec.path}`);
    seen.set(path, spec.format);
    if (spec.format === 'md') fileReporters.push(reporterFactories.md({ path, files, ...options.markdown }));
    else if (spec.format === 'har') har ??= reporterFactories.har({ path, files });
    else fileReporters.push(reporterFactories[spec.format]({ path, files }));
  }
  // The HAR listens first, so its entries exist when the reports that link to them are written.
  const harReporter = har;
  const linked = harReporter ? [harReporter, ...fileReporters.map((r) => (r instanceof JsonReporter || r instanceof HtmlReporter ? linkedToHar(r, harReporter) : r))] : fileReporters;
  return consoleReporter ? [...linked, consoleReporter] : linked;
}
