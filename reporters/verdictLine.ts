import type { RunReport } from '../src/model/RunReport.ts';
import { ReportColumns } from './ReportColumns.ts';

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/**
 * The one-sentence outcome of a run, shared by the console, Markdown and HTML reports. It follows
 * `summary.verdict`; an inconclusive run names its first cause here. Each reporter lists every cause
 * below it, also under another verdict (a failure at one target, an unreachable other one).
 * A run with several targets counts operations and targets apart.
 */
export function verdictLine(report: RunReport): string {
  const { summary } = report;
  const columns = new ReportColumns(report);
  // With several targets `summary.operations` counts (operation, target) pairs: say both plainly.
  const on = columns.severalTargets ? `${columns.operationIds().length} operation(s) at ${count(columns.targetNames().length, 'target')}` : `${summary.operations} operation(s)`;
  const counts = `${summary.ran} of ${summary.cases} cases ran on ${on}`;
  const regression = report.baseline
    ? `; against the baseline: ${report.baseline.new.length} new, ${report.baseline.stillFailing.length} still failing, ${report.baseline.fixed.length} fixed`
    : '';
  const stopped = report.stopReason ? `STOPPED (${report.stopReason})` : 'INTERRUPTED';
  // A limit that kept cases from being sent without interrupting the run (`--max-accepted`) is said too.
  const limited = !report.interrupted && report.stopReason ? `; ${report.stopReason}` : '';
  switch (summary.verdict) {
    case 'conforming': {
      const label = summary.warnings > 0 ? `CONFORMING with ${count(summary.warnings, 'warning')}` : 'CONFORMING';
      return `${label}: ${counts}, no failure${limited}${regression}`;
    }
    case 'not-conforming': {
      const early = report.interrupted ? `; ${stopped.toLowerCase()} before the plan was done` : '';
      return `NOT CONFORMING: ${count(summary.violations, 'failure')}, ${count(summary.warnings, 'warning')}; ${counts}${early}${limited}${regression}`;
    }
    case 'inconclusive':
      return `INCONCLUSIVE: ${summary.causes[0] ?? 'too little could be tested to judge'}; ${counts}${limited}${regression}`;
    case 'interrupted':
      return `${stopped}: ${counts}, ${count(summary.violations, 'failure')}, ${count(summary.warnings, 'warning')} so far${regression}`;
  }
}
