import type { CheckCell, OperationSummary, RunReport } from '../../src/model/RunReport.ts';
import { printable } from '../printable.ts';
import type { ReportColumns } from '../ReportColumns.ts';
import type { ConsoleContext } from './ConsoleContext.ts';
import type { Cell, TableLayout } from './TableLayout.ts';

/** `FAIL`/`warn` show the verdicts that broke a rule of that severity out of all judged. */
function checkCell({ c }: ConsoleContext, { outcome, passed, failed, warned }: CheckCell): Cell {
  const judged = passed + failed + warned;
  switch (outcome) {
    case 'fail':
      return [`FAIL ${failed}/${judged}`, c.red];
    case 'warn':
      return [`warn ${warned}/${judged}`, c.yellow];
    case 'pass':
      return [`pass ${passed}`, c.green];
    default:
      return ['n/a', c.dim];
  }
}

function checkRows(ctx: ConsoleContext, report: RunReport, columns: ReportColumns, shown: readonly OperationSummary[]): Cell[][] {
  return [...new Set(report.checks.map((c) => c.check))].map((check): Cell[] => [
    [check],
    ...shown.map((column): Cell => {
      const cell = report.checks.find((c) => c.check === check && columns.holds(column, c));
      return cell ? checkCell(ctx, cell) : ['n/a', ctx.c.dim];
    }),
  ]);
}

/**
 * One table, a column per operation (and target). When targets make it too wide for the terminal:
 * one table per operation, a column per target, split again if even that does not fit.
 */
export function checksSection(ctx: ConsoleContext, layout: TableLayout, report: RunReport, columns: ReportColumns): string[] {
  const all = columns.columns;
  const rows = checkRows(ctx, report, columns, all);
  if (!columns.severalTargets) return [layout.table(['check', ...all.map((o) => printable(o.operationId))], rows)];
  // The head may wrap (operation ids are long); the cells must not.
  if (layout.fitsWhole(rows)) return [layout.table(['check', ...all.map((o) => `${printable(o.operationId)}\n@ ${printable(o.targetName)}`)], rows)];
  const head = (group: readonly OperationSummary[]): Cell[] => [['check'], ...group.map((o): Cell => [`@ ${printable(o.targetName)}`])];
  const byTarget = (group: readonly OperationSummary[]) =>
    layout.table(
      head(group).map(([text]) => text),
      checkRows(ctx, report, columns, group),
    );
  return columns
    .operationIds()
    .flatMap((id) => [ctx.c.bold(`  ${printable(id)}`), ...layout.groupsThatFit(columns.of(id), (group) => layout.fitsWhole([head(group), ...checkRows(ctx, report, columns, group)])).map(byTarget)]);
}
