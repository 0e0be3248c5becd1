import fc from 'fast-check';
import { atLeastOneMembers } from '../openapi/atLeastOneMembers.ts';
import type { SchemaNode } from '../openapi/SchemaNode.ts';
import { minimalValue } from '../values/minimalValue.ts';
import { asObject } from '../values/asObject.ts';
import type { Keyword, ValidDraw } from './Keyword.ts';
import { strangerName } from './strangerName.ts';

/** The object with none of the group's members: only its other required members, kept or built. */
function withoutGroup(current: unknown, node: SchemaNode, members: readonly string[]): Record<string, unknown> {
  const source = asObject(current);
  const out: Record<string, unknown> = {};
  for (const name of node.required ?? []) {
    if (members.includes(name)) continue;
    const child = node.properties?.[name];
    out[name] = name in source ? source[name] : child ? minimalValue(child) : null;
  }
  return out;
}

/**
 * Drawn objects with a non-empty subset of the group present: the subset is drawn first (filtering
 * would throw away the all-absent draws), and each chosen member the object lacks gets a drawn value.
 */
function withGroup(node: SchemaNode, values: fc.Arbitrary<unknown>, draw: ValidDraw): fc.Arbitrary<unknown> {
  const group = atLeastOneMembers(node)?.filter((name) => node.properties?.[name] !== undefined);
  if (!group || group.length === 0 || group.some((name) => (node.required ?? []).includes(name))) return values;
  return fc.tuple(values, fc.subarray(group, { minLength: 1 }), fc.tuple(...group.map((name) => draw.member(name)))).map(([object, chosen, drawn]) => {
    const out = { ...asObject(object) };
    chosen.forEach((name) => {
      if (!(name in out)) out[name] = drawn[group.indexOf(name)];
    });
    return out;
  });
}

/**
 * An "at least one of" group: an `anyOf` whose branches each only require one member (Huawei: at least
 * one of name, description, bandwidth, peer_location).
 */
export const atLeastOneKeyword: Keyword = {
  kinds: ['atLeastOne'],
  rules: (node) => {
    const members = atLeastOneMembers(node);
    return members ? [{ kind: 'atLeastOne', value: members, keywordPointer: '/anyOf' }] : [];
  },
  boundaries: (rule, site) => {
    const members = rule.value as readonly string[];
    const current = asObject(site.current);
    return members.map((member) => {
      const child = site.node.properties?.[member];
      const value = member in current ? current[member] : child ? minimalValue(child) : null;
      return { variant: `only-${member}`, label: `only ${member}`, value: { ...withoutGroup(site.current, site.node, members), [member]: value } };
    });
  },
  violations: (rule, site) => {
    const members = rule.value as readonly string[];
    const empty = withoutGroup(site.current, site.node, members);
    const out = [{ variant: 'none', label: `with none of ${members.join(', ')}`, value: empty }];
    // A member the group does not name does not satisfy it either: catches a server that only counts keys.
    // Only where the schema leaves the object open, so the request breaks this one rule and no other.
    if (site.node.additionalProperties !== false) {
      const stranger = strangerName(site.node);
      out.push({ variant: 'only-undocumented', label: `with only ${stranger}`, value: { ...empty, [stranger]: 'x' } });
    }
    return out;
  },
  valid: (node, values, draw) => (draw.type === 'object' ? withGroup(node, values, draw) : values),
  // ajv reports the group as `anyOf`, and each branch's missing member as a `required` under it.
  locate: (issue) => (issue.keyword === 'anyOf' || (issue.keyword === 'required' && /\/anyOf\/\d+\/required$/.test(issue.schemaPath)) ? { kind: 'atLeastOne', target: issue.at } : undefined),
  describe: (rule) => `has none of ${(rule.value as readonly string[]).join(', ')}`,
};
