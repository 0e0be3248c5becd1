/** The nearest double above (`+1`) or below (`-1`) `x`: the first value past an exclusive bound. */
export function nextDouble(x: number, direction: 1 | -1): number {
  if (x === 0) return direction * Number.MIN_VALUE;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigInt64(0);
  view.setBigInt64(0, bits + BigInt((x > 0 ? 1 : -1) * direction));
  return view.getFloat64(0);
}
