import type { ConstraintKind } from '../model/Constraint.ts';
import type { SchemaNode } from '../openapi/SchemaNode.ts';
import { alignToMultiple } from '../values/alignToMultiple.ts';
import { nextDouble } from '../values/nextDouble.ts';
import { schemaTypes } from '../values/schemaTypes.ts';
import type { Keyword, Sample } from './Keyword.ts';
import { show } from './show.ts';

type RangeKind = 'minimum' | 'maximum' | 'exclusiveMinimum' | 'exclusiveMaximum';
const KINDS: readonly RangeKind[] = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'];

const INT32_OVERFLOW = 2 ** 31;
const BEYOND_INT32 = -(2 ** 31) - 1;

function isInteger(node: SchemaNode): boolean {
  const types = schemaTypes(node);
  return types.includes('integer') && !types.includes('number');
}

/** The first allowed value past or at a bound, towards the inside of the range (`1`: upwards). */
function inside(node: SchemaNode, bound: number, exclusive: boolean, direction: 1 | -1): number {
  const integer = isInteger(node);
  let value = exclusive
    ? integer
      ? direction === 1
        ? Math.floor(bound) + 1
        : Math.ceil(bound) - 1
      : nextDouble(bound, direction)
    : integer
      ? direction === 1
        ? Math.ceil(bound)
        : Math.floor(bound)
      : bound;
  if (typeof node.multipleOf === 'number') value = alignToMultiple(value, node.multipleOf, direction);
  return value;
}

/**
 * Values outside a bound, the ones careless code waves through: one step past it, zero and a negative
 * number (a falsy or sign-blind test), and numbers past 32-bit limits (an overflow).
 */
function outside(kind: RangeKind, bound: number, node: SchemaNode): Sample[] {
  const unit = isInteger(node) || Number.isInteger(bound) ? 1 : Math.abs(bound) / 2 || 1;
  const below = kind === 'minimum' || kind === 'exclusiveMinimum';
  const exclusive = kind.startsWith('exclusive');
  const candidates: Array<[string, number]> = below
    ? [
        ...(exclusive ? ([['at-limit', bound]] as Array<[string, number]>) : []),
        ['one-below', exclusive ? bound - unit : (isInteger(node) ? Math.ceil(bound) : bound) - unit],
        ['zero', 0],
        ['negative', -1],
        ['int32-underflow', BEYOND_INT32],
      ]
    : [
        ...(exclusive ? ([['at-limit', bound]] as Array<[string, number]>) : []),
        ['one-above', exclusive ? bound + unit : (isInteger(node) ? Math.floor(bound) : bound) + unit],
        ['int32-overflow', INT32_OVERFLOW],
        ['max-safe-integer', Number.MAX_SAFE_INTEGER],
      ];
  const breaks = (n: number): boolean => (kind === 'minimum' ? n < bound : kind === 'maximum' ? n > bound : kind === 'exclusiveMinimum' ? n <= bound : n >= bound);
  // With a `multipleOf`, each value moves outwards to a multiple, so it breaks the bound and nothing else.
  const step = typeof node.multipleOf === 'number' ? node.multipleOf : undefined;
  const aligned = (n: number): number => (step === undefined ? n : alignToMultiple(n, step, below ? -1 : 1));
  const isMultiple = (n: number): boolean => step === undefined || Math.abs(n / step - Math.round(n / step)) < 1e-9;
  const seen = new Set<number>();
  return candidates.flatMap(([variant, raw]) => {
    const value = aligned(raw);
    if (!breaks(value) || !isMultiple(value) || !Number.isSafeInteger(Math.round(value)) || seen.has(value)) return [];
    seen.add(value);
    return [{ variant, label: `= ${show(value)}`, value }];
  });
}

/** `minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum` (JSON Schema 2020-12: numbers). */
export const rangeKeyword: Keyword = {
  kinds: KINDS,
  rules: (node) => KINDS.flatMap((kind) => (typeof node[kind] === 'number' ? [{ kind: kind, value: node[kind], keywordPointer: '' }] : [])),
  boundaries: (rule, site) => {
    const kind = rule.kind as RangeKind;
    const value = inside(site.node, rule.value as number, kind.startsWith('exclusive'), kind.endsWith('inimum') ? 1 : -1);
    return [{ variant: 'at-edge', label: `= ${show(value)}`, value }];
  },
  violations: (rule, site) => outside(rule.kind as RangeKind, rule.value as number, site.node),
  // The type's number draw keeps the range (and the range a numeric format implies, int32's).
  valid: (_node, values) => values,
  locate: (issue) => ((KINDS as readonly string[]).includes(issue.keyword) ? { kind: issue.keyword as ConstraintKind, target: issue.at } : undefined),
  describe: (rule) => {
    switch (rule.kind) {
      case 'maximum':
        return `exceeds maximum ${String(rule.value)}`;
      case 'minimum':
        return `is below minimum ${String(rule.value)}`;
      case 'exclusiveMaximum':
        return `is not below exclusiveMaximum ${String(rule.value)}`;
      default:
        return `is not above exclusiveMinimum ${String(rule.value)}`;
    }
  },
};
