/** The largest finite single-precision value. */
export const FLOAT_MAX = 3.4028234663852886e38;

/** The range a numeric `format` allows by itself (OpenAPI's int32, int64, float); empty for the others. */
export function formatRange(format: string | undefined): { min?: number; max?: number } {
  switch (format) {
    case 'int32':
      return { min: -(2 ** 31), max: 2 ** 31 - 1 };
    case 'int64':
      return { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER };
    case 'float':
      return { min: -FLOAT_MAX, max: FLOAT_MAX };
    default:
      return {};
  }
}
