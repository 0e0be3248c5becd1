import fc from 'fast-check';
import type { SchemaNode } from '../../openapi/SchemaNode.ts';
import { numericRange } from '../../values/minimalValue.ts';

/** Integers (`type: integer`) or finite doubles of a node, within its minimum/maximum (exclusive ones too). */
export function numberArbitrary(node: SchemaNode, integer: boolean): fc.Arbitrary<number> {
  const { min, max } = numericRange(node, integer);
  if (min !== undefined && max !== undefined && max < min) throw new RangeError(`numberArbitrary: maximum ${max} is below minimum ${min}`);
  if (integer) {
    return fc.integer({ min: min ?? Number.MIN_SAFE_INTEGER, max: max ?? Number.MAX_SAFE_INTEGER });
  }
  return fc.double({ ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}), noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n));
}
