import { relative, isAbsolute } from 'node:path';
import Table from 'cli-table3';
import picocolors from 'picocolors';
import type { CaseResult } from '../src/model/CaseResult.ts';
import type { Finding } from '../src/model/Finding.ts';
import { findingKey } from '../src/model/findingKey.ts';
import type { Severity } from '../src/model/Provenance.ts';
import type { CheckCell, ConstraintCoverage, OperationSummary, RunReport, RunVerdict } from '../src/model/RunReport.ts';
import { brokenSeverity } from './brokenSeverity.ts';
import { fitColumns } from './fitColumns.ts';
import { printable } from './printable.ts';
import type { RunBegin, RunListener, RunStart } from '../src/model/RunListener.ts';
import { ReportColumns } from './ReportColumns.ts';
import { ReportFiles } from './ReportFiles.ts';
import { truncate } from './truncate.ts';
import { verdictLine } from './verdictLine.ts';
import { NOTE_HEADINGS, verdictNotes } from './verdictNotes.ts';
import { wrapText } from './wrapText.ts';
import { taskLines } from './taskLines.ts';

interface Output {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** Time for the progress line: injected by tests, so none of them sleeps. */
export interface ProgressClock {
  now(): number;
  /** Calls `tick` every `ms` until the returned function is called; never keeps the process alive. */
  every(ms: number, tick: () => void): () => void;
}

const SYSTEM_CLOCK: ProgressClock = {
  now: () => Date.now(),
  every: (ms, tick) => {
    const timer = setInterval(tick, ms);
    timer.unref();
    return () => clearInterval(timer);
  },
};

/** How often the live line is redrawn in place on a terminal while nothing else changes it. */
const REDRAW_MS = 1000;

export interface ConsoleReporterOptions {
  /** Where the summary goes (default process.stdout). */
  readonly stdout?: Output;
  /** Where live progress goes (default process.stderr). */
  readonly stderr?: Output;
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

/** No rule between body rows: a table of ten checks stays ten lines. */
const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

/** Where the finding details start, under `    case      `. */
const PAD = '              ';

type Colors = ReturnType<typeof picocolors.createColors>;
type Paint = (text: string) => string;
/** A table cell: its plain text and how to colour it once it is fitted. */
type Cell = readonly [text: string, paint?: Paint];

type Coverage = ConstraintCoverage['boundaryAccepted'] | ConstraintCoverage['responseHonoured'];

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** Splits items into consecutive groups, each as large as `fits` allows (at least one item each). */
function groupsThatFit<T>(items: readonly T[], fits: (group: readonly T[]) => boolean): T[][] {
  const groups: T[][] = [];
  for (const item of items) {
    const last = groups.at(-1);
    if (last && fits([...last, item])) last.push(item);
    else groups.push([item]);
  }
  return groups;
}

/**
 * The human view of a run: live progress on stderr while it runs (interactive terminals only), then on
 * stdout a summary a reader takes in within a minute, within 80 columns: operation x check, constraint
 * coverage, each distinct failure and then each warning once with its minimal request, curl and replay
 * commands, the report files, the verdict and the inconclusive causes (also when another operation or
 * target failed, which makes the verdict NOT CONFORMING). When an operation went to several targets,
 * every column is an (operation, target) pair and every finding names its target: the target × check
 * matrix.
 */
export class ConsoleReporter implements RunListener {
  private readonly stdout: Output;
  private readonly stderr: Output;
  private readonly progress: boolean;
  private readonly c: Colors;
  private readonly files: ReportFiles;
  private readonly excerptChars: number;
  private readonly excerptLines: number;
  private readonly cwd: string;
  private readonly planned = new Map<string, number>();
  private readonly done = new Map<string, number>();
  private readonly failing = new Set<string>();
  private lastDraw = 0;
  private drawn = false;
  private readonly progressEveryMs: number;
  private readonly clock: ProgressClock;
  private began: number | undefined;
  /** Cases are planned: the probes are done. */
  private started = false;
  private stopTicking: (() => void) | undefined;

