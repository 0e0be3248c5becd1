import type { PlannedRequest } from '../model/Case.ts';
import type { SchemaNode } from '../openapi/SchemaNode.ts';
import { REMOVE } from '../keywords/REMOVE.ts';
import { minimalValue } from '../values/minimalValue.ts';
import { pointerOf, pointerSegments, removeAt, setAt, type MakeParent } from '../openapi/pointer.ts';
import { schemaAt } from './schemaAt.ts';

const isContainer = (value: unknown): boolean => value !== null && typeof value === 'object';

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
  const root: unknown = structuredClone(isContainer(current) ? current : (minimalValue(bodySchema) ?? {}));
  const makeParent: MakeParent = (depth) => {
    const parentSchema = schemaAt(bodySchema, pointerOf(...segments.slice(0, depth + 1)));
    const created = parentSchema ? minimalValue(parentSchema) : undefined;
    return isContainer(created) ? created : segments[depth + 1] === '*' ? [] : {};
  };
  const at = pointerOf(...segments.map((s) => (s === '*' ? '0' : s)));
  if (!isContainer(root)) return request;
  if (value === REMOVE) removeAt(root, at, makeParent);
  else setAt(root, at, value, makeParent);
  return { ...request, body: { json: root } };
}
