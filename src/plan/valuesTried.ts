import type { Constraint } from '../model/Constraint.ts';
import type { Operation } from '../openapi/Operation.ts';
import type { OperationValidators } from '../validation/OperationValidators.ts';
import { baseRequest } from './baseRequest.ts';
import { caseId } from './caseId.ts';
import { pathValueDrafts } from './pathValueDrafts.ts';
import { planCases } from './planCases.ts';

export interface ValuesTried {
  /** Labels of the valid values sent at the rule's edges. */
  readonly boundary: readonly string[];
  /** Labels of the values sent to break the rule (each re-validated: only those that do break it). */
  readonly violation: readonly string[];
  /** For a path parameter (under its `required` rule): the odd shapes its id is sent in, each to be refused. */
  readonly odd?: readonly string[];
}

/**
 * What a run sends for each request constraint of an operation, by constraint id: the deterministic plan
 * under the document's example ids, so `conformance constraints` shows exactly what will be tried. A path
 * parameter's edges are ids that name no resource (or no owner of it), listed with its rule; its odd
 * shapes are listed under its `required` rule.
 */
export function valuesTried(operation: Operation, constraints: readonly Constraint[], validators: OperationValidators): Map<string, ValuesTried> {
  const fixtures = Object.fromEntries(operation.parameters.filter((p) => p.in === 'path' && typeof p.example === 'string').map((p) => [p.name, p.example as string]));
  const options = { seed: 1, fixtures };
  const out = new Map<string, { boundary: string[]; violation: string[]; odd: string[] }>();
  const held = (id: string): { boundary: string[]; violation: string[]; odd: string[] } => {
    let entry = out.get(id);
    if (!entry) out.set(id, (entry = { boundary: [], violation: [], odd: [] }));
    return entry;
  };
  const planned = planCases(operation, constraints, validators, options);
  for (const c of planned) {
    if (c.intent.kind !== 'boundary' && c.intent.kind !== 'invalid') continue;
    const entry = held(c.intent.constraintId);
    (c.intent.kind === 'boundary' ? entry.boundary : entry.violation).push(c.intent.label);
  }
  const ids = new Set(planned.map((c) => c.id));
  const drafts = pathValueDrafts(operation, constraints, baseRequest(operation, validators, options), options);
  for (const [values, role] of [
    [drafts.resource, 'names no resource'],
    [drafts.ancestors, 'the resource not under it'],
  ] as const) {
    for (const { draft, parameter, constraintId, label } of values) {
      if (!ids.has(caseId({ operationId: operation.operationId, intent: draft.intent, variant: draft.variant!, seed: options.seed }))) continue;
      if (constraintId !== undefined) held(constraintId).boundary.push(`${parameter} ${label} (${role})`);
      else {
        const required = constraints.find((c) => c.where === 'path' && c.name === parameter && c.kind === 'required');
        if (required) held(required.id).odd.push(`${parameter} ${label}`);
      }
    }
  }
  return new Map([...out].map(([id, { odd, ...rest }]) => [id, odd.length > 0 ? { ...rest, odd } : rest]));
}
