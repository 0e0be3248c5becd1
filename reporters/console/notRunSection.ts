import type { RunReport } from '../../src/model/RunReport.ts';
import { printable } from '../printable.ts';
import type { ReportColumns } from '../ReportColumns.ts';
import { wrapText } from '../wrapText.ts';
import type { ConsoleContext } from './ConsoleContext.ts';

/** The cases not run, counted per reason (the five commonest), with the targets each held back. */
export function notRunSection({ c, width }: ConsoleContext, report: RunReport, columns: ReportColumns): string[] {
  if (report.notRun.length === 0) return [];
  const reasons = new Map<string, number>();
  for (const n of report.notRun) reasons.set(n.reason, (reasons.get(n.reason) ?? 0) + 1);
  const sorted = [...reasons].sort((a, b) => b[1] - a[1]);
  // With several targets, which ones each reason held back: one region may lack a fixture the other has.
  const at = (reason: string) => {
    if (!columns.severalTargets) return '';
    const counts = new Map<string, number>();
    for (const n of report.notRun) if (n.reason === reason) counts.set(n.target, (counts.get(n.target) ?? 0) + 1);
    return ` (${[...counts].map(([target, count]) => `@ ${printable(target)} ${count}`).join(', ')})`;
  };
  const lines = [c.yellow(`${report.notRun.length} case(s) not run:`)];
  for (const [reason, count] of sorted.slice(0, 5)) lines.push(...wrapText(`${count} × ${printable(reason)}${at(reason)}`, width, '  ', '      '));
  if (sorted.length > 5) lines.push(c.dim(`  … and ${sorted.length - 5} other reason(s): see the JSON report`));
  return lines;
}
