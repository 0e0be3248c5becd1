import type { Constraint } from '../../src/model/Constraint.ts';
import type { Operation } from '../../src/openapi/Operation.ts';
import { pointerSegments } from '../../src/openapi/pointer.ts';
import type { SchemaNode } from '../../src/openapi/SchemaNode.ts';

/** The schema node a request constraint belongs to: a parameter's schema, or the body's node at its target (`*`: the items). */
export function ruleSchema(operation: Operation, c: Constraint): SchemaNode | undefined {
  if (c.where !== 'body') {
    return operation.parameters.find((p) => p.in === c.where && (c.where === 'header' ? p.name.toLowerCase() === c.name.toLowerCase() : p.name === c.name))?.schema;
  }
  let node = operation.requestBody?.schema;
  for (const segment of pointerSegments(c.target)) node = segment === '*' ? node?.items : node?.properties?.[segment];
  return node;
}
