import { ConfigError } from '../../src/errors/ConformanceError.ts';
import type { Operation } from '../../src/openapi/Operation.ts';
import type { SchemaNode } from '../../src/openapi/SchemaNode.ts';
import { schemaAt } from '../../src/plan/schemaAt.ts';

/** The request-body schema of the property at a pointer (`/hosted_connect/name`), read from the document. */
export function bodySchemaAt(operation: Operation, pointer: string): SchemaNode {
  const body = operation.requestBody?.schema;
  const node = body ? schemaAt(body, pointer) : undefined;
  if (!node) throw new ConfigError(`${operation.operationId}: the request body has no property ${pointer}`);
  return node;
}
