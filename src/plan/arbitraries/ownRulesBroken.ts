import type { ValidateFunction } from 'ajv';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { locateIssue } from '../../keywords/locateIssue.ts';
import type { ConstraintKind } from '../../model/Constraint.ts';
import type { SchemaNode } from '../../openapi/SchemaNode.ts';
import { acyclicSchema } from '../../validation/acyclicSchema.ts';
import { createAjv } from '../../validation/createAjv.ts';

let shared: Ajv2020 | undefined;
const compiled = new WeakMap<SchemaNode, ValidateFunction | null>();

/** The node's validator, compiled once per node (lazily: only a keyword that must weigh a change asks). */
function validatorOf(node: SchemaNode): ValidateFunction | undefined {
  if (!compiled.has(node)) {
    shared ??= createAjv([], { lenient: true });
    try {
      compiled.set(node, shared.compile(acyclicSchema(node) as object));
    } catch {
      // A node the validators of the operation refuse is reported there, when the plan is built.
      compiled.set(node, null);
    }
  }
  return compiled.get(node) ?? undefined;
}

/**
 * The kinds of the node's own rules (those about the value itself, not about its members' values) that
 * `value` breaks, as ajv reports them and the keyword registry names them. Empty for a node that does not
 * compile: nothing is then weighed.
 */
export function ownRulesBroken(node: SchemaNode, value: unknown): ReadonlySet<ConstraintKind> {
  const validate = validatorOf(node);
  if (!validate || validate(value)) return new Set();
  const kinds = new Set<ConstraintKind>();
  for (const e of validate.errors ?? []) {
    if (e.instancePath !== '') continue;
    const location = locateIssue({ where: 'body', at: '', keyword: e.keyword, params: e.params, schemaPath: e.schemaPath, message: e.message ?? e.keyword });
    if (location) kinds.add(location.kind);
  }
  return kinds;
}
