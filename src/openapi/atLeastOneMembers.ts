import type { SchemaNode } from './SchemaNode.ts';

function isRequiredOnly(branch: SchemaNode): branch is SchemaNode & { required: readonly [string] } {
  return Object.keys(branch).every((k) => k === 'required') && branch.required?.length === 1;
}

/** The member names of an "at least one of" group (`anyOf` of single-`required` branches), if the node has one. */
export function atLeastOneMembers(node: SchemaNode): string[] | undefined {
  const branches = node.anyOf;
  if (!branches || branches.length === 0 || !branches.every(isRequiredOnly)) return undefined;
  return branches.map((b) => b.required[0]);
}
