import { causeLine } from '../model/causeLine.ts';
import type { OperationSummary } from '../model/RunReport.ts';
import type { ReportCause } from '../model/ReportCause.ts';

/**
 * The summary's line of each cause (`summary.causes`): a cause of an operation is prefixed with it, and
 * with its target when the report has several targets for that operation.
 */
export function causeLines(causes: readonly ReportCause[], operations: readonly Pick<OperationSummary, 'operationId'>[]): string[] {
  const several = (operationId: string): boolean => operations.filter((o) => o.operationId === operationId).length > 1;
  return causes.map((c) => (c.operationId === undefined ? c.text : causeLine(c.operationId, several(c.operationId) ? c.target : undefined, c.text)));
}
