import { causeLine } from '../src/model/causeLine.ts';
import type { RunReport, UnverifiedBoundary } from '../src/model/RunReport.ts';
import { ReportColumns } from './ReportColumns.ts';

/** How one unverified boundary reads in every report: which rule, and the answer that kept it unjudged. */
export function unverifiedText(u: UnverifiedBoundary): string {
  return `${u.constraintId}: every boundary case was answered ${u.statuses.join('/')}, documented for the resource's state`;
}

/**
 * What the verdict holds only with, one line each, as every report lists it under the verdict: the
 * boundaries no answer verified (named with their operation, and target when there are several) and
 * the rules the configuration relaxed.
 */
export function verdictNotes(report: RunReport): { readonly unverified: readonly string[]; readonly relaxed: readonly string[] } {
  const several = new ReportColumns(report).severalTargets;
  return {
    unverified: (report.unverifiedBoundaries ?? []).map((u) => causeLine(u.operationId, several ? u.target : undefined, unverifiedText(u))),
    relaxed: (report.relaxations ?? []).map((r) => r.text),
  };
}

/** The headings the reports give these lists. */
export const NOTE_HEADINGS = {
  unverified: 'Boundaries not verified (the page states them; no answer accepted or rejected them)',
  relaxed: 'Relaxed by the configuration (the verdict holds only with these)',
} as const;
