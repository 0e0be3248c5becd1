import { pointerOf, pointerSegments, valueAt } from '../../src/openapi/pointer.ts';

/** A copy of a JSON body with the value at a pointer replaced (computed from the old one), or removed. */
export function withValueAt(body: unknown, pointer: string, next: (old: unknown) => unknown | typeof REMOVE): unknown {
  const copy = structuredClone(body) as Record<string, unknown>;
  const segments = pointerSegments(pointer);
  const last = segments.pop()!;
  const parent = valueAt(copy, pointerOf(...segments)) as Record<string, unknown> | undefined;
  if (parent === null || typeof parent !== 'object') return copy;
  const value = next(parent[last]);
  if (value === REMOVE) delete parent[last];
  else parent[last] = value;
  return copy;
}

/** Returned by `next` to delete the property. */
export const REMOVE: unique symbol = Symbol('remove');
