import type { Severity } from '../../src/model/Provenance.ts';
import type { ConstraintCoverage, OperationSummary, RunReport } from '../../src/model/RunReport.ts';
import { brokenSeverity } from '../brokenSeverity.ts';
import { printable } from '../printable.ts';
import type { ReportColumns } from '../ReportColumns.ts';
import { wrapText } from '../wrapText.ts';
import type { ConsoleContext } from './ConsoleContext.ts';
import type { Cell, TableLayout } from './TableLayout.ts';

type Coverage = ConstraintCoverage['boundaryAccepted'] | ConstraintCoverage['responseHonoured'];

function coverageCell({ c }: ConsoleContext, result: Coverage, passText: string, broken: Severity): Cell {
  switch (result) {
    case 'pass':
      return [passText, c.green];
    case 'fail':
      return broken === 'failure' ? ['FAIL', c.red] : ['warn', c.yellow];
    case 'not-run':
      return ['not run', c.yellow];
    default:
      return ['–', c.dim];
  }
}

/** How the response rules of one documented status fared: counts, and the broken ones named. */
function responseSummary({ c }: ConsoleContext, report: RunReport, list: readonly ConstraintCoverage[]): string {
  const broken = (rule: ConstraintCoverage) => brokenSeverity(report, rule);
  const failed = list.filter((r) => r.responseHonoured === 'fail' && broken(r) === 'failure');
  const warned = list.filter((r) => r.responseHonoured === 'fail' && broken(r) === 'warning');
  const honoured = list.filter((r) => r.responseHonoured === 'pass').length;
  const unseen = list.length - failed.length - warned.length - honoured;
  return [
    honoured > 0 ? c.green(`${honoured} honoured`) : '',
    failed.length > 0 ? c.red(`${failed.length} FAIL: ${failed.map((f) => printable(f.constraintId)).join(', ')}`) : '',
    warned.length > 0 ? c.yellow(`${warned.length} warn: ${warned.map((f) => printable(f.constraintId)).join(', ')}`) : '',
    unseen > 0 ? c.dim(`${unseen} not exercised`) : '',
  ]
    .filter(Boolean)
    .join(', ');
}

function coverageTables(ctx: ConsoleContext, layout: TableLayout, report: RunReport): string[] {
  const out: string[] = [];
  const broken = (rule: ConstraintCoverage) => brokenSeverity(report, rule);
  for (const op of report.operations) {
    const rows = report.coverage.filter((r) => r.operationId === op.operationId);
    const request = rows.filter((r) => !r.where.startsWith('response'));
    const response = rows.filter((r) => r.where.startsWith('response'));
    out.push(ctx.c.bold(`  ${printable(op.operationId)}`));
    // The kind is the id's last segment: no column of its own, so the table fits 80 columns.
    if (request.length > 0) {
      out.push(
        layout.table(
          ['request constraint', 'boundary\naccepted', 'violation\nrejected'],
          request.map((r) => [[printable(r.constraintId)], coverageCell(ctx, r.boundaryAccepted, 'yes', broken(r)), coverageCell(ctx, r.violationRejected, 'yes', broken(r))]),
        ),
      );
    }
    // Response rules are many (one per schema keyword): one line per documented status, failures named.
    const byStatus = new Map<string, ConstraintCoverage[]>();
    for (const r of response) byStatus.set(r.where, [...(byStatus.get(r.where) ?? []), r]);
    for (const [where, list] of byStatus) out.push(...wrapText(`${printable(where)} constraints: ${responseSummary(ctx, report, list)}`, ctx.width, '  ', '    '));
  }
  return out;
}

/** A request rule at one target in one cell: `boundary / violation`, coloured by the worse. */
function compactCoverageCell(ctx: ConsoleContext, rule: ConstraintCoverage | undefined, broken: Severity): Cell {
  const { c } = ctx;
  if (!rule) return ['n/a', c.dim];
  const [boundary, violation] = [coverageCell(ctx, rule.boundaryAccepted, 'yes', broken), coverageCell(ctx, rule.violationRejected, 'yes', broken)];
  const results = [rule.boundaryAccepted, rule.violationRejected];
  const worst = results.includes('fail') ? (broken === 'failure' ? c.red : c.yellow) : results.includes('not-run') ? c.yellow : results.includes('pass') ? c.green : c.dim;
  // Neither side ran: said once, so the cell stays narrow.
  return [rule.boundaryAccepted === 'not-run' && rule.violationRejected === 'not-run' ? 'not run' : `${boundary[0]} / ${violation[0]}`, worst];
}

/**
 * Coverage of operations sent to several targets: per operation, one table of its request rules with
 * a column per target (split when too wide), and one line per documented status naming each target.
 */
function coverageMatrices(ctx: ConsoleContext, layout: TableLayout, report: RunReport, columns: ReportColumns): string[] {
  const { c } = ctx;
  const out: string[] = [c.dim('  request rules per target: boundary accepted / violation rejected')];
  for (const id of columns.operationIds()) {
    const targets = columns.of(id);
    const rules = (target: OperationSummary) => report.coverage.filter((r) => columns.holds(target, r));
    const requestIds = [
      ...new Set(
        targets.flatMap((t) =>
          rules(t)
            .filter((r) => !r.where.startsWith('response'))
            .map((r) => r.constraintId),
        ),
      ),
    ];
    out.push(c.bold(`  ${printable(id)}`));
    const body = (group: readonly OperationSummary[]) =>
      requestIds.map((ruleId): Cell[] => [
        [printable(ruleId)],
        ...group.map((t) => {
          const rule = rules(t).find((r) => r.constraintId === ruleId);
          return compactCoverageCell(ctx, rule, rule ? brokenSeverity(report, rule) : 'failure');
        }),
      ]);
    const head = (group: readonly OperationSummary[]): Cell[] => [['request constraint'], ...group.map((t): Cell => [`@ ${printable(t.targetName)}`])];
    const table = (group: readonly OperationSummary[]) =>
      layout.table(
        head(group).map(([text]) => text),
        body(group),
      );
    if (requestIds.length > 0) out.push(...layout.groupsThatFit(targets, (group) => layout.fitsWhole([head(group), ...body(group)])).map(table));
    const statuses = [
      ...new Set(
        targets.flatMap((t) =>
          rules(t)
            .filter((r) => r.where.startsWith('response'))
            .map((r) => r.where),
        ),
      ),
    ];
    for (const where of statuses) {
      const summaries = targets.map((t) => ({
        t,
        text: responseSummary(
          ctx,
          report,
          rules(t).filter((r) => r.where === where),
        ),
      }));
      // The same at every target is said once: the differences between targets are what stands out.
      const text = summaries.every((s) => s.text === summaries[0]!.text)
        ? `${printable(where)} constraints${targets.length > 1 ? ', every target' : ''}: ${summaries[0]!.text}`
        : `${printable(where)} constraints: ${summaries.map((s) => `@ ${printable(s.t.targetName)} ${s.text || c.dim('none')}`).join('; ')}`;
      out.push(...wrapText(text, ctx.width, '  ', '    '));
    }
  }
  return out;
}

/** Constraint coverage: per operation a table of request rules and a line per documented status. */
export function coverageSection(ctx: ConsoleContext, layout: TableLayout, report: RunReport, columns: ReportColumns): string[] {
  return columns.severalTargets ? coverageMatrices(ctx, layout, report, columns) : coverageTables(ctx, layout, report);
}
