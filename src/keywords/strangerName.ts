import type { SchemaNode } from '../openapi/SchemaNode.ts';

/** A member name the object's schema does not define (`unknown_field`, or one more `_` in front). */
export function strangerName(node: SchemaNode, taken: Iterable<string> = []): string {
  const used = new Set(taken);
  let name = 'unknown_field';
  while (node.properties?.[name] !== undefined || used.has(name)) name = `_${name}`;
  return name;
}
