import type { RunReport } from '../model/RunReport.ts';
import type { BaselineClassification } from './BaselineClassification.ts';
import { findingKey } from '../model/findingKey.ts';

/**
 * Sorts the findings of a run into new, still failing and fixed against a baseline run.
 * A defect of an operation or check the current run did not exercise is not called fixed: it stays out
 * of all three lists, so a narrower run never hides a regression.
 */
export function compareWithBaseline(current: RunReport, baseline: RunReport): BaselineClassification {
  const before = new Set(baseline.findings.map(findingKey));
  const now = new Set(current.findings.map(findingKey));
  const exercised = new Set(current.checks.filter((c) => c.outcome !== 'n/a').map((c) => `${c.operationId}|${c.check}`));
  return {
    new: current.findings.filter((f) => !before.has(findingKey(f))),
    stillFailing: current.findings.filter((f) => before.has(findingKey(f))),
    fixed: baseline.findings.filter((f) => !now.has(findingKey(f)) && exercised.has(`${f.operationId}|${f.check}`)),
  };
}
