import fc from 'fast-check';
import { atLeastOneMembers } from '../../openapi/atLeastOneMembers.ts';
import type { SchemaNode } from '../../openapi/SchemaNode.ts';

/**
 * Objects of a node: required members always, optional members present or absent, and, for an
 * at-least-one group (`anyOf` of single `required`), at least one member of the group present.
 */
export function objectArbitrary(node: SchemaNode, member: (schema: SchemaNode, name: string) => fc.Arbitrary<unknown>): fc.Arbitrary<Record<string, unknown>> {
  const properties = node.properties ?? {};
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, schema] of Object.entries(properties)) model[name] = member(schema, name);
  const required = (node.required ?? []).filter((name) => name in model);
  const record = fc.record(model, { requiredKeys: required }) as fc.Arbitrary<Record<string, unknown>>;
  const group = atLeastOneMembers(node)?.filter((name) => name in model);
  if (!group || group.length === 0 || group.some((name) => required.includes(name))) return record;
  // Choose the non-empty subset first: filtering would throw away the all-absent draws.
  return fc.tuple(record, fc.subarray(group, { minLength: 1 }), fc.tuple(...group.map((name) => model[name]!))).map(([object, chosen, values]) => {
    const out = { ...object };
    chosen.forEach((name) => {
      if (!(name in out)) out[name] = values[group.indexOf(name)];
    });
    return out;
  });
}
