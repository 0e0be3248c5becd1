import fc from 'fast-check';
import type { SchemaNode } from '../../openapi/SchemaNode.ts';

/** Arrays of a node's items, within `minItems`/`maxItems` (at most a few items when unbounded). */
export function arrayArbitrary(node: SchemaNode, item: fc.Arbitrary<unknown>): fc.Arbitrary<unknown[]> {
  const minLength = typeof node.minItems === 'number' ? node.minItems : 0;
  const maxLength = typeof node.maxItems === 'number' ? node.maxItems : minLength + 3;
  return fc.array(item, { minLength, maxLength });
}