  constructor(options: ConsoleReporterOptions = {}) {
    const env = options.env ?? process.env;
    this.stdout = options.stdout ?? process.stdout;
    this.stderr = options.stderr ?? process.stderr;
    this.progress = options.progress ?? (this.stderr.isTTY === true && env.CI !== 'true');
    this.c = picocolors.createColors(options.color ?? (this.stdout.isTTY === true && !('NO_COLOR' in env && env.NO_COLOR !== '')));
    this.files = options.files ?? new ReportFiles();
    this.excerptChars = options.excerptChars ?? 300;
    this.excerptLines = options.excerptLines ?? 8;
    this.cwd = options.cwd ?? process.cwd();
    this.progressEveryMs = options.progressEveryMs ?? 5000;
    this.clock = options.clock ?? SYSTEM_CLOCK;
  }

  /** From here on the run says it is alive: redrawn in place on a terminal, else a line every few seconds. */
  onRunBegin(_begin: RunBegin): void {
    this.began = this.clock.now();
    this.stop();
    if (this.progress) this.stopTicking = this.clock.every(REDRAW_MS, () => this.drawProgress());
    else if (this.progressEveryMs > 0) this.stopTicking = this.clock.every(this.progressEveryMs, () => this.stdout.write(`conformance: ${this.progressParts().join(' · ')}\n`));
  }

  onRunStart(start: RunStart): void {
    this.started = true;
    for (const [operationId, count] of Object.entries(start.planned)) this.planned.set(operationId, count);
  }

  onRunClose(): void {
    this.stop();
  }

  private stop(): void {
    this.stopTicking?.();
    this.stopTicking = undefined;
  }

  onCaseResult(result: CaseResult): void {
    const { operationId } = result.case;
    this.done.set(operationId, (this.done.get(operationId) ?? 0) + 1);
    if (result.status === 'ran') {
      // Counted by the key the report will give each finding, so the live count matches the end.
      const { response, failure } = result.exchange;
      const answer = { ...(response ? { response: { status: response.status, bodyExcerpt: '' } } : {}), ...(failure ? { failure } : {}) };
      for (const v of result.verdicts) {
        if (v.outcome === 'fail') this.failing.add(findingKey({ operationId, target: result.target ?? '', request: result.exchange.sent, check: v.check, ...(v.constraintId ? { constraintId: v.constraintId } : {}), intent: result.case.intent, caseId: result.case.id, ...answer }));
      }
    }
    if (!this.progress) return;
    // Redraw at most ten times a second: thousands of cases must not flood the terminal.
    const now = this.clock.now();
    if (now - this.lastDraw < 100) return;
    this.lastDraw = now;
    this.drawProgress();
  }

  /**
   * One short line, redrawn in place. The total is the plan known at the start and never grows: the
   * random exploration, added to the plan only as it is explored, is counted apart, so done ≤ total.
   * Severity is decided at the end of the run, so the live count says "findings", not failures.
   */
  private drawProgress(): void {
    this.stderr.write(`\r\u001b[K${this.progressParts().join(' · ')}`);
    this.drawn = true;
  }

  /** Elapsed time since the run began, then what is done of the plan (the probes before it is known). */
  private progressParts(): string[] {
    const elapsed = this.began === undefined ? [] : [`${((this.clock.now() - this.began) / 1000).toFixed(1)} s`];
    if (!this.started) return [...elapsed, 'reaching the targets: connection, credential and fixture probes'];
    let done = 0;
    let total = 0;
    let explored = 0;
    for (const id of new Set([...this.planned.keys(), ...this.done.keys()])) {
      const planned = this.planned.get(id) ?? 0;
      const ran = this.done.get(id) ?? 0;
      total += planned;
      done += Math.min(ran, planned);
      explored += Math.max(0, ran - planned);
    }
    const parts = [...elapsed, `cases ${done}/${total}`];
    if (explored > 0) parts.push(`+${explored} explored`);
    if (this.failing.size > 0) parts.push(this.c.yellow(plural(this.failing.size, 'finding')));
    return parts;
  }

  async onRunEnd(report: RunReport): Promise<void> {
    this.stop();
    if (this.drawn) this.stderr.write('\r\u001b[K');
    const written = await this.files.written();
    this.stdout.write(`${this.render(report, written)}\n`);
  }

