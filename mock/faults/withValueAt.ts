import { REMOVE } from '../../src/keywords/REMOVE.ts';
import { removeAt, setAt, valueAt, type MakeParent } from '../../src/openapi/pointer.ts';

/**
 * A copy of a JSON body with the value at a pointer replaced (computed from the old one), or removed
 * when `next` returns REMOVE. Without `makeParent` only a value whose parent is there is written.
 */
export function withValueAt(body: unknown, pointer: string, next: (old: unknown) => unknown, makeParent?: MakeParent): unknown {
  const copy = structuredClone(body);
  const old = valueAt(copy, pointer);
  // Written back first as it was: the parents exist (or the body is left as it is) before `next` runs.
  if (!setAt(copy, pointer, old, makeParent)) return copy;
  const value = next(old);
  if (value === REMOVE) removeAt(copy, pointer);
  else setAt(copy, pointer, value);
  return copy;
}
