import type { Constraint } from '../../src/model/Constraint.ts';
import { issueConstraintIds } from '../../src/plan/issueConstraintIds.ts';
import type { ValidationIssue } from '../../src/validation/ValidationIssue.ts';

/** True when every issue of a request is a breach of this one constraint (nothing else is wrong with it). */
export function onlyBreaks(issues: readonly ValidationIssue[], constraints: readonly Constraint[], id: string): boolean {
  const ids = issueConstraintIds(issues, constraints);
  return ids.length > 0 && ids.every((i) => i === id);
}