  /** The end-of-run text (no progress), exposed for tests and for a `report` command reading a report.json. */
  render(report: RunReport, written: readonly string[] = []): string {
    const { c } = this;
    const out: string[] = [];
    const columns = new ReportColumns(report);
    out.push(c.bold(`${report.tool.name} ${report.tool.version}`) + c.dim(` · ${report.command} · seed ${report.seed} · ${(report.durationMs / 1000).toFixed(1)} s`));
    if (columns.severalTargets) for (const id of columns.operationIds()) out.push(...this.targetLines(columns.of(id)));
    else for (const op of report.operations) out.push(...this.operationLines(op));
    out.push('', c.bold('Checks'), ...this.checkTables(report, columns));
    out.push('', c.bold('Constraint coverage'), ...(columns.severalTargets ? this.coverageMatrices(report, columns) : this.coverageTables(report)));
    if (report.notRun.length > 0) out.push('', ...this.notRunLines(report, columns));
    const tasks = taskLines(report);
    if (tasks.length > 0) out.push('', c.bold('Tasks'), ...tasks.map((l) => `  ${l}`));
    out.push('', ...this.findingLines(report, columns));
    if (written.length > 0) {
      out.push('', c.bold('Reports'));
      for (const path of written) out.push(`  ${this.displayPath(path)}`);
    }
    const paint = this.verdictPaint(report.summary.verdict);
    out.push('', ...wrapText(verdictLine(report), WIDTH, '', '  ').map((l) => paint(c.bold(l))));
    out.push(...this.causeLines(report), ...this.noteLines(report));
    return out.join('\n');
  }

  /** What the verdict holds only with: unverified boundaries, relaxed rules (src/engine/relaxationsOf.ts). */
  private noteLines(report: RunReport): string[] {
    const notes = verdictNotes(report);
    const list = (heading: string, lines: readonly string[]): string[] =>
      lines.length === 0 ? [] : [this.c.yellow(this.c.bold(`${heading}:`)), ...lines.flatMap((line) => wrapText(printable(line), WIDTH, '  - ', '    '))];
    return [...list(NOTE_HEADINGS.unverified, notes.unverified), ...list(NOTE_HEADINGS.relaxed, notes.relaxed)];
  }

  /**
   * Every inconclusive cause under the verdict. A run that failed somewhere is NOT CONFORMING, yet an
   * operation or target that could not be judged (refused token, unreachable URL) must still be named.
   */
  private causeLines(report: RunReport): string[] {
    const { verdict, causes } = report.summary;
    if (causes.length === 0) return [];
    const heading = verdict === 'inconclusive' ? [] : [this.c.yellow(this.c.bold('also INCONCLUSIVE:'))];
    return [...heading, ...causes.flatMap((cause) => wrapText(printable(cause), WIDTH, '  - ', '    '))];
  }

  /** Green only for a conforming run: an inconclusive or stopped run is yellow, never green. */
  private verdictPaint(verdict: RunVerdict): Paint {
    if (verdict === 'conforming') return this.c.green;
    if (verdict === 'not-conforming') return this.c.red;
    return this.c.yellow;
  }

  private counts(op: OperationSummary): string {
    const { c } = this;
    return [`${op.ran}/${op.planned} ran`, op.notRun > 0 ? `${op.notRun} not run` : '', op.violations > 0 ? c.red(plural(op.violations, 'failure')) : '', op.warnings > 0 ? c.yellow(plural(op.warnings, 'warning')) : '']
      .filter(Boolean)
      .join(', ');
  }

  private inconclusiveLines(op: OperationSummary, indent: string): string[] {
    if (op.verdict !== 'inconclusive') return [];
    return wrapText(`INCONCLUSIVE: ${printable(op.cause ?? 'too little could be tested to judge')}`, WIDTH, indent, `${indent}  `).map((l) => this.c.yellow(l));
  }

  private operationLines(op: OperationSummary): string[] {
    const { c } = this;
    const lines = wrapText(`${c.bold(printable(op.operationId))}  ${this.counts(op)}`, WIDTH, '  ', '    ');
    const where = `    ${op.method} ${printable(op.path)}`;
    const target = c.dim(`→ ${printable(op.target)}`);
    if (where.length + 2 + op.target.length + 2 <= WIDTH) lines.push(`${where}  ${target}`);
    else lines.push(where, `    ${target}`);
    lines.push(...this.inconclusiveLines(op, '    '));
    return lines;
  }

