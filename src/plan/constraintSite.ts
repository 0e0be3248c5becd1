import type { PlannedRequest } from '../model/Case.ts';
import type { Constraint } from '../model/Constraint.ts';
import type { Operation, ParameterSpec } from '../openapi/Operation.ts';
import type { SchemaNode } from '../openapi/SchemaNode.ts';
import { valueAt } from '../openapi/pointer.ts';
import { parameterText } from './baseRequest.ts';
import type { TextChannel } from '../values/textOfLength.ts';
import { schemaAt } from './schemaAt.ts';
import { REMOVE } from '../keywords/REMOVE.ts';
import { withBodyValue } from './withBodyValue.ts';
import { withParameter } from './withParameter.ts';

/** Where a constraint's value lives in a request, and how to change it there. */
export interface ConstraintSite {
  /** The schema node of the constrained value (`undefined` when the schema does not describe it). */
  readonly node: SchemaNode | undefined;
  readonly parameter?: ParameterSpec;
  /** Header values stay ASCII; everything else may carry any printable code point. */
  readonly channel: TextChannel;
  /** The value in the given request, `undefined` when absent. */
  readonly current: unknown;
  /** The request with the value replaced (parameters travel as text), or removed with `REMOVE`. */
  set(value: unknown): PlannedRequest;
  /** For the body itself: whether the document requires one. */
  readonly bodyRequired?: boolean;
  /**
   * False for a value HTTP does not deliver as sent: a header value with surrounding whitespace reaches
   * the server trimmed (RFC 9110 §5.5), so it would be another value than planned.
   */
  sendable(value: unknown): boolean;
}

/** A header value arrives without its surrounding spaces and tabs. */
function headerSendable(value: unknown): boolean {
  return typeof value !== 'string' || value === value.replace(/^[ \t]+|[ \t]+$/g, '');
}

function findParameter(operation: Operation, c: Constraint): ParameterSpec | undefined {
  const same = (name: string): boolean => (c.where === 'header' ? name.toLowerCase() === c.name.toLowerCase() : name === c.name);
  return operation.parameters.find((p) => p.in === c.where && same(p.name));
}

/** Resolves a request constraint to its site in `request`; `undefined` for response rules and nested parameter members. */
export function constraintSite(operation: Operation, c: Constraint, request: PlannedRequest): ConstraintSite | undefined {
  if (c.where === 'body') {
    const body = operation.requestBody;
    if (!body) return undefined;
    const json = request.body && 'json' in request.body ? request.body.json : undefined;
    const node = c.target === '' ? body.schema : schemaAt(body.schema, c.target);
    return {
      node,
      channel: 'text',
      current: valueAt(json, c.target),
      set: (value) => withBodyValue(request, body.schema, c.target, value),
      sendable: () => true,
      ...(c.target === '' ? { bodyRequired: body.required } : {}),
    };
  }
  if (c.where === 'response') return undefined;
  const parameter = findParameter(operation, c);
  if (!parameter) return undefined;
  const source = parameter.in === 'path' ? request.pathParams : parameter.in === 'query' ? request.query : request.headers;
  const key = Object.keys(source).find((k) => (parameter.in === 'header' ? k.toLowerCase() === parameter.name.toLowerCase() : k === parameter.name));
  return {
    node: parameter.schema,
    parameter,
    // Path ids and headers stay ASCII (an id one character too long is the real id plus a plain character).
    channel: parameter.in === 'query' ? 'text' : 'ascii',
    current: key !== undefined ? source[key] : undefined,
    set: (value) => withParameter(request, operation.pathTemplate, parameter.in, parameter.name, value === REMOVE ? undefined : parameterText(value, parameter)),
    sendable: (value) => parameter.in !== 'header' || value === REMOVE || headerSendable(parameterText(value, parameter)),
  };
}
