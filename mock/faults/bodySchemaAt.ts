import { ConfigError } from '../../src/errors/ConformanceError.ts';
import type { Operation } from '../../src/openapi/Operation.ts';
import { pointerSegments } from '../../src/openapi/pointer.ts';
import type { SchemaNode } from '../../src/openapi/SchemaNode.ts';

/** The request-body schema of the property at a pointer (`/hosted_connect/name`), read from the document. */
export function bodySchemaAt(operation: Operation, pointer: string): SchemaNode {
  let node: SchemaNode | undefined = operation.requestBody?.schema;
  for (const segment of pointerSegments(pointer)) node = node?.properties?.[segment];
  if (!node) throw new ConfigError(`${operation.operationId}: the request body has no property ${pointer}`);
  return node;
}
