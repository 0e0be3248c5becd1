import { numericRange } from '../values/minimalValue.ts';
import { alignToMultiple, multipleOf } from '../values/alignToMultiple.ts';
import { schemaTypes } from '../values/schemaTypes.ts';
import type { Keyword } from './Keyword.ts';
import { show } from './show.ts';

/** `multipleOf`: the value is a whole multiple of a step. */
export const multipleOfKeyword: Keyword = {
  kinds: ['multipleOf'],
  rules: (node) => (typeof node.multipleOf === 'number' ? [{ kind: 'multipleOf', value: node.multipleOf, keywordPointer: '' }] : []),
  boundaries: (rule, site) => {
    const step = rule.value as number;
    const { min, max } = numericRange(site.node, schemaTypes(site.node).includes('integer'));
    const low = alignToMultiple(min ?? step, step, 1);
    const high = max !== undefined ? alignToMultiple(max, step, -1) : multipleOf(step, Math.max(2, Math.ceil(low / step) + 2));
    return [...new Set([low, high])]
      .filter((v) => (min === undefined || v >= min) && (max === undefined || v <= max))
      .map((value, i) => ({ variant: i === 0 ? 'lowest-multiple' : 'highest-multiple', label: `= ${show(value)}`, value }));
  },
  violations: (rule, site) => {
    const step = rule.value as number;
    const { min, max } = numericRange(site.node, schemaTypes(site.node).includes('integer'));
    const base = alignToMultiple(min ?? step, step, 1);
    // Half a step past a multiple, or one past it for a whole step: still inside the range, not a multiple.
    const off = Number.isInteger(step) && step > 1 ? base + 1 : base + step / 2;
    const integerOnly = schemaTypes(site.node).includes('integer') && !schemaTypes(site.node).includes('number');
    if ((max !== undefined && off > max) || (integerOnly && !Number.isInteger(off))) return [];
    return [{ variant: 'not-a-multiple', label: `= ${show(off)}`, value: off }];
  },
  // The type's number draw takes multiples of the step within the range, as a division check accepts them.
  valid: (_node, values) => values,
  locate: (issue) => (issue.keyword === 'multipleOf' ? { kind: 'multipleOf', target: issue.at } : undefined),
  describe: (rule) => `is not a multiple of ${String(rule.value)}`,
};
