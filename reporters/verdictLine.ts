import type { RunReport } from '../src/model/RunReport.ts';

/** The one-sentence outcome of a run, shared by the console, Markdown and HTML reports. */
export function verdictLine(report: RunReport): string {
  const { summary } = report;
  const counts = `${summary.ran} of ${summary.cases} cases ran on ${summary.operations} operation(s)`;
  const regression = report.baseline
    ? `; against the baseline: ${report.baseline.new.length} new, ${report.baseline.stillFailing.length} still failing, ${report.baseline.fixed.length} fixed`
    : '';
  if (report.interrupted) return `${report.stopReason ? `STOPPED (${report.stopReason})` : 'INTERRUPTED'}: ${counts}, ${summary.violations} distinct violation(s) so far${regression}`;
  if (summary.conforming) return `CONFORMING: ${counts}, no violation${regression}`;
  return `NOT CONFORMING: ${summary.violations} distinct violation(s); ${counts}${regression}`;
}
