import { pointerSegments } from '../openapi/pointer.ts';
import type { SchemaNode } from '../openapi/SchemaNode.ts';

/** The schema node that governs the instance at a pointer (`*` or a number for array items), if the schema says. */
export function schemaAt(root: SchemaNode, pointer: string): SchemaNode | undefined {
  let node: SchemaNode | undefined = root;
  for (const segment of pointerSegments(pointer)) {
    if (!node) return undefined;
    node = segment === '*' || /^\d+$/.test(segment) ? (node.items ?? node.properties?.[segment]) : node.properties?.[segment];
  }
  return node;
}
