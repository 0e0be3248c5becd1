import type { ConstraintKind } from '../model/Constraint.ts';
import { minimalValue } from '../values/minimalValue.ts';
import { asObject } from '../values/asObject.ts';
import type { Keyword, Sample, ValueSite } from './Keyword.ts';
import { strangerName } from './strangerName.ts';

/** The current object grown or shrunk to `count` members: optional members go first, documented ones come first. */
function withMembers(site: ValueSite, count: number): Record<string, unknown> | undefined {
  const out = { ...asObject(site.current) };
  const required = new Set(site.node.required ?? []);
  for (const name of Object.keys(out)) {
    if (Object.keys(out).length <= count) break;
    if (!required.has(name)) delete out[name];
  }
  for (const [name, schema] of Object.entries(site.node.properties ?? {})) {
    if (Object.keys(out).length >= count) break;
    if (!(name in out)) out[name] = minimalValue(schema);
  }
  while (Object.keys(out).length < count && site.node.additionalProperties !== false) out[strangerName(site.node, Object.keys(out))] = 'x';
  return Object.keys(out).length === count ? out : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sized(variant: string, site: ValueSite, count: number): Sample[] {
  const value = count >= 0 ? withMembers(site, count) : undefined;
  return value ? [{ variant, label: `with ${count} member${count === 1 ? '' : 's'}`, value }] : [];
}

/** `minProperties` and `maxProperties`: how many members an object has. */
export const propertyCountKeyword: Keyword = {
  kinds: ['minProperties', 'maxProperties'],
  rules: (node) =>
    (['minProperties', 'maxProperties'] as const).flatMap((kind) => (typeof node[kind] === 'number' ? [{ kind: kind as ConstraintKind, value: node[kind], keywordPointer: '' }] : [])),
  boundaries: (rule, site) => sized(`${rule.value as number}-members`, site, rule.value as number),
  // As many members as the sample, whichever they are.
  atSample: (_rule, sample, actual) => isObject(actual) && isObject(sample.value) && Object.keys(actual).length === Object.keys(sample.value).length,
  violations: (rule, site) => {
    const limit = rule.value as number;
    return rule.kind === 'minProperties' ? sized(`${limit - 1}-members`, site, limit - 1) : sized(`${limit + 1}-members`, site, limit + 1);
  },
  locate: (issue) => (issue.keyword === 'minProperties' || issue.keyword === 'maxProperties' ? { kind: issue.keyword, target: issue.at } : undefined),
  describe: (rule, actual) => {
    const count = Object.keys(asObject(actual)).length;
    return rule.kind === 'minProperties' ? `has ${count} members, fewer than minProperties ${String(rule.value)}` : `has ${count} members, more than maxProperties ${String(rule.value)}`;
  },
};
