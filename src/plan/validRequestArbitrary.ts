import fc from 'fast-check';
import type { PlannedRequest } from '../model/Case.ts';
import type { Operation, ParameterSpec } from '../openapi/Operation.ts';
import type { OperationValidators } from '../validation/OperationValidators.ts';
import { validatorsFor } from '../validation/validatorsFor.ts';
import { retriedUntil } from './arbitraries/retriedUntil.ts';
import { schemaArbitrary } from './arbitraries/schemaArbitrary.ts';
import { parameterText } from './baseRequest.ts';
import { buildPath } from './buildPath.ts';
import { fixturePathParams } from './fixturePathParams.ts';
import type { PlanOptions } from './PlanOptions.ts';
import { conformRequest } from './conformRequest.ts';
import type { ValueRestriction } from './ValueRestriction.ts';
import { withMediaType } from './withMediaType.ts';

function parametersArbitrary(parameters: readonly ParameterSpec[], restrictions: readonly ValueRestriction[]): fc.Arbitrary<Record<string, string>> {
  const model: Record<string, fc.Arbitrary<string>> = {};
  for (const p of parameters) {
    // A restricted parameter is drawn from its allowed values only (text, as it travels).
    const allowed = restrictions.find((r) => r.site.in === p.in && 'name' in r.site && r.site.name.toLowerCase() === p.name.toLowerCase())?.allowed;
    model[p.name] = allowed
      ? fc.constantFrom(...allowed.map((value) => parameterText(value, p)))
      : schemaArbitrary(p.schema, p.in === 'header' ? 'ascii' : 'text').map((value) => parameterText(value, p));
  }
  // Optional parameters are present or absent; required ones always present.
  return fc.record(model, { requiredKeys: parameters.filter((p) => p.required).map((p) => p.name) });
}

/**
 * Random valid requests of an operation for exploration (the engine runs them with `fc.check` /
 * `fc.asyncProperty` under the run's seed, so a path replays and shrinking stays valid). Path parameters
 * come from the fixtures; query and non-credential header parameters are drawn from their schemas,
 * optional ones present or absent; the body is drawn from its schema (or is a documented example that
 * validates), and an optional body may be absent. No credential: the runner adds it. `validators` are
 * the operation's compiled ones (the engine passes its own; otherwise the process-wide ones). Values
 * come from the valid side of every keyword module (`schemaArbitrary`), so a drawn request keeps every
 * rule of the document; one that still breaks a rule is drawn again (`retriedUntil`). A restricted
 * input (`options.restrictions`) only ever takes its allowed values.
 */
export function validRequestArbitrary(operation: Operation, options: PlanOptions, validators: OperationValidators = validatorsFor(operation)): fc.Arbitrary<PlannedRequest> {
  const { pathParams } = fixturePathParams(operation, options.fixtures);
  const path = buildPath(operation.pathTemplate, pathParams);
  const restrictions = options.restrictions ?? [];
  const query = parametersArbitrary(
    operation.parameters.filter((p) => p.in === 'query'),
    restrictions,
  );
  const headers = parametersArbitrary(
    operation.parameters.filter((p) => p.in === 'header' && !p.credential),
    restrictions,
  );
  // A body member drawn with an excluded value takes one of the allowed values instead, drawn too.
  const bodyRestrictions = restrictions.filter((r) => r.site.in === 'body');
  const picks = fc.tuple(...bodyRestrictions.map((r) => fc.constantFrom(...r.allowed)));
  const spec = operation.requestBody;
  let body: fc.Arbitrary<PlannedRequest['body']> = fc.constant(undefined);
  if (spec) {
    const examples = spec.examples.filter((e) => validators.validateBody(e).valid);
    const drawn = schemaArbitrary(spec.schema);
    // `x-conformance-examples-only`: the schema states no structure, so only documented bodies are valid.
    const examplesOnly = spec.schema['x-conformance-examples-only'] === true && examples.length > 0;
    const json = examplesOnly ? fc.constantFrom(...examples) : examples.length > 0 ? fc.oneof({ arbitrary: drawn, weight: 4 }, { arbitrary: fc.constantFrom(...examples), weight: 1 }) : drawn;
    const present = json.map((value): PlannedRequest['body'] => ({ json: value }));
    body = spec.required ? present : fc.option(present, { nil: undefined });
  }
  const requests = fc.record({ query, headers, body, picks }).map((drawn): PlannedRequest => {
    const request: PlannedRequest = withMediaType(
      {
        method: operation.method,
        path,
        pathParams: { ...pathParams },
        query: drawn.query,
        headers: drawn.headers,
        ...(drawn.body !== undefined ? { body: drawn.body } : {}),
        auth: 'configured',
      },
      operation,
    );
    return bodyRestrictions.length === 0 ? request : conformRequest(operation, request, bodyRestrictions, (_r, index) => drawn.picks[index]);
  });
  // Every keyword's valid side keeps its rules; a request two of them pull apart is drawn again. Path
  // values are the fixtures, not drawn: drawing again would not change them.
  return retriedUntil(requests, (request) => validators.validateRequest(request).issues.every((issue) => issue.where === 'path'));
}