  /** One operation sent to several targets: its request line once, then a line per target with its counts. */
  private targetLines(targets: readonly OperationSummary[]): string[] {
    const { c } = this;
    const [first] = targets;
    const lines = [`  ${c.bold(printable(first!.operationId))}`, `    ${first!.method} ${printable(first!.path)}`];
    const nameWidth = Math.max(...targets.map((t) => t.targetName.length));
    for (const t of targets) {
      // A target the config does not name is named by its URL: no need to say it twice.
      const where = t.targetName === t.target ? printable(t.target) : `${printable(t.targetName.padEnd(nameWidth))}  ${c.dim(printable(t.target))}`;
      lines.push(...wrapText(`→ ${where}  ${this.counts(t)}`, WIDTH, '    ', '        '));
      lines.push(...this.inconclusiveLines(t, '      '));
    }
    return lines;
  }

  private table(head: readonly string[], rows: readonly (readonly Cell[])[]): string {
    const [fittedHead, ...fittedRows] = fitColumns([head, ...rows.map((r) => r.map(([text]) => text))], WIDTH);
    const paintLines = (text: string, paint: Paint = (s) => s) => text.split('\n').map(paint).join('\n');
    // cli-table3's own colours are off: picocolors decides, so NO_COLOR and pipes are honoured in one place.
    const table = new Table({ head: fittedHead!.map((h) => paintLines(h, this.c.bold)), style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 }, chars: COMPACT });
    fittedRows.forEach((row, i) => table.push(row.map((text, col) => paintLines(text, rows[i]![col]![1]))));
    return table.toString();
  }

  /** `FAIL`/`warn` show the verdicts that broke a rule of that severity out of all judged. */
  private cell({ outcome, passed, failed, warned }: CheckCell): Cell {
    const judged = passed + failed + warned;
    switch (outcome) {
      case 'fail':
        return [`FAIL ${failed}/${judged}`, this.c.red];
      case 'warn':
        return [`warn ${warned}/${judged}`, this.c.yellow];
      case 'pass':
        return [`pass ${passed}`, this.c.green];
      default:
        return ['n/a', this.c.dim];
    }
  }

  /**
   * Whether rows fit the terminal without wrapping a cell: a matrix of squeezed cells is unreadable, so
   * a wider one is split instead. Callers leave out a head row that may wrap.
   */
  private fitsWhole(rows: readonly (readonly Cell[])[]): boolean {
    const columns = Math.max(0, ...rows.map((r) => r.length));
    const widths = Array.from({ length: columns }, (_, c) => Math.max(1, ...rows.map((r) => Math.max(...(r[c]?.[0] ?? '').split('\n').map((l) => l.length)))));
    return widths.reduce((a, b) => a + b, columns + 1 + 2 * columns) <= WIDTH;
  }

  private checkRows(report: RunReport, columns: ReportColumns, shown: readonly OperationSummary[]): Cell[][] {
    return [...new Set(report.checks.map((c) => c.check))].map((check): Cell[] => [
      [check],
      ...shown.map((column): Cell => {
        const cell = report.checks.find((c) => c.check === check && columns.holds(column, c));
        return cell ? this.cell(cell) : ['n/a', this.c.dim];
      }),
    ]);
  }

  /**
   * One table, a column per operation (and target). When targets make it too wide for the terminal:
   * one table per operation, a column per target, split again if even that does not fit.
   */
  private checkTables(report: RunReport, columns: ReportColumns): string[] {
    const all = columns.columns;
    const rows = this.checkRows(report, columns, all);
    if (!columns.severalTargets) return [this.table(['check', ...all.map((o) => printable(o.operationId))], rows)];
    // The head may wrap (operation ids are long); the cells must not.
    if (this.fitsWhole(rows)) return [this.table(['check', ...all.map((o) => `${printable(o.operationId)}\n@ ${printable(o.targetName)}`)], rows)];
    const head = (group: readonly OperationSummary[]): Cell[] => [['check'], ...group.map((o): Cell => [`@ ${printable(o.targetName)}`])];
    const byTarget = (group: readonly OperationSummary[]) => this.table(head(group).map(([text]) => text), this.checkRows(report, columns, group));
    return columns.operationIds().flatMap((id) => [
      this.c.bold(`  ${printable(id)}`),
      ...groupsThatFit(columns.of(id), (group) => this.fitsWhole([head(group), ...this.checkRows(report, columns, group)])).map(byTarget),
    ]);
  }

