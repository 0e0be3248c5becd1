import type { SchemaNode } from '../openapi/SchemaNode.ts';

/** The JSON types a schema node admits, as declared or implied by its keywords; empty when any type goes. */
export function schemaTypes(node: SchemaNode): string[] {
  if (typeof node.type === 'string') return [node.type];
  if (Array.isArray(node.type)) return [...(node.type as readonly string[])];
  if (node.properties || node.required || node.anyOf) return ['object'];
  if (node.items) return ['array'];
  if (node.minLength !== undefined || node.maxLength !== undefined || node.pattern !== undefined) return ['string'];
  if (node.minimum !== undefined || node.maximum !== undefined) return ['number'];
  return [];
}
