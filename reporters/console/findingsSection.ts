import type { Finding } from '../../src/model/Finding.ts';
import type { Severity } from '../../src/model/Provenance.ts';
import type { RunReport } from '../../src/model/RunReport.ts';
import { printable } from '../printable.ts';
import type { ReportColumns } from '../ReportColumns.ts';
import { cutToWidth } from '../terminalWidth.ts';
import { truncate } from '../truncate.ts';
import { wrapText } from '../wrapText.ts';
import type { ConsoleContext } from './ConsoleContext.ts';

/** Where the finding details start, under `    case      `. */
const PAD = '              ';

/** A body or excerpt, its long lines cut into pieces that fit beside the indent. */
function block(ctx: ConsoleContext, text: string, indent: string): string[] {
  const lines = truncate(printable(text), ctx.excerptChars)
    .split('\n')
    .flatMap((l) => cutToWidth(l, ctx.width - indent.length));
  const shown = lines.slice(0, ctx.excerptLines).map((l) => `${indent}${l}`);
  if (lines.length > ctx.excerptLines) shown.push(`${indent}${ctx.c.dim(`… ${lines.length - ctx.excerptLines} more line(s)`)}`);
  return shown;
}

function findingLines(ctx: ConsoleContext, report: RunReport, f: Finding, index: number, n: number, severity: Severity, nameTarget: boolean): string[] {
  const { c, width } = ctx;
  const count = report.occurrences[index] ?? 1;
  const isNew = report.baseline !== undefined && report.baseline.new.includes(f.key);
  const paint = severity === 'failure' ? c.red : c.yellow;
  // The target leads the heading: a reader scanning the findings sees at once which server answered.
  const title = [
    paint(`[${n}]`),
    nameTarget ? c.bold(`@ ${printable(f.target)}`) : '',
    paint(f.check),
    f.constraintId ? c.cyan(printable(f.constraintId)) : '',
    paint(`[${f.provenance}]`),
    count > 1 ? c.dim(`(${count} occurrences)`) : '',
    isNew ? c.yellow('NEW') : '',
  ]
    .filter(Boolean)
    .join(' ');
  const out = [...wrapText(title, width, '', '    '), ...wrapText(printable(f.message), width, '    ')];
  out.push(...wrapText(`${printable(f.caseId)} (${f.intent.kind}: ${printable(f.intent.label)})`, width, `    ${c.dim('case')}      `, PAD));
  out.push(`    ${c.dim('request')}   ${f.request.method} ${printable(f.request.url)}`);
  for (const [name, value] of Object.entries(f.request.headers)) out.push(`${PAD}${printable(name)}: ${printable(value)}`);
  if (f.request.bodyText !== undefined) out.push(...block(ctx, f.request.bodyText, PAD));
  if (f.response) {
    out.push(`    ${c.dim('response')}  ${f.response.status}${f.response.contentType ? ` ${printable(f.response.contentType)}` : ''}`);
    out.push(...block(ctx, f.response.bodyExcerpt, PAD));
  }
  if (f.failure) out.push(...wrapText(`${f.failure.kind}: ${printable(f.failure.message)}`, width, `    ${c.dim('failure')}   `, PAD));
  // Commands stay on one line each, however long: they are copied and pasted as they are.
  out.push(`    ${c.dim('curl')}      ${printable(f.curl)}`);
  out.push(`    ${c.dim('replay')}    ${printable(f.replay)}`);
  return out;
}

/** Each distinct failure, then each warning, grouped per operation (and target), with its reproducer. */
export function findingsSection(ctx: ConsoleContext, report: RunReport, columns: ReportColumns): string[] {
  const { c } = ctx;
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
      for (const { finding, index } of entries) if (groupOf(finding) === group) out.push('', ...findingLines(ctx, report, finding, index, (n += 1), severity, columns.severalTargets));
    }
  };
  section(c.bold(`Failures (${failures.length} distinct)`), failures, 'failure');
  section(`${c.bold(`Warnings (${warnings.length} distinct)`)}\n${c.dim("Not failing: rules the page does not state, or audited clients' requests.")}`, warnings, 'warning');
  return out;
}
