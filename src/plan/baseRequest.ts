import type { PlannedRequest } from '../model/Case.ts';
import { arrayDelimiter } from '../openapi/arrayDelimiter.ts';
import type { Operation, ParameterSpec } from '../openapi/Operation.ts';
import type { OperationValidators } from '../validation/OperationValidators.ts';
import { buildPath } from './buildPath.ts';
import { minimalValue } from '../values/minimalValue.ts';
import { fixturePathParams } from './fixturePathParams.ts';
import type { PlanOptions } from './PlanOptions.ts';
import { conformRequest } from './conformRequest.ts';
import { jsonText } from '../openapi/jsonText.ts';

export interface BaseRequest {
  readonly request: PlannedRequest;
  /** True when a path parameter had no fixture and got a placeholder. */
  readonly needsFixture: boolean;
  /** Index of the documented example used as the body, if one was. */
  readonly exampleIndex?: number;
}

/**
 * Text form of a parameter value, as it travels in a URL or header: an array as its items joined by the
 * parameter's style (`a,b`; `a b` for spaceDelimited, `a|b` for pipeDelimited), anything else not a
 * string as JSON.
 */
export function parameterText(value: unknown, parameter?: Pick<ParameterSpec, 'style'>): string {
  if (Array.isArray(value)) return value.map(jsonText).join(arrayDelimiter(parameter));
  return jsonText(value);
}

/** A required parameter's smallest value that is not empty: an array gets one item when it may. */
function minimalParameterValue(p: ParameterSpec): unknown {
  const schema = p.schema;
  const array = schema.type === 'array' || (Array.isArray(schema.type) && schema.type.includes('array'));
  const maxItems = typeof schema['maxItems'] === 'number' ? schema['maxItems'] : undefined;
  const minItems = typeof schema['minItems'] === 'number' ? schema['minItems'] : 0;
  const node = array && minItems < 1 && maxItems !== 0 ? { ...schema, minItems: 1 } : schema;
  return minimalValue(node, p.in === 'header' ? 'ascii' : 'text');
}

/**
 * The request every other case is a variation of: path parameters from the fixtures (schema-valid
 * placeholders where none is given), required query and header parameters at their default or first enum
 * value, optional ones absent, and the first documented example body that validates (else a minimal body
 * built from the schema), with every restricted input at an allowed value. No credential: the runner
 * adds it per `auth`.
 */
export function baseRequest(operation: Operation, validators: OperationValidators, options: Pick<PlanOptions, 'fixtures' | 'restrictions'>): BaseRequest {
  const { pathParams, needsFixture } = fixturePathParams(operation, options.fixtures);
  const query: Record<string, string> = {};
  const headers: Record<string, string> = {};
  for (const p of operation.parameters) {
    if (p.in !== 'path' && p.required && !p.credential) {
      const value = parameterText(minimalParameterValue(p), p);
      if (p.in === 'query') query[p.name] = value;
      else headers[p.name] = value;
    }
  }

  let body: PlannedRequest['body'];
  let exampleIndex: number | undefined;
  const spec = operation.requestBody;
  if (spec) {
    exampleIndex = spec.examples.findIndex((e) => validators.validateBody(e).valid);
    if (exampleIndex >= 0) body = { json: structuredClone(spec.examples[exampleIndex]) };
    else {
      exampleIndex = undefined;
      body = { json: minimalValue(spec.schema) };
    }
  }
  const built: PlannedRequest = {
    method: operation.method,
    path: buildPath(operation.pathTemplate, pathParams),
    pathParams,
    query,
    headers,
    ...(body !== undefined ? { body } : {}),
    auth: 'configured',
  };
  const request = conformRequest(operation, built, options.restrictions ?? []);
  return { request, needsFixture, ...(exampleIndex !== undefined ? { exampleIndex } : {}) };
}
