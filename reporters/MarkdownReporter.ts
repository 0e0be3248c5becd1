import type { Finding } from '../src/model/Finding.ts';
import type { ConstraintCoverage, RunReport, RunVerdict } from '../src/model/RunReport.ts';
import { brokenSeverity } from './brokenSeverity.ts';
import type { FileReporterOptions } from './FileReporterOptions.ts';
import type { RunListener } from '../src/model/RunListener.ts';
import { ReportColumns } from './ReportColumns.ts';
import { ReportFiles } from './ReportFiles.ts';
import { truncate } from './truncate.ts';
import { verdictLine } from './verdictLine.ts';
import { NOTE_HEADINGS, verdictNotes } from './verdictNotes.ts';
import { taskLines } from './taskLines.ts';

export interface MarkdownReporterOptions extends FileReporterOptions {
  /** Findings shown in the comment; the rest are counted (default 10). */
  readonly topFindings?: number;
}

/** Text inside a table cell or a heading: no pipes, no newlines, no HTML or Markdown syntax from the server. */
function inline(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_{}[\]<>|#!]/g, (c) => `\\${c}`);
}

/** A fenced block long enough that the content cannot close it. */
function fenced(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}\n${text}\n${fence}`;
}

function detailsOf(f: Finding): string {
  const request = [`${f.request.method} ${f.request.url}`, ...Object.entries(f.request.headers).map(([n, v]) => `${n}: ${v}`)];
  if (f.request.bodyText !== undefined) request.push('', truncate(f.request.bodyText, 300));
  const parts = [
    '<details><summary>request, response, reproduction</summary>',
    '',
    `Case ${inline(f.caseId)} (${inline(f.intent.kind)}: ${inline(f.intent.label)}), seed ${f.seed}`,
    '',
    fenced(request.join('\n')),
  ];
  if (f.response) parts.push('', `Response ${f.response.status}${f.response.contentType ? ` (${inline(f.response.contentType)})` : ''}:`, '', fenced(truncate(f.response.bodyExcerpt, 300)));
  if (f.failure) parts.push('', `No response: ${inline(f.failure.kind)}: ${inline(f.failure.message)}`);
  parts.push('', fenced(`${f.curl}\n${f.replay}`), '', '</details>');
  return parts.join('\n');
}

const ICONS: Readonly<Record<RunVerdict, string>> = { conforming: '✅', 'not-conforming': '❌', inconclusive: '⚠️', interrupted: '⚠️' };

/** A constraint id in a table cell: code, without backticks that would end it. */
function code(id: string): string {
  return `\`${id.replace(/`/g, '')}\``;
}

/**
 * One row of the coverage table of a run with several targets: how many request rules had their
 * boundary accepted and their violation rejected (broken ones named), rules not run, response rules broken.
 */
function coverageRow(report: RunReport, label: string, rules: readonly ConstraintCoverage[]): string {
  const request = rules.filter((r) => !r.where.startsWith('response'));
  const tally = (side: 'boundaryAccepted' | 'violationRejected' | 'responseHonoured', list: readonly ConstraintCoverage[]) => {
    const judged = list.filter((r) => r[side] === 'pass' || r[side] === 'fail');
    const broken = judged.filter((r) => r[side] === 'fail');
    const named = broken.map((r) => `${brokenSeverity(report, r) === 'failure' ? '**FAIL**' : 'warn'} ${code(r.constraintId)}`);
    return `${judged.length - broken.length}/${judged.length}${named.length > 0 ? ` (${named.join(', ')})` : ''}`;
  };
  const notRun = request.filter((r) => r.boundaryAccepted === 'not-run' || r.violationRejected === 'not-run').length;
  const response = rules.filter((r) => r.where.startsWith('response'));
  return `| ${inline(label)} | ${tally('boundaryAccepted', request)} | ${tally('violationRejected', request)} | ${notRun} | ${tally('responseHonoured', response)} |`;
}

function findingLine(report: RunReport, f: Finding, n: number, fresh: ReadonlySet<string>, columns: ReportColumns): string[] {
  const index = report.findings.indexOf(f);
  const count = report.occurrences[index] ?? 1;
  const tags = [f.constraintId ? `\`${f.constraintId.replace(/`/g, '')}\`` : '', `[${f.provenance}]`, count > 1 ? `×${count}` : '', report.baseline && fresh.has(f.key) ? '**new**' : '']
    .filter(Boolean)
    .join(' ');
  return [`${n}. **${inline(columns.label(f.operationId, f.target))}** · ${inline(f.check)} ${tags}: ${inline(truncate(f.message, 200))}`, '', detailsOf(f), ''];
}

/**
 * Writes `summary.md`: a short pull-request comment: the verdict (and every inconclusive cause, also
 * under a NOT CONFORMING verdict), failures and warnings per operation, operation x check, the top
 * failures, then the warnings folded in one <details>. With several targets: a target column in the
 * summary, (operation @ target) columns in the check matrix, a coverage row per (operation, target),
 * findings naming their target.
 */
export class MarkdownReporter implements RunListener {
  private readonly files: ReportFiles;

