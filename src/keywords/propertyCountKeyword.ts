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

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function sized(variant: string, site: ValueSite, count: number): Sample[] {
  const value = count >= 0 ? withMembers(site, count) : undefined;
  return value ? [{ variant, label: `with ${count} member${count === 1 ? '' : 's'}`, value }] : [];
}

const COUNTS: ReadonlySet<ConstraintKind> = new Set(['minProperties', 'maxProperties']);

/**
 * Drawn objects brought within the member counts: short of the minimum, the documented members it lacks
 * are added in document order (with drawn values), then, where the schema leaves the object open, members
 * of other names; over the maximum, optional members go, undocumented ones first, then the last
 * documented. A change that would break another rule of the object (a member the at-least-one group or
 * another member needs, one that needs others) is not made.
 */
function counted(node: SchemaNode, values: fc.Arbitrary<unknown>, draw: ValidDraw): fc.Arbitrary<unknown> {
  const min = typeof node.minProperties === 'number' ? node.minProperties : 0;
  const max = typeof node.maxProperties === 'number' ? node.maxProperties : Number.POSITIVE_INFINITY;
  const names = Object.keys(node.properties ?? {});
  const required = new Set(node.required ?? []);
  const open = node.additionalProperties === undefined || node.additionalProperties === true;
  if (max < min || required.size > max || (!open && names.length < min)) throw new RangeError(`no object has between ${min} and ${max} members here`);
  const size = (object: object): number => Object.keys(object).length;
  const fit = (object: Record<string, unknown>, extra: readonly unknown[]): Record<string, unknown> => {
    if (size(object) >= min && size(object) <= max) return object;
    const othersKept = (candidate: Record<string, unknown>): boolean => [...draw.breaks(candidate)].every((kind) => COUNTS.has(kind));
    // Only weighed when the drawn object keeps the other rules to begin with.
    const weighed = othersKept(object);
    let out = { ...object };
    const tryWith = (candidate: Record<string, unknown>): void => {
      if (!weighed || othersKept(candidate)) out = candidate;
    };
    names.forEach((name, i) => {
      if (size(out) < min && !(name in out)) tryWith({ ...out, [name]: extra[i] });
    });
    for (let tries = 0; open && size(out) < min && tries < min; tries += 1) tryWith({ ...out, [strangerName(node, Object.keys(out))]: 'x' });
    const trimOrder = [...Object.keys(out).filter((name) => !names.includes(name)), ...[...names].reverse()];
    for (const name of trimOrder) {
      if (size(out) <= max) break;
      if (required.has(name) || !(name in out)) continue;
      const candidate = { ...out };
      delete candidate[name];
      tryWith(candidate);
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
  rules: (node) => (['minProperties', 'maxProperties'] as const).flatMap((kind) => (typeof node[kind] === 'number' ? [{ kind: kind, value: node[kind], keywordPointer: '' }] : [])),
  boundaries: (rule, site) => sized(`${rule.value as number}-members`, site, rule.value as number),
  // As many members as the sample, whichever they are.
  atSample: (_rule, sample, actual) => isObject(actual) && isObject(sample.value) && Object.keys(actual).length === Object.keys(sample.value).length,
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
