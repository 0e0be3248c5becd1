import type { Case } from '../model/Case.ts';
import type { Constraint } from '../model/Constraint.ts';
import { issueConstraintIds } from '../plan/issueConstraintIds.ts';
import type { OperationValidators } from '../validation/OperationValidators.ts';

export interface ObservedRequestBreaks {
  /**
   * Each rule the request breaks, by constraint id (`?where:at:keyword` when no catalogue rule explains
   * the issue), with the validator's reasons.
   */
  readonly byConstraint: ReadonlyMap<string, readonly string[]>;
  /** False when the body was cut when recorded: what it breaks is unknown, so the request is never known valid. */
  readonly whole: boolean;
}

/**
 * What a request of observed traffic (a proxy's, a HAR's) breaks of the document, credentials aside.
 * A body kept only in part is not validated (a prefix of JSON never parses); the parameters still are.
 */
export function observedRequestBreaks(testCase: Case, validators: OperationValidators, catalogue: readonly Constraint[]): ObservedRequestBreaks {
  // Several checks ask about the same exchange: validated once per case.
  const known = CACHE.get(testCase);
  if (known) return known;
  const breaks = validate(testCase, validators, catalogue);
  CACHE.set(testCase, breaks);
  return breaks;
}

const CACHE = new WeakMap<Case, ObservedRequestBreaks>();

function validate(testCase: Case, validators: OperationValidators, catalogue: readonly Constraint[]): ObservedRequestBreaks {
  const whole = testCase.bodyCut !== true;
  const { issues } = validators.validateRequest(testCase.request);
  const byConstraint = new Map<string, string[]>();
  for (const issue of issues) {
    if (!whole && issue.where === 'body') continue;
    // Issue by issue, so each constraint keeps the reason that named it.
    const [id] = issueConstraintIds([issue], catalogue);
    byConstraint.set(id!, [...(byConstraint.get(id!) ?? []), `${issue.where} ${issue.at || '/'}: ${issue.message}`]);
  }
  return { byConstraint, whole };
}
