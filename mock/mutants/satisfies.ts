import type { Constraint } from '../../src/model/Constraint.ts';
import { codePointLength } from '../../src/values/codePointLength.ts';

const asNumber = (value: unknown): number | undefined => {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return undefined;
};

/**
 * Whether a value satisfies one request constraint, for the kinds an operator re-checks on a changed
 * value (trimmed, case-folded, normalised, cut short); undefined for a kind it cannot judge alone.
 * Parameters travel as text: a numeric limit reads the number a parameter spells.
 */
export function satisfies(c: Constraint, value: unknown, options: { readonly ignoreCase?: boolean } = {}): boolean | undefined {
  const limit = c.value;
  switch (c.kind) {
    case 'maxLength':
      return typeof value === 'string' && typeof limit === 'number' ? codePointLength(value) <= limit : undefined;
    case 'minLength':
      return typeof value === 'string' && typeof limit === 'number' ? codePointLength(value) >= limit : undefined;
    case 'maximum':
    case 'minimum':
    case 'exclusiveMaximum':
    case 'exclusiveMinimum': {
      const n = asNumber(value);
      if (n === undefined || typeof limit !== 'number') return undefined;
      return c.kind === 'maximum' ? n <= limit : c.kind === 'minimum' ? n >= limit : c.kind === 'exclusiveMaximum' ? n < limit : n > limit;
    }
    case 'enum':
      if (typeof value !== 'string' || !Array.isArray(limit)) return undefined;
      return limit.some((v) => typeof v === 'string' && (options.ignoreCase ? v.toLowerCase() === value.toLowerCase() : v === value));
    case 'pattern':
      return typeof value === 'string' && typeof limit === 'string' ? new RegExp(limit, options.ignoreCase ? 'iu' : 'u').test(value) : undefined;
    default:
      return undefined;
  }
}

/** The numeric limit of a length or range constraint, if it is one. */
export function numericLimit(c: Constraint): number | undefined {
  return ['minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minItems', 'maxItems'].includes(c.kind) && typeof c.value === 'number' ? c.value : undefined;
}

/** What a length or range rule measures of a value: its length, its item count, or the number it is or spells. */
export function measuredValue(c: Constraint, value: unknown): number | undefined {
  if (c.kind === 'minLength' || c.kind === 'maxLength') return typeof value === 'string' ? codePointLength(value) : undefined;
  if (c.kind === 'minItems' || c.kind === 'maxItems') return Array.isArray(value) ? value.length : undefined;
  return asNumber(value);
}
