import type { Severity } from '../src/model/Provenance.ts';
import type { ConstraintCoverage, RunReport } from '../src/model/RunReport.ts';

/**
 * How bad breaking a constraint was at one target in this run: a warning when every finding about it
 * there is a warning (a `reading` or `convention` rule), else a failure (also when no finding names it).
 */
export function brokenSeverity(report: Pick<RunReport, 'findings'>, rule: Pick<ConstraintCoverage, 'operationId' | 'target' | 'constraintId'>): Severity {
  const related = report.findings.filter((f) => f.operationId === rule.operationId && f.target === rule.target && f.constraintId === rule.constraintId);
  return related.length > 0 && related.every((f) => f.severity === 'warning') ? 'warning' : 'failure';
}
