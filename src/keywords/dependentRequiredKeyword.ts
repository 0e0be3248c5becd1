import fc from 'fast-check';
import type { SchemaNode } from '../openapi/SchemaNode.ts';
import { asObject } from '../values/asObject.ts';
import { minimalValue } from '../values/minimalValue.ts';
import type { Keyword, Sample, ValidDraw } from './Keyword.ts';

/** The node's `dependentRequired` (member → the members it needs), its malformed entries left out. */
function dependencies(node: SchemaNode): Record<string, readonly string[]> {
  const stated = node['dependentRequired'];
  if (stated === null || typeof stated !== 'object' || Array.isArray(stated)) return {};
  const out: Record<string, readonly string[]> = {};
  for (const [member, needed] of Object.entries(stated as Record<string, unknown>)) {
    if (Array.isArray(needed) && needed.length > 0 && needed.every((n): n is string => typeof n === 'string')) out[member] = needed;
  }
  return out;
}

/** A value of a member: the current one, else the smallest valid one of its schema. */
function memberValue(node: SchemaNode, current: Record<string, unknown>, name: string): unknown {
  if (name in current) return current[name];
  const schema = node.properties?.[name];
  return schema ? minimalValue(schema) : 'x';
}

/** Drawn objects completed: each present member that needs others gets those it lacks, with drawn values. */
function completed(node: SchemaNode, values: fc.Arbitrary<unknown>, draw: ValidDraw, rules: Record<string, readonly string[]>): fc.Arbitrary<unknown> {
  const needed = [...new Set(Object.values(rules).flat())];
  const documented = needed.filter((name) => node.properties?.[name] !== undefined);
  const drawn = documented.length > 0 ? fc.tuple(...documented.map((name) => draw.member(name))) : fc.constant([] as unknown[]);
  return fc.tuple(values, drawn).map(([value, extra]) => {
    const out = { ...asObject(value) };
    // A member added for one rule may need others in turn: repeat until nothing is missing.
    for (let changed = true; changed;) {
      changed = false;
      for (const [member, requires] of Object.entries(rules)) {
        if (!(member in out)) continue;
        for (const name of requires) {
          if (name in out) continue;
          const at = documented.indexOf(name);
          out[name] = at >= 0 ? extra[at] : 'x';
          changed = true;
        }
      }
    }
    return out;
  });
}

/** The object with `member` and every member it needs, present (current values kept, the others built). */
function withDependents(node: SchemaNode, current: Record<string, unknown>, member: string, needed: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...current };
  for (const name of [member, ...needed]) out[name] = memberValue(node, current, name);
  return out;
}

/**
 * `dependentRequired`: when a member is present, the members it names must be too (an end date needs a
 * start date). One rule per object; its value is the map, member → the members it needs.
 */
export const dependentRequiredKeyword: Keyword = {
  kinds: ['dependentRequired'],
  rules: (node) => {
    const rules = dependencies(node);
    return Object.keys(rules).length > 0 ? [{ kind: 'dependentRequired', value: rules, keywordPointer: '/dependentRequired' }] : [];
  },
  // Each member with everything it needs: the objects where the rule applies and is kept.
  boundaries: (rule, site) =>
    Object.entries(rule.value as Record<string, readonly string[]>).map(([member, needed]) => ({
      variant: `with-${member}`,
      label: `with ${member} and ${needed.join(', ')}`,
      value: withDependents(site.node, asObject(site.current), member, needed),
    })),
  // Each member present with each member it needs left out in turn: a server that checks only the first misses the rest.
  violations: (rule, site) =>
    Object.entries(rule.value as Record<string, readonly string[]>).flatMap(([member, needed]) =>
      needed.map((name): Sample => {
        const out = withDependents(site.node, asObject(site.current), member, needed);
        delete out[name];
        return { variant: `${member}-without-${name}`, label: `with ${member} but without ${name}`, value: out };
      }),
    ),
  valid: (node, values, draw) => {
    const rules = dependencies(node);
    return draw.type === 'object' && Object.keys(rules).length > 0 ? completed(node, values, draw, rules) : values;
  },
  locate: (issue) => (issue.keyword === 'dependentRequired' ? { kind: 'dependentRequired', target: issue.at } : undefined),
  describe: (rule, actual) => {
    const object = asObject(actual);
    const broken = Object.entries(rule.value as Record<string, readonly string[]>).flatMap(([member, needed]) =>
      member in object ? needed.filter((name) => !(name in object)).map((name) => `${member} without ${name}`) : [],
    );
    return `has ${broken.join(', ') || 'a member without one it needs'} (dependentRequired)`;
  },
};
