import type { Constraint } from '../../src/model/Constraint.ts';
import type { SchemaNode } from '../../src/openapi/SchemaNode.ts';
import { alignToMultiple, multipleOf } from '../../src/values/alignToMultiple.ts';
import { codePointLength } from '../../src/values/codePointLength.ts';
import { nextDouble } from '../../src/values/nextDouble.ts';
import { schemaTypes } from '../../src/values/schemaTypes.ts';

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

/**
 * The last value a limit lets through (`edge`) and the first one past it (`past`), one step apart, where
 * the step is what the node allows: 1 for a length or an integer, its `multipleOf`, or the next double
 * for a number, so neither value breaks another rule of the node (a count past 100 with `multipleOf: 3`
 * is 102, not 101).
 */
export function edgeAndPast(c: Constraint, node: SchemaNode | undefined): { readonly edge: number; readonly past: number } | undefined {
  const limit = numericLimit(c);
  if (limit === undefined) return undefined;
  if (['maxLength', 'maxItems'].includes(c.kind)) return { edge: limit, past: limit + 1 };
  if (['minLength', 'minItems'].includes(c.kind)) return { edge: limit, past: limit - 1 };
  const types = node ? schemaTypes(node) : [];
  const integer = types.includes('integer') && !types.includes('number');
  const step = node?.multipleOf;
  /** The first allowed value at or beyond `from` in `direction`. */
  const onStep = (from: number, direction: 1 | -1): number => {
    if (typeof step === 'number' && step > 0) return alignToMultiple(from, step, direction);
    return integer ? (direction === 1 ? Math.ceil(from) : Math.floor(from)) : from;
  };
  /** The first allowed value strictly beyond `from`. */
  const beyond = (from: number, direction: 1 | -1): number => {
    if (typeof step === 'number' && step > 0) return multipleOf(step, direction === 1 ? Math.floor(from / step + 1e-9) + 1 : Math.ceil(from / step - 1e-9) - 1);
    return integer ? (direction === 1 ? Math.floor(from) + 1 : Math.ceil(from) - 1) : nextDouble(from, direction);
  };
  switch (c.kind) {
    case 'maximum':
      return { edge: onStep(limit, -1), past: beyond(limit, 1) };
    case 'minimum':
      return { edge: onStep(limit, 1), past: beyond(limit, -1) };
    case 'exclusiveMaximum':
      return { edge: beyond(limit, -1), past: onStep(limit, 1) };
    case 'exclusiveMinimum':
      return { edge: beyond(limit, 1), past: onStep(limit, -1) };
    default:
      return undefined;
  }
}
