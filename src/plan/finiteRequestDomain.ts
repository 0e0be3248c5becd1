import type { PlannedRequest } from '../model/Case.ts';
import type { Operation, ParameterSpec } from '../openapi/Operation.ts';
import type { SchemaNode } from '../openapi/SchemaNode.ts';
import { schemaTypes } from '../values/schemaTypes.ts';
import type { OperationValidators } from '../validation/OperationValidators.ts';
import { validatorsFor } from '../validation/validatorsFor.ts';
import { parameterText } from './baseRequest.ts';
import { buildPath } from './buildPath.ts';
import { fixturePathParams } from './fixturePathParams.ts';
import type { PlanOptions } from './PlanOptions.ts';

/** Beyond this many combinations a domain is sampled, not listed. */
const MAX_LISTED = 10_000;

/** The values a schema allows when they are few and known: a const, an enum, a boolean; else `undefined`. */
function finiteValues(schema: SchemaNode): readonly unknown[] | undefined {
  if (schema.const !== undefined) return [schema.const];
  if (schema.enum) return schema.enum;
  const types = schemaTypes(schema);
  if (types.length > 0 && types.every((t) => t === 'boolean' || t === 'null')) return types.flatMap((t) => (t === 'boolean' ? [true, false] : [null]));
  return undefined;
}

/** A parameter's choices as sent (text), `undefined` (absent) among them when it is optional. */
function parameterChoices(p: ParameterSpec, options: PlanOptions): Array<string | undefined> | undefined {
  const restricted = options.restrictions?.find((r) => r.site.in === p.in && 'name' in r.site && r.site.name.toLowerCase() === p.name.toLowerCase());
  const values = restricted?.allowed ?? finiteValues(p.schema);
  if (!values) return undefined;
  return [...values.map((value) => parameterText(value, p)), ...(p.required ? [] : [undefined])];
}

/**
 * Every valid request of an operation, when there are few of them: each query and non-credential header
 * parameter takes one of finitely many values (an enum, a boolean, a restriction's allowed values; absent
 * when optional), and the body is one of its documented examples (`x-conformance-examples-only`) or
 * absent. `undefined` when any input ranges over more (a free string, a body drawn from its schema) or
 * the combinations exceed `MAX_LISTED`. In a fixed order: the same operation and options list the same
 * requests, so `c<index>` names one of them in every run.
 */
export function finiteRequestDomain(operation: Operation, options: PlanOptions, validators: OperationValidators = validatorsFor(operation)): PlannedRequest[] | undefined {
  const parameters = operation.parameters.filter((p) => (p.in === 'query' || p.in === 'header') && !p.credential);
  const choices: Array<{ readonly p: ParameterSpec; readonly values: Array<string | undefined> }> = [];
  for (const p of parameters) {
    const values = parameterChoices(p, options);
    if (!values) return undefined;
    choices.push({ p, values });
  }
  let bodies: Array<PlannedRequest['body']> = [undefined];
  const spec = operation.requestBody;
  if (spec) {
    const examples = spec.examples.filter((e) => validators.validateBody(e).valid);
    if (spec.schema['x-conformance-examples-only'] !== true || examples.length === 0) return undefined;
    const unique = [...new Map(examples.map((e) => [JSON.stringify(e), e])).values()];
    bodies = [...unique.map((json) => ({ json })), ...(spec.required ? [] : [undefined])];
  }
  const size = choices.reduce((n, c) => n * c.values.length, bodies.length);
  if (size > MAX_LISTED) return undefined;
  const { pathParams } = fixturePathParams(operation, options.fixtures);
  const path = buildPath(operation.pathTemplate, pathParams);
  const requests: PlannedRequest[] = [];
  for (let index = 0; index < size; index += 1) {
    let rest = index;
    const query: Record<string, string> = {};
    const headers: Record<string, string> = {};
    for (const { p, values } of choices) {
      const value = values[rest % values.length];
      rest = Math.floor(rest / values.length);
      if (value !== undefined) (p.in === 'query' ? query : headers)[p.name] = value;
    }
    const body = bodies[rest % bodies.length];
    requests.push({ method: operation.method, path, pathParams: { ...pathParams }, query, headers, ...(body !== undefined ? { body: structuredClone(body) } : {}), auth: 'configured' });
  }
  // What the document forbids in combination is not a valid request: left out.
  return requests.filter((r) => validators.validateRequest(r).valid);
}
