import type { PlannedRequest } from '../model/Case.ts';
import type { Constraint } from '../model/Constraint.ts';
import type { Operation } from '../openapi/Operation.ts';
import type { OperationValidators } from '../validation/OperationValidators.ts';
import { codePointLength } from './codePointLength.ts';
import { issueConstraintIds } from './issueConstraintIds.ts';

export type RequestClassification = { readonly valid: true } | { readonly valid: false; readonly constraintIds: string[] };

function brokenCredentialRule(c: Constraint, value: string): boolean {
  switch (c.kind) {
    case 'minLength':
      return codePointLength(value) < (c.value as number);
    case 'maxLength':
      return codePointLength(value) > (c.value as number);
    case 'pattern':
      return !new RegExp(c.value as string, 'u').test(value);
    case 'enum':
      return !(c.value as readonly unknown[]).includes(value);
    default:
      return false;
  }
}

/**
 * Which documented constraints a request breaks, credentials aside: the operation's validators judge
 * parameters and body, and each ajv issue is mapped to its catalogue constraint. A credential header the
 * plan itself sets (an oversize token) is checked against its own length, pattern and enum rules,
 * because the validators deliberately ignore credential values.
 */
export function classifyRequest(operation: Operation, constraints: readonly Constraint[], validators: OperationValidators, request: PlannedRequest): RequestClassification {
  const ids = issueConstraintIds(validators.validateRequest(request).issues, constraints);
  for (const p of operation.parameters) {
    if (!p.credential || p.in !== 'header') continue;
    const key = Object.keys(request.headers).find((k) => k.toLowerCase() === p.name.toLowerCase());
    if (key === undefined) continue;
    const value = request.headers[key]!;
    for (const c of constraints) {
      if (c.where === 'header' && c.credential && c.name.toLowerCase() === p.name.toLowerCase() && brokenCredentialRule(c, value) && !ids.includes(c.id)) ids.push(c.id);
    }
  }
  return ids.length === 0 ? { valid: true } : { valid: false, constraintIds: ids };
}
