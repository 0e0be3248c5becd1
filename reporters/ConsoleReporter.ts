import { relative, isAbsolute } from 'node:path';
import Table from 'cli-table3';
import picocolors from 'picocolors';
import type { CaseResult } from '../src/model/CaseResult.ts';
import type { Finding } from '../src/model/Finding.ts';
import { findingKey } from '../src/model/findingKey.ts';
import type { Severity } from '../src/model/Provenance.ts';
import type { CheckCell, ConstraintCoverage, RunReport, RunVerdict } from '../src/model/RunReport.ts';
import { brokenSeverity } from './brokenSeverity.ts';
import { fitColumns } from './fitColumns.ts';
import { printable } from './printable.ts';
import type { RunListener, RunStart } from '../src/model/RunListener.ts';
import { ReportFiles } from './ReportFiles.ts';
import { truncate } from './truncate.ts';
import { verdictLine } from './verdictLine.ts';
import { wrapText } from './wrapText.ts';

interface Output {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export interface ConsoleReporterOptions {
  /** Where the summary goes (default process.stdout). */
  readonly stdout?: Output;
  /** Where live progress goes (default process.stderr). */
  readonly stderr?: Output;
  /** Live progress; default: stderr is a TTY and CI is not "true". */
  readonly progress?: boolean;
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

/**
 * The human view of a run: live progress on stderr while it runs (interactive terminals only), then on
 * stdout a summary a reader takes in within a minute, within 80 columns: operation x check, constraint
 * coverage, each distinct failure and then each warning once with its minimal request, curl and replay
 * commands, the report files, the verdict and, for an inconclusive run, its causes.
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
  }

  onRunStart(start: RunStart): void {
    for (const [operationId, count] of Object.entries(start.planned)) this.planned.set(operationId, count);
  }

  onCaseResult(result: CaseResult): void {
    const { operationId } = result.case;
    this.done.set(operationId, (this.done.get(operationId) ?? 0) + 1);
    if (result.status === 'ran') {
      // Counted by the key the report will give each finding, so the live count matches the end.
      const { response, failure } = result.exchange;
      const answer = { ...(response ? { response: { status: response.status, bodyExcerpt: '' } } : {}), ...(failure ? { failure } : {}) };
      for (const v of result.verdicts) {
        if (v.outcome === 'fail') this.failing.add(findingKey({ operationId, check: v.check, ...(v.constraintId ? { constraintId: v.constraintId } : {}), intent: result.case.intent, caseId: result.case.id, ...answer }));
      }
    }
    if (!this.progress) return;
    // Redraw at most ten times a second: thousands of cases must not flood the terminal.
    const now = Date.now();
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
    const parts = [`cases ${done}/${total}`];
    if (explored > 0) parts.push(`+${explored} explored`);
    if (this.failing.size > 0) parts.push(this.c.yellow(plural(this.failing.size, 'finding')));
    this.stderr.write(`\r\u001b[K${parts.join(' · ')}`);
    this.drawn = true;
  }

  async onRunEnd(report: RunReport): Promise<void> {
    if (this.drawn) this.stderr.write('\r\u001b[K');
    const written = await this.files.written();
    this.stdout.write(`${this.render(report, written)}\n`);
  }

  /** The end-of-run text (no progress), exposed for tests and for a `report` command reading a report.json. */
  render(report: RunReport, written: readonly string[] = []): string {
    const { c } = this;
    const out: string[] = [];
    out.push(c.bold(`${report.tool.name} ${report.tool.version}`) + c.dim(` · ${report.command} · seed ${report.seed} · ${(report.durationMs / 1000).toFixed(1)} s`));
    for (const op of report.operations) out.push(...this.operationLines(op));
    out.push('', c.bold('Checks'), this.checkTable(report));
    out.push('', c.bold('Constraint coverage'), ...this.coverageTables(report));
    if (report.notRun.length > 0) out.push('', ...this.notRunLines(report));
    out.push('', ...this.findingLines(report));
    if (written.length > 0) {
      out.push('', c.bold('Reports'));
      for (const path of written) out.push(`  ${this.displayPath(path)}`);
    }
    const paint = this.verdictPaint(report.summary.verdict);
    out.push('', ...wrapText(verdictLine(report), WIDTH, '', '  ').map((l) => paint(c.bold(l))));
    if (report.summary.verdict === 'inconclusive') for (const cause of report.summary.causes) out.push(...wrapText(printable(cause), WIDTH, '  - ', '    '));
    return out.join('\n');
  }

