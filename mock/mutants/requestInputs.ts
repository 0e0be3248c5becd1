import type { Constraint } from '../../src/model/Constraint.ts';
import type { Operation } from '../../src/openapi/Operation.ts';
import { pointerOf, pointerSegments, valueAt } from '../../src/openapi/pointer.ts';
import type { SchemaNode } from '../../src/openapi/SchemaNode.ts';
import type { RequestContext } from '../RequestContext.ts';

/** One input a client can set: a query or (non-credential) header parameter, or a body member. */
export interface RequestInput {
  readonly where: 'query' | 'header' | 'body';
  /** Parameter name, or the member's JSON pointer in the body. */
  readonly name: string;
  readonly schema: SchemaNode;
  /** How ids name it: `force`, `hosted_connect.name`. */
  readonly label: string;
}

/** The body members an update may carry: leaves of the body schema, down to two levels. */
function bodyLeaves(schema: SchemaNode | undefined, segments: string[] = []): RequestInput[] {
  if (!schema?.properties || segments.length >= 2) return [];
  return Object.entries(schema.properties).flatMap(([name, node]) => {
    const path = [...segments, name];
    return node.properties ? bodyLeaves(node, path) : [{ where: 'body' as const, name: pointerOf(...path), schema: node, label: path.join('.') }];
  });
}

/** Every input of an operation, in document order: query and header parameters, then body members. */
export function requestInputs(operation: Operation): RequestInput[] {
  const parameters = operation.parameters
    .filter((p) => (p.in === 'query' || p.in === 'header') && !p.credential)
    .map((p) => ({ where: p.in as 'query' | 'header', name: p.name, schema: p.schema, label: p.name }));
  return [...parameters, ...bodyLeaves(operation.requestBody?.schema)];
}

/** The value of an input in a request (undefined when absent). */
export function inputValue(ctx: RequestContext, input: RequestInput): unknown {
  if (input.where === 'body') return valueAt(ctx.body, input.name);
  return input.where === 'query' ? ctx.query[input.name] : ctx.headers[input.name.toLowerCase()];
}

/** Every value at a body pointer, `*` standing for each item of an array. */
function valuesAt(root: unknown, segments: readonly string[]): unknown[] {
  if (segments.length === 0) return [root];
  const [head, ...rest] = segments;
  if (head === '*') return Array.isArray(root) ? root.flatMap((item) => valuesAt(item, rest)) : [];
  if (root === null || typeof root !== 'object' || Array.isArray(root) || !(head! in root)) return [];
  return valuesAt((root as Record<string, unknown>)[head!], rest);
}

/** The values a request gives for the thing a request constraint is about (each item's, for an item rule). */
export function constrainedValues(ctx: RequestContext, c: Constraint): unknown[] {
  if (c.where === 'body') return valuesAt(ctx.body, pointerSegments(c.target));
  const value = constrainedValue(ctx, c);
  return value === undefined ? [] : [value];
}

/** The value a request gives for the thing a request constraint is about. */
export function constrainedValue(ctx: RequestContext, c: Constraint): unknown {
  switch (c.where) {
    case 'body':
      return valueAt(ctx.body, c.target);
    case 'query':
      return ctx.query[c.name];
    case 'path':
      return ctx.pathParams[c.name];
    case 'header':
      return ctx.headers[c.name.toLowerCase()];
    default:
      return undefined;
  }
}

/** Whether a constraint is about this input. */
export function sameInput(c: Constraint, input: RequestInput): boolean {
  return c.where === input.where && (input.where === 'body' ? c.target === input.name || c.target.startsWith(`${input.name}/`) : c.name === input.name);
}

/** A value of an input that a condition can name: the first listed value other than the default. */
export function distinguishedValue(input: RequestInput): string | undefined {
  const values = input.schema.enum?.filter((v): v is string => typeof v === 'string') ?? [];
  return values.find((v) => v !== input.schema.default) ?? values[0];
}
