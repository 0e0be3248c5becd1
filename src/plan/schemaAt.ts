import type { SchemaNode } from '../openapi/SchemaNode.ts';

/** Splits a JSON pointer into unescaped segments. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** The schema node that governs the instance at a pointer (`*` or a number for array items), if the schema says. */
export function schemaAt(root: SchemaNode, pointer: string): SchemaNode | undefined {
  let node: SchemaNode | undefined = root;
  for (const segment of pointerSegments(pointer)) {
    if (!node) return undefined;
    node = segment === '*' || /^\d+$/.test(segment) ? (node.items ?? node.properties?.[segment]) : node.properties?.[segment];
  }
  return node;
}
