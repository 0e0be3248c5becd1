/**
 * The one JSON pointer (RFC 6901) kernel: build, split, read, set and remove. Everything that names a
 * place in a document or a body, or writes there, uses these, so escaping (`~0`, `~1`) and the walk
 * through parents are done in one place.
 */

/** Builds a JSON pointer from unescaped segments. */
export function pointerOf(...segments: string[]): string {
  return segments.map((s) => `/${s.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** Splits a JSON pointer into unescaped segments (`""` is the root: no segment). */
export function pointerSegments(pointer: string): string[] {
  return pointer === ''
    ? []
    : pointer
        .slice(1)
        .split('/')
        .map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** Reads the value at a JSON pointer, or undefined when any segment is missing. */
export function valueAt(root: unknown, pointer: string): unknown {
  let node: unknown = root;
  for (const key of pointerSegments(pointer)) {
    if (node === null || typeof node !== 'object' || !(key in node)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

type Container = Record<string, unknown> | unknown[];

const isContainer = (value: unknown): value is Container => value !== null && typeof value === 'object';

/**
 * Makes the parent at segment `depth` of a write that is missing (or is not an object or array, passed
 * as `existing`): the new parent, or undefined to leave the document as it is.
 */
export type MakeParent = (depth: number, existing: unknown) => unknown;

/** The container holding the value at `segments` (creating parents with `makeParent`), or undefined. */
function parentFor(root: unknown, segments: readonly string[], makeParent: MakeParent | undefined): Container | undefined {
  if (!isContainer(root)) return undefined;
  let node: Container = root;
  for (let depth = 0; depth < segments.length - 1; depth += 1) {
    const key = segments[depth]!;
    const child = (node as Record<string, unknown>)[key];
    if (!isContainer(child)) {
      const made = makeParent?.(depth, child);
      if (!isContainer(made)) return undefined;
      (node as Record<string, unknown>)[key] = made;
    }
    node = (node as Record<string, Container>)[key]!;
  }
  return node;
}

/**
 * Sets the value at a JSON pointer, in place. A parent that is missing (or not an object or array) is
 * made by `makeParent`; without it, or when it declines, nothing is written. The root itself is never
 * replaced (pointer `""`). Returns whether the value was written.
 */
export function setAt(root: unknown, pointer: string, value: unknown, makeParent?: MakeParent): boolean {
  const segments = pointerSegments(pointer);
  const parent = segments.length === 0 ? undefined : parentFor(root, segments, makeParent);
  if (!parent) return false;
  (parent as Record<string, unknown>)[segments.at(-1)!] = value;
  return true;
}

/**
 * Removes the value at a JSON pointer, in place (an array item is spliced out); missing parents are
 * made by `makeParent` as `setAt` does. Returns whether a value was removed.
 */
export function removeAt(root: unknown, pointer: string, makeParent?: MakeParent): boolean {
  const segments = pointerSegments(pointer);
  const parent = segments.length === 0 ? undefined : parentFor(root, segments, makeParent);
  const last = segments.at(-1)!;
  if (!parent || !(last in parent)) return false;
  if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else delete parent[last];
  return true;
}
