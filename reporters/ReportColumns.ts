import type { OperationSummary, RunReport } from '../src/model/RunReport.ts';

/** What a cell, coverage row, finding or not-run case says about where it belongs. */
interface Placed {
  readonly operationId: string;
  readonly target: string;
}

/**
 * The columns of a report laid out per operation: one per entry of `report.operations`, that is per
 * (operationId, target name). When some operation went to several targets, every reporter names the
 * target of every column (as the run's causes do); otherwise columns are operations, as they always were.
 */
export class ReportColumns {
  readonly columns: readonly OperationSummary[];
  /** True when some operation has several targets: only then do reporters name targets. */
  readonly severalTargets: boolean;

  constructor(report: Pick<RunReport, 'operations'>) {
    this.columns = report.operations;
    this.severalTargets = this.operationIds().some((id) => this.of(id).length > 1);
  }

  /** Distinct operation ids, in report order. */
  operationIds(): string[] {
    return [...new Set(this.columns.map((c) => c.operationId))];
  }

  /** Distinct target names, in report order. */
  targetNames(): string[] {
    return [...new Set(this.columns.map((c) => c.targetName))];
  }

  /** The columns of one operation, one per target. */
  of(operationId: string): OperationSummary[] {
    return this.columns.filter((c) => c.operationId === operationId);
  }

  /**
   * Whether an item belongs to a column. An operation with one target owns all its items whatever
   * target they name, so a report whose parts disagree on a lone target's name still lays out as before.
   */
  holds(column: OperationSummary, item: Placed): boolean {
    return item.operationId === column.operationId && (this.of(column.operationId).length === 1 || item.target === column.targetName);
  }

  /** `operationId`, or `operationId @ target name` when the report has several targets. */
  label(operationId: string, targetName: string): string {
    return this.severalTargets ? `${operationId} @ ${targetName}` : operationId;
  }
}
