import fc from 'fast-check';
import type { SchemaNode } from '../../openapi/SchemaNode.ts';
import { formatRange } from '../../values/formatRange.ts';
import { numericRange } from '../../values/minimalValue.ts';

/** Integers (`type: integer`) or finite doubles of a node, within its minimum/maximum (exclusive ones too). */
export function numberArbitrary(node: SchemaNode, integer: boolean): fc.Arbitrary<number> {
  const stated = numericRange(node, integer);
  // A numeric format bounds the value too: an int32 beyond 2^31 or a float beyond single precision is not valid.
  const implied = formatRange(node.format);
  const min = stated.min ?? implied.min;
  const max = stated.max ?? implied.max;
  if (min !== undefined && max !== undefined && max < min) throw new RangeError(`numberArbitrary: maximum ${max} is below minimum ${min}`);
  const step = typeof node.multipleOf === 'number' && node.multipleOf > 0 ? node.multipleOf : undefined;
  if (step !== undefined) {
    // Multiples of the step within the range: k × step, kept to what a division check accepts.
    const low = Math.ceil((min ?? -1e9 * step) / step);
    const high = Math.floor((max ?? 1e9 * step) / step);
    if (high < low) throw new RangeError(`numberArbitrary: no multiple of ${step} between ${min} and ${max}`);
    const decimals = (String(step).split('.')[1] ?? '').length;
    return (
      fc
        .integer({ min: Math.max(low, Number.MIN_SAFE_INTEGER), max: Math.min(high, Number.MAX_SAFE_INTEGER) })
        .map((k) => (decimals > 0 ? Number((k * step).toFixed(decimals)) : k * step))
        // In binary floating point 0.07 / 0.01 is not 7: only the multiples a division check accepts are valid everywhere.
        .filter((n) => Number.isInteger(n / step))
        .map((n) => (Object.is(n, -0) ? 0 : n))
    );
  }
  if (integer) {
    return fc.integer({ min: min ?? Number.MIN_SAFE_INTEGER, max: max ?? Number.MAX_SAFE_INTEGER });
  }
  const doubles = fc.double({ ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}), noNaN: true, noDefaultInfinity: true });
  // A float travels as the single-precision value it is: a double between two floats is not one.
  const values = node.format === 'float' ? doubles.map((n) => Math.fround(n)).filter((n) => Number.isFinite(n) && (min === undefined || n >= min) && (max === undefined || n <= max)) : doubles;
  return values.map((n) => (Object.is(n, -0) ? 0 : n));
}
