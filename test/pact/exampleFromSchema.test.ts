import { describe, expect, it } from 'vitest';
import { exampleFromSchema } from '../../contracts/exampleFromSchema.ts';
import type { SchemaNode } from '../../src/openapi/SchemaNode.ts';

describe('exampleFromSchema', () => {
  it('ends at a $ref loop of required members instead of overflowing the stack', () => {
    const node: { type: string; required: string[]; properties: Record<string, unknown> } = { type: 'object', required: ['name', 'parent'], properties: { name: { type: 'string' } } };
    node.properties['parent'] = node;
    expect(exampleFromSchema(node as SchemaNode)).toEqual({ name: 'x', parent: null });
  });
});
