import { relative, isAbsolute } from 'node:path';
import picocolors from 'picocolors';
import type { CaseResult } from '../src/model/CaseResult.ts';
import type { RunReport } from '../src/model/RunReport.ts';
import type { RunBegin, RunListener, RunStart } from '../src/model/RunListener.ts';
import { checksSection } from './console/checksSection.ts';
import type { ConsoleContext } from './console/ConsoleContext.ts';
import { ConsoleProgress, SYSTEM_CLOCK, type ProgressClock, type ProgressOutput } from './console/ConsoleProgress.ts';
import { coverageSection } from './console/coverageSection.ts';
import { findingsSection } from './console/findingsSection.ts';
import { notRunSection } from './console/notRunSection.ts';
import { taskLines } from './taskLines.ts';
import { operationsSection } from './console/operationsSection.ts';
import { TableLayout } from './console/TableLayout.ts';
import { verdictSection } from './console/verdictSection.ts';
import { ReportColumns } from './ReportColumns.ts';
import { ReportFiles } from './ReportFiles.ts';

export type { ProgressClock } from './console/ConsoleProgress.ts';

export interface ConsoleReporterOptions {
  /** Where the summary goes (default process.stdout). */
  readonly stdout?: ProgressOutput;
  /** Where live progress goes (default process.stderr). */
  readonly stderr?: ProgressOutput;
  /** Live progress; default: stderr is a TTY and CI is not "true". */
  readonly progress?: boolean;
  /**
   * Without live progress: a progress line on stdout this often (ms), before the summary, so a CI log shows
   * the run is alive; stderr keeps its one-line error contract. Default 5000; 0: none.
   */
  readonly progressEveryMs?: number;
  readonly clock?: ProgressClock;
  /** Colours; default: stdout is a TTY and NO_COLOR is not set. */
  readonly color?: boolean;
  /** Report files of the run, listed at the end. */
  readonly files?: ReportFiles;
  /** Longest body or excerpt shown (characters). */
  readonly excerptChars?: number;
  /** Longest body shown (lines). */
  readonly excerptLines?: number;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly cwd?: string;
}

/** The summary is laid out for the narrowest common terminal. */
const WIDTH = 80;

/**
 * The human view of a run: live progress while it runs (console/ConsoleProgress.ts), then on stdout a
 * summary a reader takes in within a minute, within 80 columns: operation x check, constraint coverage,
 * each distinct failure and then each warning once with its minimal request, curl and replay commands,
 * the report files, the verdict and the inconclusive causes (also when another operation or target
 * failed, which makes the verdict NOT CONFORMING). When an operation went to several targets, every
 * column is an (operation, target) pair and every finding names its target: the target × check matrix.
 * Each section is a function of console/; their tables are laid out by console/TableLayout.ts.
 */
export class ConsoleReporter implements RunListener {
  private readonly stdout: ProgressOutput;
  private readonly ctx: ConsoleContext;
  private readonly layout: TableLayout;
  private readonly files: ReportFiles;
  private readonly cwd: string;
  private readonly progress: ConsoleProgress;

  constructor(options: ConsoleReporterOptions = {}) {
    const env = options.env ?? process.env;
    this.stdout = options.stdout ?? process.stdout;
    const stderr = options.stderr ?? process.stderr;
    const c = picocolors.createColors(options.color ?? (this.stdout.isTTY === true && !('NO_COLOR' in env && env.NO_COLOR !== '')));
    this.ctx = { c, width: WIDTH, excerptChars: options.excerptChars ?? 300, excerptLines: options.excerptLines ?? 8 };
    this.layout = new TableLayout(c, WIDTH);
    this.files = options.files ?? new ReportFiles();
    this.cwd = options.cwd ?? process.cwd();
    this.progress = new ConsoleProgress({
      stdout: this.stdout,
      stderr,
      live: options.progress ?? (stderr.isTTY === true && env.CI !== 'true'),
      everyMs: options.progressEveryMs ?? 5000,
      clock: options.clock ?? SYSTEM_CLOCK,
      highlight: c.yellow,
    });
  }

  /** From here on the run says it is alive: redrawn in place on a terminal, else a line every few seconds. */
  onRunBegin(_begin: RunBegin): void {
    this.progress.begin();
  }

  onRunStart(start: RunStart): void {
    this.progress.start(start);
  }

  onCaseResult(result: CaseResult): void {
    this.progress.caseResult(result);
  }

  onRunClose(): void {
    this.progress.stop();
  }

  async onRunEnd(report: RunReport): Promise<void> {
    this.progress.end();
    const written = await this.files.written();
    this.stdout.write(`${this.render(report, written)}\n`);
  }

  /** The end-of-run text (no progress), exposed for tests and for a `report` command reading a report.json. */
  render(report: RunReport, written: readonly string[] = []): string {
    const { ctx, layout } = this;
    const { c } = ctx;
    const columns = new ReportColumns(report);
    const notRun = notRunSection(ctx, report, columns);
    const tasks = taskLines(report);
    return [
      c.bold(`${report.tool.name} ${report.tool.version}`) + c.dim(` · ${report.command} · seed ${report.seed} · ${(report.durationMs / 1000).toFixed(1)} s`),
      ...operationsSection(ctx, report, columns),
      '',
      c.bold('Checks'),
      ...checksSection(ctx, layout, report, columns),
      '',
      c.bold('Constraint coverage'),
      ...coverageSection(ctx, layout, report, columns),
      ...(notRun.length > 0 ? ['', ...notRun] : []),
      ...(tasks.length > 0 ? ['', c.bold('Tasks'), ...tasks.map((l) => `  ${l}`)] : []),
      '',
      ...findingsSection(ctx, report, columns),
      ...(written.length > 0 ? ['', c.bold('Reports'), ...written.map((path) => `  ${this.displayPath(path)}`)] : []),
      '',
      ...verdictSection(ctx, report),
    ].join('\n');
  }

  private displayPath(path: string): string {
    const rel = relative(this.cwd, path);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
  }
}
