import fc from 'fast-check';
import type { ConstraintKind } from '../model/Constraint.ts';
import type { SchemaNode } from '../openapi/SchemaNode.ts';
import { minimalValue } from '../values/minimalValue.ts';
import { asObject } from '../values/asObject.ts';
import type { Keyword, Sample, ValidDraw, ValueSite } from './Keyword.ts';
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

function sized(variant: string, site: ValueSite, count: number): Sample[] {
  const value = count >= 0 ? withMembers(site, count) : undefined;
  return value ? [{ variant, label: `with ${count} member${count === 1 ? '' : 's'}`, value }] : [];
}

/**
 * Drawn objects brought within the member counts: short of the minimum, the documented members it lacks
 * are added in document order (with drawn values), then, where the schema leaves the object open, members
 * of other names; over the maximum, optional members go, undocumented ones first, then the last documented.
 */
function counted(node: SchemaNode, values: fc.Arbitrary<unknown>, draw: ValidDraw): fc.Arbitrary<unknown> {
  const min = typeof node.minProperties === 'number' ? node.minProperties : 0;
  const max = typeof node.maxProperties === 'number' ? node.maxProperties : Number.POSITIVE_INFINITY;
  const names = Object.keys(node.properties ?? {});
  const required = new Set(node.required ?? []);
  const open = node.additionalProperties === undefined || node.additionalProperties === true;
  if (max < min || required.size > max || (!open && names.length < min)) throw new RangeError(`no object has between ${min} and ${max} members here`);
  const fit = (object: Record<string, unknown>, extra: readonly unknown[]): Record<string, unknown> => {
    const out = { ...object };
    names.forEach((name, i) => {
      if (Object.keys(out).length < min && !(name in out)) out[name] = extra[i];
    });
    while (Object.keys(out).length < min) out[strangerName(node, Object.keys(out))] = 'x';
    // Members of other names first, then documented ones from the last: a member another one needs is
    // usually documented before it.
    const documentedLast = [...Object.keys(out).filter((name) => !names.includes(name)), ...[...names].reverse()];
    for (const name of documentedLast) {
      if (Object.keys(out).length <= max) break;
      if (!required.has(name) && name in out) delete out[name];
    }
    return out;
  };
  // Values for the members a short object lacks are drawn only where there is a minimum to reach.
  const extra = min > 0 && names.length > 0 ? fc.tuple(...names.map((name) => draw.member(name))) : fc.constant([] as unknown[]);
  return fc.tuple(values, extra).map(([object, drawn]) => fit(asObject(object), drawn));
}

/** `minProperties` and `maxProperties`: how many members an object has. */
export const propertyCountKeyword: Keyword = {
  kinds: ['minProperties', 'maxProperties'],
  rules: (node) =>
    (['minProperties', 'maxProperties'] as const).flatMap((kind) => (typeof node[kind] === 'number' ? [{ kind: kind as ConstraintKind, value: node[kind], keywordPointer: '' }] : [])),
  boundaries: (rule, site) => sized(`${rule.value as number}-members`, site, rule.value as number),
  violations: (rule, site) => {
    const limit = rule.value as number;
    return rule.kind === 'minProperties' ? sized(`${limit - 1}-members`, site, limit - 1) : sized(`${limit + 1}-members`, site, limit + 1);
  },
  valid: (node, values, draw) => (draw.type === 'object' && (typeof node.minProperties === 'number' || typeof node.maxProperties === 'number') ? counted(node, values, draw) : values),
  locate: (issue) => (issue.keyword === 'minProperties' || issue.keyword === 'maxProperties' ? { kind: issue.keyword, target: issue.at } : undefined),
  describe: (rule, actual) => {
    const count = Object.keys(asObject(actual)).length;
    return rule.kind === 'minProperties' ? `has ${count} members, fewer than minProperties ${String(rule.value)}` : `has ${count} members, more than maxProperties ${String(rule.value)}`;
  },
};
