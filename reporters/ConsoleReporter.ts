import { relative, isAbsolute } from 'node:path';
import Table from 'cli-table3';
import picocolors from 'picocolors';
import type { CaseResult } from '../src/model/CaseResult.ts';
import type { Finding } from '../src/model/Finding.ts';
import type { CellOutcome, ConstraintCoverage, RunReport } from '../src/model/RunReport.ts';
import { findingKey } from '../src/regression/findingKey.ts';
import { printable } from './printable.ts';
import type { Reporter, RunStart } from './Reporter.ts';
import { ReportFiles } from './ReportFiles.ts';
import { truncate } from './truncate.ts';
import { verdictLine } from './verdictLine.ts';

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

/** No rule between body rows: a table of ten checks stays ten lines. */
const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

type Colors = ReturnType<typeof picocolors.createColors>;

type Coverage = ConstraintCoverage['boundaryAccepted'] | ConstraintCoverage['responseHonoured'];

/**
 * The human view of a run: live progress on stderr while it runs (interactive terminals only), then on
 * stdout a summary a reader takes in within a minute: operation x check, constraint coverage, each
 * distinct finding once with its minimal request, curl and replay commands, the report files, the verdict.
 */
export class ConsoleReporter implements Reporter {
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
  private readonly violations = new Set<string>();
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
      for (const v of result.verdicts) if (v.outcome === 'fail') this.violations.add(`${operationId}|${v.check}|${v.constraintId ?? ''}`);
    }
    if (!this.progress) return;
    // Redraw at most ten times a second: thousands of cases must not flood the terminal.
    const now = Date.now();
    if (now - this.lastDraw < 100) return;
    this.lastDraw = now;
    this.drawProgress();
  }

  private drawProgress(): void {
    const ids = [...new Set([...this.planned.keys(), ...this.done.keys()])];
    const parts = ids.map((id) => {
      const done = this.done.get(id) ?? 0;
      const planned = Math.max(this.planned.get(id) ?? 0, done);
      const found = [...this.violations].filter((k) => k.startsWith(`${id}|`)).length;
      return `${id} ${done}/${planned}${found > 0 ? this.c.red(` (${found} violation${found === 1 ? '' : 's'})`) : ''}`;
    });
    this.stderr.write(`\r\u001b[K${parts.join('  ·  ')}`);
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
    for (const op of report.operations) {
      out.push(`  ${c.bold(op.operationId)}  ${op.method} ${printable(op.path)}  ${c.dim(`→ ${printable(op.target)}`)}  ${op.ran}/${op.planned} ran${op.notRun > 0 ? `, ${op.notRun} not run` : ''}`);
    }
    out.push('', c.bold('Checks'), this.checkTable(report));
    out.push('', c.bold('Constraint coverage'), ...this.coverageTables(report));
    if (report.notRun.length > 0) out.push('', ...this.notRunLines(report));
    out.push('', ...this.findingLines(report));
    if (written.length > 0) {
      out.push('', c.bold('Reports'));
      for (const path of written) out.push(`  ${this.displayPath(path)}`);
    }
    const verdict = verdictLine(report);
    out.push('', report.summary.conforming ? c.green(c.bold(verdict)) : c.red(c.bold(verdict)));
    return out.join('\n');
  }

  private table(head: string[]): Table.Table {
    // cli-table3's own colours are off: picocolors decides, so NO_COLOR and pipes are honoured in one place.
    return new Table({ head: head.map((h) => this.c.bold(h)), style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 }, chars: COMPACT });
  }

  private cell(outcome: CellOutcome, passed: number, failed: number): string {
    if (outcome === 'fail') return this.c.red(`FAIL ${failed}/${passed + failed}`);
    if (outcome === 'pass') return this.c.green(`pass ${passed}`);
    return this.c.dim('n/a');
  }

  private checkTable(report: RunReport): string {
    const operations = report.operations.map((o) => o.operationId);
    const checks = [...new Set(report.checks.map((c) => c.check))];
    const table = this.table(['check', ...operations]);
    for (const check of checks) {
      table.push([
        check,
        ...operations.map((op) => {
          const cell = report.checks.find((c) => c.operationId === op && c.check === check);
          return cell ? this.cell(cell.outcome, cell.passed, cell.failed) : this.c.dim('n/a');
        }),
      ]);
    }
    return table.toString();
  }

  private coverageCell(result: Coverage, passText: string): string {
    switch (result) {
      case 'pass':
        return this.c.green(passText);
      case 'fail':
        return this.c.red('FAIL');
      case 'not-run':
        return this.c.yellow('not run');
      default:
        return this.c.dim('–');
    }
  }

  private coverageTables(report: RunReport): string[] {
    const out: string[] = [];
    for (const op of report.operations) {
      const rows = report.coverage.filter((r) => r.operationId === op.operationId);
      const request = rows.filter((r) => !r.where.startsWith('response'));
      const response = rows.filter((r) => r.where.startsWith('response'));
      out.push(this.c.bold(`  ${op.operationId}`));
      if (request.length > 0) {
        const table = this.table(['request constraint', 'kind', 'boundary accepted', 'violation rejected']);
        for (const r of request) table.push([printable(r.constraintId), r.kind, this.coverageCell(r.boundaryAccepted, 'yes'), this.coverageCell(r.violationRejected, 'yes')]);
        out.push(table.toString());
      }
      // Response rules are many (one per schema keyword): one line per documented status, failures named.
      const byStatus = new Map<string, ConstraintCoverage[]>();
      for (const r of response) byStatus.set(r.where, [...(byStatus.get(r.where) ?? []), r]);
      for (const [where, list] of byStatus) {
        const failed = list.filter((r) => r.responseHonoured === 'fail');
        const honoured = list.filter((r) => r.responseHonoured === 'pass').length;
        const unseen = list.length - failed.length - honoured;
        const parts = [
          honoured > 0 ? this.c.green(`${honoured} honoured`) : '',
          failed.length > 0 ? this.c.red(`${failed.length} FAIL: ${failed.map((f) => printable(f.constraintId)).join(', ')}`) : '',
          unseen > 0 ? this.c.dim(`${unseen} not exercised`) : '',
        ].filter(Boolean);
        out.push(`  ${where} constraints: ${parts.join(', ')}`);
      }
    }
    return out;
  }

  private notRunLines(report: RunReport): string[] {
    const reasons = new Map<string, number>();
    for (const n of report.notRun) reasons.set(n.reason, (reasons.get(n.reason) ?? 0) + 1);
    const sorted = [...reasons].sort((a, b) => b[1] - a[1]);
    const lines = [this.c.yellow(`${report.notRun.length} case(s) not run:`)];
    for (const [reason, count] of sorted.slice(0, 5)) lines.push(`  ${count} × ${printable(reason)}`);
    if (sorted.length > 5) lines.push(this.c.dim(`  … and ${sorted.length - 5} other reason(s): see the JSON report`));
    return lines;
  }

  private block(text: string, indent: string): string[] {
    const lines = truncate(printable(text), this.excerptChars).split('\n');
    const shown = lines.slice(0, this.excerptLines).map((l) => `${indent}${l}`);
    if (lines.length > this.excerptLines) shown.push(`${indent}${this.c.dim(`… ${lines.length - this.excerptLines} more line(s)`)}`);
    return shown;
  }

  private findingLines(report: RunReport): string[] {
    const { c } = this;
    if (report.findings.length === 0) return [c.green('No findings.')];
    const fresh = new Set(report.baseline?.new ?? []);
    const out = [c.bold(`Findings (${report.findings.length} distinct)`)];
    const pad = '              ';
    let n = 0;
    for (const op of [...new Set(report.findings.map((f) => f.operationId))]) {
      out.push('', c.bold(c.underline(printable(op))));
      report.findings.forEach((f: Finding, index) => {
        if (f.operationId !== op) return;
        n += 1;
        const count = report.occurrences[index] ?? 1;
        const isNew = report.baseline !== undefined && fresh.has(findingKey(f));
        const title = [c.red(`[${n}] ${f.check}`), f.constraintId ? c.cyan(printable(f.constraintId)) : '', count > 1 ? c.dim(`(${count} occurrences)`) : '', isNew ? c.yellow('NEW') : '']
          .filter(Boolean)
          .join('  ');
        out.push('', title, `    ${printable(f.message)}`);
        out.push(`    ${c.dim('case')}      ${printable(f.caseId)} (${f.intent.kind}: ${printable(f.intent.label)})`);
        out.push(`    ${c.dim('request')}   ${f.request.method} ${printable(f.request.url)}`);
        for (const [name, value] of Object.entries(f.request.headers)) out.push(`${pad}${printable(name)}: ${printable(value)}`);
        if (f.request.bodyText !== undefined) out.push(...this.block(f.request.bodyText, pad));
        if (f.response) {
          out.push(`    ${c.dim('response')}  ${f.response.status}${f.response.contentType ? ` ${printable(f.response.contentType)}` : ''}`);
          out.push(...this.block(f.response.bodyExcerpt, pad));
        }
        if (f.failure) out.push(`    ${c.dim('failure')}   ${f.failure.kind}: ${printable(f.failure.message)}`);
        out.push(`    ${c.dim('curl')}      ${printable(f.curl)}`);
        out.push(`    ${c.dim('replay')}    ${printable(f.replay)}`);
      });
    }
    return out;
  }

  private displayPath(path: string): string {
    const rel = relative(this.cwd, path);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
  }
}
