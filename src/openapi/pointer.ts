/**
 * The one JSON pointer (RFC 6901) kernel: build, split and read. Everything that names a place in a
 * document or a body uses these, so escaping (`~0`, `~1`) is done in one place.
 */

/** Builds a JSON pointer from unescaped segments. */
export function pointerOf(...segments: string[]): string {
  return segments.map((s) => `/${s.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/** Splits a JSON pointer into unescaped segments (`""` is the root: no segment). */
export function pointerSegments(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
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
