import fc from 'fast-check';
import type { SchemaNode } from '../../openapi/SchemaNode.ts';

/**
 * Objects of a node's documented members: the required ones always, each optional one present or absent.
 * The keywords about which members an object has (an at-least-one group, members needing others, a count)
 * narrow these draws in their own valid side.
 */
export function objectArbitrary(node: SchemaNode, member: (name: string) => fc.Arbitrary<unknown>): fc.Arbitrary<Record<string, unknown>> {
  const names = Object.keys(node.properties ?? {});
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const name of names) model[name] = member(name);
  const required = (node.required ?? []).filter((name) => name in model);
  // Plain objects, as a parsed JSON body is: a validator's deep equality (`uniqueItems`) needs their prototype.
  return fc.record(model, { requiredKeys: required, noNullPrototype: true });
}
