import fc from 'fast-check';
import type { ConstraintKind } from '../model/Constraint.ts';
import { distinctValues } from '../values/distinctValues.ts';
import { minimalValue } from '../values/minimalValue.ts';
import { sameJson } from '../values/sameJson.ts';
import type { Keyword, Sample } from './Keyword.ts';

type ItemsKind = 'minItems' | 'maxItems' | 'uniqueItems';
const KINDS: readonly ItemsKind[] = ['minItems', 'maxItems', 'uniqueItems'];

/** `count` items of the array's item schema: different ones when the array asks for unique items. */
function itemsOf(node: Parameters<Keyword['rules']>[0], count: number): unknown[] | undefined {
  const item = node.items ?? {};
  return node.uniqueItems === true ? distinctValues(item, count) : Array.from({ length: count }, () => minimalValue(item));
}

function sized(variant: string, node: Parameters<Keyword['rules']>[0], count: number): Sample[] {
  const items = itemsOf(node, count);
  return items ? [{ variant, label: `with ${count} item${count === 1 ? '' : 's'}`, value: items }] : [];
}

/** `minItems`, `maxItems` and `uniqueItems`: the size and distinctness of an array. */
export const itemsKeyword: Keyword = {
  kinds: KINDS,
  rules: (node) =>
    KINDS.flatMap((kind) => {
      const value = node[kind];
      if (kind === 'uniqueItems' ? value !== true : typeof value !== 'number') return [];
      return [{ kind: kind, value, keywordPointer: '' }];
    }),
  boundaries: (rule, site) => (rule.kind === 'uniqueItems' ? [] : sized(`${rule.value as number}-items`, site.node, rule.value as number)),
  // As many items as the sample, whatever they are.
  atSample: (_rule, sample, actual) => Array.isArray(actual) && Array.isArray(sample.value) && actual.length === sample.value.length,
  violations: (rule, site) => {
    if (rule.kind === 'minItems') return (rule.value as number) > 0 ? sized(`${(rule.value as number) - 1}-items`, site.node, (rule.value as number) - 1) : [];
    if (rule.kind === 'maxItems') return sized(`${(rule.value as number) + 1}-items`, site.node, (rule.value as number) + 1);
    const one = minimalValue(site.node.items ?? {});
    return [{ variant: 'duplicate-items', label: 'with the same item twice', value: [one, structuredClone(one)] }];
  },
  // Arrays drawn anew within the item counts, of different items (as JSON Schema compares them) when
  // unique. fast-check draws a few items however large `maxItems` is.
  valid: (node, values, draw) => {
    if (draw.type !== 'array' || (typeof node.minItems !== 'number' && typeof node.maxItems !== 'number' && node.uniqueItems !== true)) return values;
    const minLength = typeof node.minItems === 'number' ? node.minItems : 0;
    const maxLength = typeof node.maxItems === 'number' ? node.maxItems : minLength + 3;
    if (maxLength < minLength) throw new RangeError(`maxItems ${maxLength} is below minItems ${minLength}`);
    if (node.uniqueItems !== true) return fc.array(draw.items(), { minLength, maxLength });
    // A list of items offers only so many different ones: never ask fast-check for more.
    const listed = node.items?.enum ?? (node.items?.const !== undefined ? [node.items.const] : undefined);
    if (listed !== undefined && listed.length < minLength) throw new RangeError(`minItems ${minLength} unique items of ${listed.length} listed values`);
    return fc.uniqueArray(draw.items(), { minLength, maxLength: listed === undefined ? maxLength : Math.min(maxLength, listed.length), comparator: sameJson });
  },
  locate: (issue) => ((KINDS as readonly string[]).includes(issue.keyword) ? { kind: issue.keyword as ConstraintKind, target: issue.at } : undefined),
  describe: (rule, actual) => {
    const count = Array.isArray(actual) ? actual.length : 0;
    if (rule.kind === 'uniqueItems') return 'has duplicate items';
    return rule.kind === 'minItems' ? `has ${count} items, fewer than minItems ${String(rule.value)}` : `has ${count} items, more than maxItems ${String(rule.value)}`;
  },
};
