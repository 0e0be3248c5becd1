import { describe, expect, it } from 'vitest';
import type { SchemaNode } from '../../src/openapi/SchemaNode.ts';
import { minimalValue } from '../../src/values/minimalValue.ts';

describe('minimalValue: the one small valid value of a schema (planner, mock and contracts)', () => {
  it('ends at a $ref loop of required members instead of overflowing the stack', () => {
    const node: { type: string; required: string[]; properties: Record<string, unknown> } = { type: 'object', required: ['name', 'parent'], properties: { name: { type: 'string' } } };
    node.properties['parent'] = node;
    const value = minimalValue(node as SchemaNode, 'ascii') as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['name', 'parent']);
    expect(value['name']).toBe('abcdef01');
    expect(value['parent']).toBeUndefined();
  });

  it('takes the const, the default, the first enum value, else builds from the type and its limits', () => {
    expect(minimalValue({ const: 'c', default: 'd' })).toBe('c');
    expect(minimalValue({ type: 'string', default: 'd', enum: ['e'] })).toBe('d');
    expect(minimalValue({ type: 'string', enum: ['e', 'f'] })).toBe('e');
    expect(minimalValue({ type: 'integer', exclusiveMinimum: 2 })).toBe(3);
    expect(minimalValue({ type: 'string', minLength: 10, maxLength: 12 }, 'ascii')).toHaveLength(10);
    expect(minimalValue({ type: 'array', minItems: 2, items: { type: 'boolean' } })).toEqual([true, true]);
  });

  it.each<[string, SchemaNode, unknown]>([
    ['the lowest value of a range', { type: 'integer', minimum: 4, maximum: 9 }, 4],
    ['the first multiple past an exclusive minimum', { type: 'integer', exclusiveMinimum: 0, maximum: 50, multipleOf: 5 }, 5],
    ['the first multiple at a minimum', { type: 'integer', minimum: 1, maximum: 100, multipleOf: 3 }, 3],
    ['a decimal step', { type: 'number', minimum: 0.05, multipleOf: 0.1 }, 0.1],
    ['the plain value when the range holds no multiple', { type: 'integer', minimum: 1, maximum: 2, multipleOf: 5 }, 1],
  ])('%s', (_label, node, expected) => {
    expect(minimalValue(node)).toBe(expected);
  });
});
