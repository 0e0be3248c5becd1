import fc from 'fast-check';
import type { SchemaNode } from '../openapi/SchemaNode.ts';
import { numericRange } from '../values/minimalValue.ts';
import { schemaTypes } from '../values/schemaTypes.ts';
import { numberArbitrary } from './arbitraries/numberArbitrary.ts';
import { objectArbitrary } from './arbitraries/objectArbitrary.ts';
import { stringArbitrary } from './arbitraries/stringArbitrary.ts';
import type { Keyword, Sample, ValidDraw } from './Keyword.ts';
import { show } from './show.ts';

function admits(types: readonly string[], value: unknown): boolean {
  if (value === null) return types.includes('null');
  if (Array.isArray(value)) return types.includes('array');
  if (typeof value === 'number') return types.includes('number') || (types.includes('integer') && Number.isInteger(value));
  return types.includes(typeof value);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/** A number inside the node's range, so that the same number written otherwise breaks only `type`. */
function numberInRange(node: SchemaNode): number {
  const { min, max } = numericRange(node, true);
  if (min !== undefined && max !== undefined) return Math.min(max, Math.max(min, 10));
  return min ?? (max !== undefined ? Math.min(max, 10) : 10);
}

/**
 * Values of the wrong JSON type, the ones careless code lets through: for a number, a fraction (for an
 * integer), the same number as a string, null, a boolean, an array, an object; for a string, a number, a
 * boolean, null, an object, an array; and so on. Parameters travel as text, so only a fraction or a word
 * where a number or boolean is expected can be sent there.
 */
function wrongTypes(node: SchemaNode, asText: boolean): Sample[] {
  const types = schemaTypes(node);
  if (types.length === 0) return [];
  const number = numberInRange(node);
  const fraction = number + 0.5;
  if (asText) {
    const out: Sample[] = [];
    if (types.includes('integer') && !types.includes('number')) out.push({ variant: 'fraction', label: `= ${fraction}`, value: String(fraction) });
    if (!types.includes('string')) out.push({ variant: 'word', label: '= "invalid-value"', value: 'invalid-value' });
    return out;
  }
  const candidates: Array<[string, unknown]> = [
    ['fraction', fraction],
    ['number-as-string', String(number)],
    ['string', 'invalid-value'],
    ['number', 12345],
    ['boolean', true],
    ['boolean-as-string', 'true'],
    ['null', null],
    ['array', []],
    ['object', {}],
  ];
  const numeric = types.includes('integer') || types.includes('number');
  return candidates
    .filter(
      ([variant, value]) =>
        !admits(types, value) && (variant !== 'fraction' || types.includes('integer')) && (variant !== 'number-as-string' || numeric) && (variant !== 'boolean-as-string' || types.includes('boolean')),
    )
    .map(([variant, value]) => ({ variant, label: `= ${show(value)}`, value }));
}

/**
 * A value of the branch's type. A text is drawn within its lengths, pattern and format, a number within
 * its range, step and numeric format: those keywords bound one value together, so each type's draw keeps
 * them all at once (src/keywords/arbitraries/), and their modules leave these draws as they are. An
 * object has its required members and each other documented member or not; an array a few items.
 */
function ofType(node: SchemaNode, draw: ValidDraw): fc.Arbitrary<unknown> {
  switch (draw.type) {
    case 'string':
      return stringArbitrary(node, draw.channel);
    case 'integer':
    case 'number':
      return numberArbitrary(node, draw.type === 'integer');
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(draw.items(), { minLength: 0, maxLength: 3 });
    case 'object':
      return objectArbitrary(node, draw.member);
    default:
      throw new RangeError(`unknown type "${String(draw.type)}"`);
  }
}

/** `type`: the JSON type of a value. */
export const typeKeyword: Keyword = {
  kinds: ['type'],
  rules: (node) => (node.type !== undefined ? [{ kind: 'type', value: node.type, keywordPointer: '' }] : []),
  boundaries: () => [],
  violations: (_rule, site) => wrongTypes(site.node, site.asText),
  // The first valid side: any JSON value becomes one of the branch's type (a node of no type stays any).
  valid: (node, values, draw) => (draw.type === undefined ? values : ofType(node, draw)),
  locate: (issue) => (issue.keyword === 'type' ? { kind: 'type', target: issue.at } : undefined),
  describe: (rule, actual) => `is ${typeName(actual)}, not ${[rule.value].flat().join(' or ')}`,
};
