import type { RunReport } from '../model/RunReport.ts';
import type { BaselineClassification } from './BaselineClassification.ts';

/** Distinct keys in report order: a key held by a failure and a warning is listed once. */
const keysOf = (findings: BaselineClassification['new']): string[] => [...new Set(findings.map((f) => f.key))];

/** The `baseline` section of a run report: the classification as finding keys. */
export function baselineSummary(path: string, classification: BaselineClassification): NonNullable<RunReport['baseline']> {
  return {
    path,
    new: keysOf(classification.new),
    stillFailing: keysOf(classification.stillFailing),
    fixed: keysOf(classification.fixed),
  };
}