  /** Green only for a conforming run: an inconclusive or stopped run is yellow, never green. */
  private verdictPaint(verdict: RunVerdict): Paint {
    if (verdict === 'conforming') return this.c.green;
    if (verdict === 'not-conforming') return this.c.red;
    return this.c.yellow;
  }

  private operationLines(op: RunReport['operations'][number]): string[] {
    const { c } = this;
    const counts = [`${op.ran}/${op.planned} ran`, op.notRun > 0 ? `${op.notRun} not run` : '', op.violations > 0 ? c.red(plural(op.violations, 'failure')) : '', op.warnings > 0 ? c.yellow(plural(op.warnings, 'warning')) : '']
      .filter(Boolean)
      .join(', ');
    const lines = wrapText(`${c.bold(printable(op.operationId))}  ${counts}`, WIDTH, '  ', '    ');
    const where = `    ${op.method} ${printable(op.path)}`;
    const target = c.dim(`→ ${printable(op.target)}`);
    if (where.length + 2 + op.target.length + 2 <= WIDTH) lines.push(`${where}  ${target}`);
    else lines.push(where, `    ${target}`);
    if (op.verdict === 'inconclusive') lines.push(...wrapText(`INCONCLUSIVE: ${printable(op.cause ?? 'too little could be tested to judge')}`, WIDTH, '    ', '      ').map((l) => c.yellow(l)));
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

  private checkTable(report: RunReport): string {
    const operations = report.operations.map((o) => o.operationId);
    const checks = [...new Set(report.checks.map((c) => c.check))];
    const rows = checks.map((check): Cell[] => [
      [check],
      ...operations.map((op): Cell => {
        const cell = report.checks.find((c) => c.operationId === op && c.check === check);
        return cell ? this.cell(cell) : ['n/a', this.c.dim];
      }),
    ]);
    return this.table(['check', ...operations.map(printable)], rows);
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
      for (const [where, list] of byStatus) {
        const failed = list.filter((r) => r.responseHonoured === 'fail' && broken(r) === 'failure');
        const warned = list.filter((r) => r.responseHonoured === 'fail' && broken(r) === 'warning');
        const honoured = list.filter((r) => r.responseHonoured === 'pass').length;
        const unseen = list.length - failed.length - warned.length - honoured;
        const parts = [
          honoured > 0 ? this.c.green(`${honoured} honoured`) : '',
          failed.length > 0 ? this.c.red(`${failed.length} FAIL: ${failed.map((f) => printable(f.constraintId)).join(', ')}`) : '',
          warned.length > 0 ? this.c.yellow(`${warned.length} warn: ${warned.map((f) => printable(f.constraintId)).join(', ')}`) : '',
          unseen > 0 ? this.c.dim(`${unseen} not exercised`) : '',
        ].filter(Boolean);
        out.push(...wrapText(`${printable(where)} constraints: ${parts.join(', ')}`, WIDTH, '  ', '    '));
      }
    }
    return out;
  }

  private notRunLines(report: RunReport): string[] {
    const reasons = new Map<string, number>();
    for (const n of report.notRun) reasons.set(n.reason, (reasons.get(n.reason) ?? 0) + 1);
    const sorted = [...reasons].sort((a, b) => b[1] - a[1]);
    const lines = [this.c.yellow(`${report.notRun.length} case(s) not run:`)];
    for (const [reason, count] of sorted.slice(0, 5)) lines.push(...wrapText(`${count} × ${printable(reason)}`, WIDTH, '  ', '      '));
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

  private findingLines(report: RunReport): string[] {
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
      for (const op of [...new Set(entries.map((e) => e.finding.operationId))]) {
        out.push('', c.bold(c.underline(printable(op))));
        for (const { finding, index } of entries) if (finding.operationId === op) out.push('', ...this.finding(report, finding, index, (n += 1), severity));
      }
    };
    section(c.bold(`Failures (${failures.length} distinct)`), failures, 'failure');
    section(`${c.bold(`Warnings (${warnings.length} distinct)`)}\n${c.dim('Rules the vendor page does not state: reported, not failing the run.')}`, warnings, 'warning');
    return out;
  }

  private finding(report: RunReport, f: Finding, index: number, n: number, severity: Severity): string[] {
    const { c } = this;
    const count = report.occurrences[index] ?? 1;
    const isNew = report.baseline !== undefined && report.baseline.new.includes(f.key);
    const paint = severity === 'failure' ? c.red : c.yellow;
    const title = [paint(`[${n}] ${f.check}`), f.constraintId ? c.cyan(printable(f.constraintId)) : '', paint(`[${f.provenance}]`), count > 1 ? c.dim(`(${count} occurrences)`) : '', isNew ? c.yellow('NEW') : '']
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
