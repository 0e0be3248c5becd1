import type { Case } from '../model/Case.ts';

/** A planned case the planner left out because the document's own validation disagreed with its intent. */
export interface DroppedCase {
  readonly case: Case;
  /** Constraint ids the request actually breaks (empty when it validates). */
  readonly brokenConstraintIds: readonly string[];
  readonly reason: string;
}
