import type { SchemaNode } from '../openapi/SchemaNode.ts';
import { numericRange } from './minimalValue.ts';
import { schemaTypes } from './schemaTypes.ts';

function admits(types: readonly string[], value: unknown): boolean {
  if (value === null) return types.includes('null');
  if (Array.isArray(value)) return types.includes('array');
  if (typeof value === 'number') return types.includes('number') || (types.includes('integer') && Number.isInteger(value));
  return types.includes(typeof value);
}

/**
 * Values of a type the node does not admit, each breaking only `type`: for an integer, a fraction inside
 * its range and a string; otherwise the first of a string, a number, a boolean that is foreign. For a
 * parameter (`asText`) only what survives the trip as text: a fraction or a word where a number or
 * boolean is expected. Empty when the type cannot be broken (any type goes, or a text parameter).
 */
export function foreignValues(node: SchemaNode, asText: boolean): unknown[] {
  const types = schemaTypes(node);
  if (types.length === 0) return [];
  const out: unknown[] = [];
  if (types.includes('integer') && !types.includes('number')) {
    const { min, max } = numericRange(node, true);
    const fraction = (min ?? (max !== undefined ? Math.min(0, max - 1) : 0)) + 0.5;
    out.push(asText ? String(fraction) : fraction);
  }
  if (asText) {
    if (!types.includes('string')) out.push('invalid-value');
    return out;
  }
  const other = ['invalid-value', 12345, true].find((v) => !admits(types, v));
  if (other !== undefined) out.push(other);
  return out;
}
