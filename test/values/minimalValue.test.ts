import { describe, expect, it } from 'vitest';
import type { SchemaNode } from '../../src/openapi/SchemaNode.ts';
import { minimalValue } from '../../src/values/minimalValue.ts';

describe('minimalValue', () => {
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
