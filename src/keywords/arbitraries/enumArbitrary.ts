import fc from 'fast-check';

/** One of the listed values (`enum`); shrinks towards the first. */
export function enumArbitrary(values: readonly unknown[]): fc.Arbitrary<unknown> {
  if (values.length === 0) throw new RangeError('enumArbitrary: the enum lists no value');
  return fc.constantFrom(...values);
}
