import type { SchemaNode } from '../openapi/SchemaNode.ts';
import { alignToMultiple } from './alignToMultiple.ts';
import { minimalValue, numericRange } from './minimalValue.ts';
import { schemaTypes } from './schemaTypes.ts';
import { textOfLength } from './textOfLength.ts';

/**
 * `count` different valid values of a node (array items that must be unique), or `undefined` when the
 * node does not offer that many simple ones.
 */
export function distinctValues(node: SchemaNode, count: number): unknown[] | undefined {
  if (count <= 1) return count === 1 ? [minimalValue(node)] : [];
  if (node.enum) return node.enum.length >= count ? node.enum.slice(0, count) : undefined;
  const type = schemaTypes(node).find((t) => t !== 'null');
  if (type === 'boolean') return count <= 2 ? [true, false].slice(0, count) : undefined;
  if (type === 'integer' || type === 'number') {
    const { min, max } = numericRange(node, type === 'integer');
    const step = typeof node.multipleOf === 'number' ? node.multipleOf : 1;
    const first = alignToMultiple(min ?? 0, step, 1);
    const out = Array.from({ length: count }, (_, i) => alignToMultiple(first + i * step, step, 1));
    return max === undefined || out.every((v) => v <= max) ? out : undefined;
  }
  if (type === 'string') {
    const min = node.minLength ?? 0;
    const max = node.maxLength ?? min + 8;
    const out = new Set<string>();
    for (let length = Math.max(min, 1); length <= max && out.size < count; length += 1) {
      const text = textOfLength(length, node);
      if (text !== undefined) out.add(text);
    }
    return out.size >= count ? [...out].slice(0, count) : undefined;
  }
  return undefined;
}