  private coverageCell(result: Coverage, passText: string, broken: Severity): Cell {
    switch (result) {
      case 'pass':
        return [passText, this.c.green];
      case 'fail':
        return broken === 'failure' ? ['FAIL', this.c.red] : ['warn', this.c.yellow];
      case 'not-run':
        return ['not run', this.c.yellow];
      default:
        return ['–', this.c.dim];
    }
  }

  private coverageTables(report: RunReport): string[] {
    const out: string[] = [];
    const broken = (rule: ConstraintCoverage) => brokenSeverity(report, rule);
    for (const op of report.operations) {
      const rows = report.coverage.filter((r) => r.operationId === op.operationId);
      const request = rows.filter((r) => !r.where.startsWith('response'));
      const response = rows.filter((r) => r.where.startsWith('response'));
      out.push(this.c.bold(`  ${printable(op.operationId)}`));
      // The kind is the id's last segment: no column of its own, so the table fits 80 columns.
      if (request.length > 0) {
        out.push(
          this.table(
            ['request constraint', 'boundary\naccepted', 'violation\nrejected'],
            request.map((r) => [
              [printable(r.constraintId)],
              this.coverageCell(r.boundaryAccepted, 'yes', broken(r)),
              this.coverageCell(r.violationRejected, 'yes', broken(r)),
            ]),
          ),
        );
      }
      // Response rules are many (one per schema keyword): one line per documented status, failures named.
      const byStatus = new Map<string, ConstraintCoverage[]>();
      for (const r of response) byStatus.set(r.where, [...(byStatus.get(r.where) ?? []), r]);
      for (const [where, list] of byStatus) out.push(...wrapText(`${printable(where)} constraints: ${this.responseSummary(report, list)}`, WIDTH, '  ', '    '));
    }
    return out;
  }

  /** How the response rules of one documented status fared: counts, and the broken ones named. */
  private responseSummary(report: RunReport, list: readonly ConstraintCoverage[]): string {
    const broken = (rule: ConstraintCoverage) => brokenSeverity(report, rule);
    const failed = list.filter((r) => r.responseHonoured === 'fail' && broken(r) === 'failure');
    const warned = list.filter((r) => r.responseHonoured === 'fail' && broken(r) === 'warning');
    const honoured = list.filter((r) => r.responseHonoured === 'pass').length;
    const unseen = list.length - failed.length - warned.length - honoured;
    return [
      honoured > 0 ? this.c.green(`${honoured} honoured`) : '',
      failed.length > 0 ? this.c.red(`${failed.length} FAIL: ${failed.map((f) => printable(f.constraintId)).join(', ')}`) : '',
      warned.length > 0 ? this.c.yellow(`${warned.length} warn: ${warned.map((f) => printable(f.constraintId)).join(', ')}`) : '',
      unseen > 0 ? this.c.dim(`${unseen} not exercised`) : '',
    ]
      .filter(Boolean)
      .join(', ');
  }

  /** A request rule at one target in one cell: `boundary / violation`, coloured by the worse. */
  private compactCoverageCell(rule: ConstraintCoverage | undefined, broken: Severity): Cell {
    if (!rule) return ['n/a', this.c.dim];
    const [boundary, violation] = [this.coverageCell(rule.boundaryAccepted, 'yes', broken), this.coverageCell(rule.violationRejected, 'yes', broken)];
    const results = [rule.boundaryAccepted, rule.violationRejected];
    const worst = results.includes('fail') ? (broken === 'failure' ? this.c.red : this.c.yellow) : results.includes('not-run') ? this.c.yellow : results.includes('pass') ? this.c.green : this.c.dim;
    // Neither side ran: said once, so the cell stays narrow.
    return [rule.boundaryAccepted === 'not-run' && rule.violationRejected === 'not-run' ? 'not run' : `${boundary[0]} / ${violation[0]}`, worst];
  }

