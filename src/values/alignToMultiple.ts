/** Decimals of a step (`0.25` → 2), so products of it can be rounded back to what the step spells. */
function decimalsOf(step: number): number {
  const text = String(step);
  const exponent = /e-(\d+)$/.exec(text);
  if (exponent) return Number(exponent[1]);
  return text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
}

/** `k × step`, rounded to the step's decimals so `3 × 0.1` is `0.3`, as a validator's division expects. */
export function multipleOf(step: number, k: number): number {
  return Number((k * step).toFixed(Math.min(decimalsOf(step), 20)));
}

/**
 * The multiple of `step` nearest to `value` in `direction` (`1`: the first at or above it, `-1`: the last at
 * or below it).
 */
export function alignToMultiple(value: number, step: number, direction: 1 | -1): number {
  const k = direction === 1 ? Math.ceil(value / step - 1e-9) : Math.floor(value / step + 1e-9);
  return multipleOf(step, k);
}
