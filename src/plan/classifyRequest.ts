import type { PlannedRequest } from '../model/Case.ts';
import type { Constraint } from '../model/Constraint.ts';
import type { OperationValidators } from '../validation/OperationValidators.ts';
import { issueConstraintIds } from './issueConstraintIds.ts';

export type RequestClassification = { readonly valid: true } | { readonly valid: false; readonly constraintIds: string[] };

/**
 * Which documented constraints a request breaks, credentials aside (the validators ignore credential
 * values, and the plan never varies them): the operation's validators judge parameters and body, and
 * each issue is mapped to its catalogue constraint.
 */
export function classifyRequest(constraints: readonly Constraint[], validators: OperationValidators, request: PlannedRequest): RequestClassification {
  const ids = issueConstraintIds(validators.validateRequest(request).issues, constraints);
  return ids.length === 0 ? { valid: true } : { valid: false, constraintIds: ids };
}
