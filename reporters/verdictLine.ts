import type { RunReport } from '../src/model/RunReport.ts';
import { ReportColumns } from './ReportColumns.ts';

function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${n} ${n === 1 ? noun : plural}`;
}

/**
 * What the verdict holds only with: boundaries no answer verified, rules the configuration relaxed.
 * Every verdict states them, so neither a busy resource nor a config file can make a run look clean.
 */
function qualifiers(report: RunReport): { unverified: string; relaxed: string } {
  const unverified = report.unverifiedBoundaries?.length ?? 0;
  const relaxed = report.relaxations?.length ?? 0;
  return {
    unverified: unverified > 0 ? count(unverified, 'boundary unverified', 'boundaries unverified') : '',
    relaxed: relaxed > 0 ? count(relaxed, 'rule relaxed', 'rules relaxed') : '',
  };
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
  const regression = report.baseline ? `; against the baseline: ${report.baseline.new.length} new, ${report.baseline.stillFailing.length} still failing, ${report.baseline.fixed.length} fixed` : '';
  const stopped = report.stopReason ? `STOPPED (${report.stopReason})` : 'INTERRUPTED';
  const { unverified, relaxed } = qualifiers(report);
  // A limit that kept cases from being sent without interrupting the run (`--max-accepted`) is said too.
  const limited = !report.interrupted && report.stopReason ? `; ${report.stopReason}` : '';
  const also = [unverified, relaxed]
    .filter(Boolean)
    .map((q) => `; ${q}`)
    .join('');
  switch (summary.verdict) {
    case 'conforming': {
      // "CONFORMING with 2 warnings, 1 boundary unverified, 2 rules relaxed", "CONFORMING, 2 rules relaxed"
      const withs = [summary.warnings > 0 ? count(summary.warnings, 'warning') : '', unverified].filter(Boolean);
      const label = [withs.length > 0 ? `CONFORMING with ${withs.join(', ')}` : 'CONFORMING', relaxed].filter(Boolean).join(', ');
      return `${label}: ${counts}, no failure${limited}${regression}`;
    }
    case 'not-conforming': {
      const early = report.interrupted ? `; ${stopped.toLowerCase()} before the plan was done` : '';
      return `NOT CONFORMING: ${count(summary.violations, 'failure')}, ${count(summary.warnings, 'warning')}; ${counts}${early}${limited}${also}${regression}`;
    }
    case 'inconclusive':
      return `INCONCLUSIVE: ${summary.causes[0] ?? 'too little could be tested to judge'}; ${counts}${limited}${also}${regression}`;
    case 'interrupted':
      return `${stopped}: ${counts}, ${count(summary.violations, 'failure')}, ${count(summary.warnings, 'warning')} so far${also}${regression}`;
  }
}
