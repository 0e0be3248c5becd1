import type { PlannedRequest } from '../model/Case.ts';
import type { SchemaNode } from '../openapi/SchemaNode.ts';
import { REMOVE } from '../keywords/REMOVE.ts';
import { minimalValue } from '../values/minimalValue.ts';
import { pointerOf, pointerSegments } from '../openapi/pointer.ts';
import { schemaAt } from './schemaAt.ts';


function isContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  return value !== null && typeof value === 'object';
}

/**
 * The request with the JSON body value at `pointer` replaced (or removed with `REMOVE`). Missing parents
 * are created from their schema's minimal value; `*` addresses the first array item. The original
 * request is left untouched.
 */
export function withBodyValue(request: PlannedRequest, bodySchema: SchemaNode, pointer: string, value: unknown): PlannedRequest {
  const segments = pointerSegments(pointer);
  if (segments.length === 0) {
    if (value !== REMOVE) return { ...request, body: { json: value } };
    const { body: _removed, ...rest } = request;
    return rest;
  }
  const current = request.body && 'json' in request.body ? request.body.json : undefined;
  const root: unknown = structuredClone(isContainer(current) ? current : minimalValue(bodySchema) ?? {});
  let node: unknown = root;
  for (let i = 0; i < segments.length - 1; i += 1) {
    const key = segments[i] === '*' ? '0' : segments[i]!;
    const container = node as Record<string, unknown>;
    if (!isContainer(container[key])) {
      const parentSchema = schemaAt(bodySchema, pointerOf(...segments.slice(0, i + 1)));
      const created = parentSchema ? minimalValue(parentSchema) : undefined;
      container[key] = isContainer(created) ? created : segments[i + 1] === '*' ? [] : {};
    }
    node = container[key];
  }
  const last = segments[segments.length - 1] === '*' ? '0' : segments[segments.length - 1]!;
  if (!isContainer(node)) return request;
  const container = node as Record<string, unknown>;
  if (value === REMOVE) {
    if (Array.isArray(container)) container.splice(Number(last), 1);
    else delete container[last];
  } else {
    container[last] = value;
  }
  return { ...request, body: { json: root } };
}