  /**
   * Coverage of operations sent to several targets: per operation, one table of its request rules with
   * a column per target (split when too wide), and one line per documented status naming each target.
   */
  private coverageMatrices(report: RunReport, columns: ReportColumns): string[] {
    const { c } = this;
    const out: string[] = [c.dim('  request rules per target: boundary accepted / violation rejected')];
    for (const id of columns.operationIds()) {
      const targets = columns.of(id);
      const rules = (target: OperationSummary) => report.coverage.filter((r) => columns.holds(target, r));
      const requestIds = [...new Set(targets.flatMap((t) => rules(t).filter((r) => !r.where.startsWith('response')).map((r) => r.constraintId)))];
      out.push(c.bold(`  ${printable(id)}`));
      const body = (group: readonly OperationSummary[]) =>
        requestIds.map((ruleId): Cell[] => [
          [printable(ruleId)],
          ...group.map((t) => {
            const rule = rules(t).find((r) => r.constraintId === ruleId);
            return this.compactCoverageCell(rule, rule ? brokenSeverity(report, rule) : 'failure');
          }),
        ]);
      const head = (group: readonly OperationSummary[]): Cell[] => [['request constraint'], ...group.map((t): Cell => [`@ ${printable(t.targetName)}`])];
      const table = (group: readonly OperationSummary[]) => this.table(head(group).map(([text]) => text), body(group));
      if (requestIds.length > 0) out.push(...groupsThatFit(targets, (group) => this.fitsWhole([head(group), ...body(group)])).map(table));
      const statuses = [...new Set(targets.flatMap((t) => rules(t).filter((r) => r.where.startsWith('response')).map((r) => r.where)))];
      for (const where of statuses) {
        const summaries = targets.map((t) => ({ t, text: this.responseSummary(report, rules(t).filter((r) => r.where === where)) }));
        // The same at every target is said once: the differences between targets are what stands out.
        const text = summaries.every((s) => s.text === summaries[0]!.text)
          ? `${printable(where)} constraints${targets.length > 1 ? ', every target' : ''}: ${summaries[0]!.text}`
          : `${printable(where)} constraints: ${summaries.map((s) => `@ ${printable(s.t.targetName)} ${s.text || c.dim('none')}`).join('; ')}`;
        out.push(...wrapText(text, WIDTH, '  ', '    '));
      }
    }
    return out;
  }

  private notRunLines(report: RunReport, columns: ReportColumns): string[] {
    const reasons = new Map<string, number>();
    for (const n of report.notRun) reasons.set(n.reason, (reasons.get(n.reason) ?? 0) + 1);
    const sorted = [...reasons].sort((a, b) => b[1] - a[1]);
    // With several targets, which ones each reason held back: one region may lack a fixture the other has.
    const at = (reason: string) => {
      if (!columns.severalTargets) return '';
      const counts = new Map<string, number>();
      for (const n of report.notRun) if (n.reason === reason) counts.set(n.target, (counts.get(n.target) ?? 0) + 1);
      return ` (${[...counts].map(([target, count]) => `@ ${printable(target)} ${count}`).join(', ')})`;
    };
    const lines = [this.c.yellow(`${report.notRun.length} case(s) not run:`)];
    for (const [reason, count] of sorted.slice(0, 5)) lines.push(...wrapText(`${count} × ${printable(reason)}${at(reason)}`, WIDTH, '  ', '      '));
    if (sorted.length > 5) lines.push(this.c.dim(`  … and ${sorted.length - 5} other reason(s): see the JSON report`));
    return lines;
  }

  /** A body or excerpt, its long lines cut into pieces that fit beside the indent. */
  private block(text: string, indent: string): string[] {
    const width = WIDTH - indent.length;
    const lines = truncate(printable(text), this.excerptChars)
      .split('\n')
      .flatMap((l) => {
        // Cut by code points, so a character outside the BMP (an emoji) is never split in half.
        const points = [...l];
        return points.length <= width ? [l] : Array.from({ length: Math.ceil(points.length / width) }, (_, i) => points.slice(i * width, (i + 1) * width).join(''));
      });
    const shown = lines.slice(0, this.excerptLines).map((l) => `${indent}${l}`);
    if (lines.length > this.excerptLines) shown.push(`${indent}${this.c.dim(`… ${lines.length - this.excerptLines} more line(s)`)}`);
    return shown;
  }

