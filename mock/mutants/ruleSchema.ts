import type { Constraint } from '../../src/model/Constraint.ts';
import type { Operation } from '../../src/openapi/Operation.ts';
import { schemaAt } from '../../src/plan/schemaAt.ts';
import type { SchemaNode } from '../../src/openapi/SchemaNode.ts';

/** The schema node a request constraint belongs to: a parameter's schema, or the body's node at its target (`*`: the items). */
export function ruleSchema(operation: Operation, c: Constraint): SchemaNode | undefined {
  if (c.where !== 'body') {
    return operation.parameters.find((p) => p.in === c.where && (c.where === 'header' ? p.name.toLowerCase() === c.name.toLowerCase() : p.name === c.name))?.schema;
  }
  const body = operation.requestBody?.schema;
  return body ? schemaAt(body, c.target) : undefined;
}
