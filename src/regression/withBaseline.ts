import type { RunReport } from '../model/RunReport.ts';
import { baselineSummary } from './baselineSummary.ts';
import { compareWithBaseline } from './compareWithBaseline.ts';

/** The report with its `baseline` section filled in: what the engine's `finalize` hook hands the reporters. */
export function withBaseline(report: RunReport, baseline: RunReport, baselinePath: string): RunReport {
  return { ...report, baseline: baselineSummary(baselinePath, compareWithBaseline(report, baseline)) };
}
