import type { Constraint } from '../model/Constraint.ts';
import type { Operation } from '../openapi/Operation.ts';
import type { OperationValidators } from '../validation/OperationValidators.ts';
import { planCases } from './planCases.ts';

export interface ValuesTried {
  /** Labels of the valid values sent at the rule's edges. */
  readonly boundary: readonly string[];
  /** Labels of the values sent to break the rule (each re-validated: only those that do break it). */
  readonly violation: readonly string[];
}

/**
 * What a run sends for each request constraint of an operation, by constraint id: the deterministic plan
 * under the document's example ids, so `conformance constraints` shows exactly what will be tried.
 */
export function valuesTried(operation: Operation, constraints: readonly Constraint[], validators: OperationValidators): Map<string, ValuesTried> {
  const fixtures = Object.fromEntries(operation.parameters.filter((p) => p.in === 'path' && typeof p.example === 'string').map((p) => [p.name, p.example as string]));
  const out = new Map<string, { boundary: string[]; violation: string[] }>();
  for (const c of planCases(operation, constraints, validators, { seed: 1, fixtures })) {
    if (c.intent.kind !== 'boundary' && c.intent.kind !== 'invalid') continue;
    const held = out.get(c.intent.constraintId) ?? { boundary: [], violation: [] };
    (c.intent.kind === 'boundary' ? held.boundary : held.violation).push(c.intent.label);
    out.set(c.intent.constraintId, held);
  }
  return out;
}
