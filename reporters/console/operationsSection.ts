import type { OperationSummary, RunReport } from '../../src/model/RunReport.ts';
import { printable } from '../printable.ts';
import type { ReportColumns } from '../ReportColumns.ts';
import { terminalWidth } from '../terminalWidth.ts';
import { wrapText } from '../wrapText.ts';
import { plural, type ConsoleContext } from './ConsoleContext.ts';

function counts({ c }: ConsoleContext, op: OperationSummary): string {
  return [
    `${op.ran}/${op.planned} ran`,
    op.notRun > 0 ? `${op.notRun} not run` : '',
    op.violations > 0 ? c.red(plural(op.violations, 'failure')) : '',
    op.warnings > 0 ? c.yellow(plural(op.warnings, 'warning')) : '',
  ]
    .filter(Boolean)
    .join(', ');
}

function inconclusiveLines(ctx: ConsoleContext, op: OperationSummary, indent: string): string[] {
  if (op.verdict !== 'inconclusive') return [];
  return wrapText(`INCONCLUSIVE: ${printable(op.cause ?? 'too little could be tested to judge')}`, ctx.width, indent, `${indent}  `).map((l) => ctx.c.yellow(l));
}

function operationLines(ctx: ConsoleContext, op: OperationSummary): string[] {
  const { c, width } = ctx;
  const lines = wrapText(`${c.bold(printable(op.operationId))}  ${counts(ctx, op)}`, width, '  ', '    ');
  const where = `    ${op.method} ${printable(op.path)}`;
  const target = c.dim(`→ ${printable(op.target)}`);
  if (terminalWidth(where) + 2 + terminalWidth(op.target) + 2 <= width) lines.push(`${where}  ${target}`);
  else lines.push(where, `    ${target}`);
  lines.push(...inconclusiveLines(ctx, op, '    '));
  return lines;
}

/** One operation sent to several targets: its request line once, then a line per target with its counts. */
function targetLines(ctx: ConsoleContext, targets: readonly OperationSummary[]): string[] {
  const { c, width } = ctx;
  const [first] = targets;
  const lines = [`  ${c.bold(printable(first!.operationId))}`, `    ${first!.method} ${printable(first!.path)}`];
  const names = targets.map((t) => printable(t.targetName));
  const nameWidth = Math.max(...names.map(terminalWidth));
  targets.forEach((t, i) => {
    const name = names[i]!;
    // A target the config does not name is named by its URL: no need to say it twice.
    const where = !t.targetNamed ? printable(t.target) : `${name}${' '.repeat(nameWidth - terminalWidth(name))}  ${c.dim(printable(t.target))}`;
    lines.push(...wrapText(`→ ${where}  ${counts(ctx, t)}`, width, '    ', '        '));
    lines.push(...inconclusiveLines(ctx, t, '      '));
  });
  return lines;
}

/** Under the heading: each operation (and target) with its request line and counts. */
export function operationsSection(ctx: ConsoleContext, report: RunReport, columns: ReportColumns): string[] {
  if (columns.severalTargets) return columns.operationIds().flatMap((id) => targetLines(ctx, columns.of(id)));
  return report.operations.flatMap((op) => operationLines(ctx, op));
}
