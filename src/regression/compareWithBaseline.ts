import { keyTarget } from '../model/findingKey.ts';
import type { RunReport } from '../model/RunReport.ts';
import type { BaselineClassification } from './BaselineClassification.ts';

/**
 * Sorts the findings of a run, by `Finding.key`, into new, still failing and fixed against a baseline run.
 * A defect of an operation, target or check the current run did not exercise is not called fixed: it stays out
 * of all three lists, so a narrower run never hides a regression.
 */
export function compareWithBaseline(current: RunReport, baseline: RunReport): BaselineClassification {
  const before = new Set(baseline.findings.map((f) => f.key));
  const now = new Set(current.findings.map((f) => f.key));
  const judged = current.checks.filter((c) => c.outcome !== 'n/a');
  // A finding whose key names its target was fixed only if that target was tested; one of a target
  // known by its URL, if the operation was tested anywhere (the server may have moved).
  const exercised = new Set([...judged.map((c) => `${c.operationId}|${c.target}|${c.check}`), ...judged.map((c) => `${c.operationId}||${c.check}`)]);
  return {
    new: current.findings.filter((f) => !before.has(f.key)),
    stillFailing: current.findings.filter((f) => before.has(f.key)),
    fixed: baseline.findings.filter((f) => !now.has(f.key) && exercised.has(`${f.operationId}|${keyTarget(f)}|${f.check}`)),
  };
}