  private findingLines(report: RunReport, columns: ReportColumns): string[] {
    const { c } = this;
    // "No findings" is good news only when the run could judge: an inconclusive run says it plainly.
    if (report.findings.length === 0) return [report.summary.verdict === 'conforming' ? c.green('No findings.') : 'No findings.'];
    const indexed = report.findings.map((finding, index) => ({ finding, index }));
    const failures = indexed.filter((e) => e.finding.severity === 'failure');
    const warnings = indexed.filter((e) => e.finding.severity === 'warning');
    const out: string[] = [];
    let n = 0;
    const section = (title: string, entries: typeof indexed, severity: Severity) => {
      if (entries.length === 0) return;
      if (out.length > 0) out.push('');
      out.push(...title.split('\n'));
      // Grouped per operation, and per target when there are several, in the order the findings come.
      const groupOf = (f: Finding) => columns.label(f.operationId, f.target);
      for (const group of [...new Set(entries.map((e) => groupOf(e.finding)))]) {
        out.push('', c.bold(c.underline(printable(group))));
        for (const { finding, index } of entries) if (groupOf(finding) === group) out.push('', ...this.finding(report, finding, index, (n += 1), severity, columns.severalTargets));
      }
    };
    section(c.bold(`Failures (${failures.length} distinct)`), failures, 'failure');
    section(`${c.bold(`Warnings (${warnings.length} distinct)`)}\n${c.dim("Not failing: rules the page does not state, or audited clients' requests.")}`, warnings, 'warning');
    return out;
  }

  private finding(report: RunReport, f: Finding, index: number, n: number, severity: Severity, nameTarget: boolean): string[] {
    const { c } = this;
    const count = report.occurrences[index] ?? 1;
    const isNew = report.baseline !== undefined && report.baseline.new.includes(f.key);
    const paint = severity === 'failure' ? c.red : c.yellow;
    // The target leads the heading: a reader scanning the findings sees at once which server answered.
    const title = [paint(`[${n}]`), nameTarget ? c.bold(`@ ${printable(f.target)}`) : '', paint(f.check), f.constraintId ? c.cyan(printable(f.constraintId)) : '', paint(`[${f.provenance}]`), count > 1 ? c.dim(`(${count} occurrences)`) : '', isNew ? c.yellow('NEW') : '']
      .filter(Boolean)
      .join(' ');
    const out = [...wrapText(title, WIDTH, '', '    '), ...wrapText(printable(f.message), WIDTH, '    ')];
    out.push(...wrapText(`${printable(f.caseId)} (${f.intent.kind}: ${printable(f.intent.label)})`, WIDTH, `    ${c.dim('case')}      `, PAD));
    out.push(`    ${c.dim('request')}   ${f.request.method} ${printable(f.request.url)}`);
    for (const [name, value] of Object.entries(f.request.headers)) out.push(`${PAD}${printable(name)}: ${printable(value)}`);
    if (f.request.bodyText !== undefined) out.push(...this.block(f.request.bodyText, PAD));
    if (f.response) {
      out.push(`    ${c.dim('response')}  ${f.response.status}${f.response.contentType ? ` ${printable(f.response.contentType)}` : ''}`);
      out.push(...this.block(f.response.bodyExcerpt, PAD));
    }
    if (f.failure) out.push(...wrapText(`${f.failure.kind}: ${printable(f.failure.message)}`, WIDTH, `    ${c.dim('failure')}   `, PAD));
    // Commands stay on one line each, however long: they are copied and pasted as they are.
    out.push(`    ${c.dim('curl')}      ${printable(f.curl)}`);
    out.push(`    ${c.dim('replay')}    ${printable(f.replay)}`);
    return out;
  }

  private displayPath(path: string): string {
    const rel = relative(this.cwd, path);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
  }
}