  constructor(private readonly options: MarkdownReporterOptions) {
    this.files = options.files ?? new ReportFiles();
  }

  static render(report: RunReport, topFindings = 10): string {
    const out = [`### ${ICONS[report.summary.verdict]} ${inline(verdictLine(report))}`, ''];
    const { verdict, causes } = report.summary;
    // A NOT CONFORMING run may still have an operation or target that could not be judged: name it too.
    if (causes.length > 0) out.push(...(verdict === 'inconclusive' ? [] : ['⚠️ **also INCONCLUSIVE:**', '']), ...causes.map((c) => `- ${inline(c)}`), '');
    const notes = verdictNotes(report);
    for (const [heading, lines] of [
      [NOTE_HEADINGS.unverified, notes.unverified],
      [NOTE_HEADINGS.relaxed, notes.relaxed],
    ] as const) {
      if (lines.length > 0) out.push(`⚠️ **${heading}:**`, '', ...lines.map((l) => `- ${inline(l)}`), '');
    }
    const columns = new ReportColumns(report);
    const several = columns.severalTargets;
    out.push(
      several ? '| operation | target | ran | failures | warnings | verdict |' : '| operation | ran | failures | warnings | verdict |',
      several ? '| --- | --- | --- | --- | --- | --- |' : '| --- | --- | --- | --- | --- |',
    );
    for (const op of report.operations) {
      const verdict = op.verdict === 'inconclusive' && op.cause ? `inconclusive: ${inline(op.cause)}` : op.verdict;
      const target = several ? ` ${inline(op.targetName)}${op.targetNamed ? ` (${inline(op.target)})` : ''} |` : '';
      out.push(`| ${inline(op.operationId)} |${target} ${op.ran}/${op.planned} | ${op.violations} | ${op.warnings} | ${verdict} |`);
    }
    const heads = columns.columns.map((o) => inline(columns.label(o.operationId, o.targetName)));
    out.push('', `| check | ${heads.join(' | ')} |`, `| --- | ${heads.map(() => '---').join(' | ')} |`);
    for (const check of [...new Set(report.checks.map((c) => c.check))]) {
      const cells = columns.columns.map((column) => {
        const cell = report.checks.find((c) => c.check === check && columns.holds(column, c));
        if (!cell || cell.outcome === 'n/a') return 'n/a';
        if (cell.outcome === 'fail') return `**FAIL** (${cell.failed})`;
        return cell.outcome === 'warn' ? `warn (${cell.warned})` : 'pass';
      });
      out.push(`| ${inline(check)} | ${cells.join(' | ')} |`);
    }
    if (several) {
      // Where the targets differ is the point of running several: a coverage row each, broken rules named.
      out.push('', '| coverage | boundary accepted | violation rejected | request rules not run | response rules honoured |', '| --- | --- | --- | --- | --- |');
      for (const column of columns.columns)
        out.push(
          coverageRow(
            report,
            columns.label(column.operationId, column.targetName),
            report.coverage.filter((r) => columns.holds(column, r)),
          ),
        );
    }
    const tasks = taskLines(report);
    if (tasks.length > 0) out.push('', `**Tasks:** ${inline(tasks[0]!)}`, '', ...tasks.slice(1).map((l) => `- ${inline(l)}`));
    const fresh = new Set(report.baseline?.new ?? []);
    const failures = report.findings.filter((f) => f.severity === 'failure');
    const warnings = report.findings.filter((f) => f.severity === 'warning');
    if (failures.length > 0) {
      out.push('', `#### Failures (${failures.length} distinct)`, '');
      failures.slice(0, topFindings).forEach((f, i) => out.push(...findingLine(report, f, i + 1, fresh, columns)));
      if (failures.length > topFindings) out.push(`… and ${failures.length - topFindings} more in the full report.`);
    }
    if (warnings.length > 0) {
      // Folded: warnings are rules the page does not state (or an audited client's requests); a reviewer opens them when they care.
      out.push(
        '',
        `#### Warnings (${warnings.length} distinct)`,
        '',
        `<details><summary>${warnings.length} warning(s): rules the vendor page does not state, or the requests of audited clients; reported, not failing the run (--strict fails them)</summary>`,
        '',
      );
      warnings.slice(0, topFindings).forEach((f, i) => out.push(...findingLine(report, f, i + 1, fresh, columns)));
      if (warnings.length > topFindings) out.push(`… and ${warnings.length - topFindings} more in the full report.`, '');
      out.push('</details>');
    }
    if (report.baseline && report.baseline.fixed.length > 0) out.push('', `Fixed since the baseline: ${report.baseline.fixed.map((k) => `\`${k.replace(/`/g, '')}\``).join(', ')}`);
    out.push('', `<sub>${inline(report.tool.name)} ${inline(report.tool.version)} · seed ${report.seed} · ${(report.durationMs / 1000).toFixed(1)} s</sub>`, '');
    return out.join('\n');
  }

  async onRunEnd(report: RunReport): Promise<void> {
    await this.files.write(this.options.path, () => MarkdownReporter.render(report, this.options.topFindings));
  }
}
