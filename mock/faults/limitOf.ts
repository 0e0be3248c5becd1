import { ConfigError } from '../../src/errors/ConformanceError.ts';
import type { SchemaNode } from '../../src/openapi/SchemaNode.ts';

/** A numeric keyword of a schema; a fault built on a limit the document does not state is a config error. */
export function limitOf(schema: SchemaNode, keyword: 'minLength' | 'maxLength' | 'minimum' | 'maximum'): number {
  const value = schema[keyword];
  if (typeof value !== 'number') throw new ConfigError(`fault profile needs a ${keyword} the document does not state`);
  return value;
}
