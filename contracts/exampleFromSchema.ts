import type { SchemaNode } from '../src/openapi/SchemaNode.ts';

/**
 * A small value the schema accepts, for places where the documents give no example (array items,
 * undocumented error bodies): the first enum value, the default, or the least value of the type
 * within its limits. Only required properties are filled in. (matcherFromSchema walks an example beside
 * its schema, so it ends with the example.)
 */
export function exampleFromSchema(schema: SchemaNode, ancestors: ReadonlySet<SchemaNode> = new Set()): unknown {
  if (schema.const !== undefined) return schema.const;
  // A required member that leads back to its own schema (a `$ref` loop) ends the walk: no finite example.
  if (ancestors.has(schema)) return null;
  const inside = new Set(ancestors).add(schema);
  if (schema.enum && schema.enum.length > 0) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type ?? (schema.properties ? 'object' : schema.items ? 'array' : undefined);
  switch (type) {
    case 'string': {
      const length = Math.min(Math.max(schema.minLength ?? 0, 1), schema.maxLength ?? Number.MAX_SAFE_INTEGER);
      return 'x'.repeat(length);
    }
    case 'integer':
    case 'number':
      return schema.minimum ?? (schema.maximum !== undefined ? Math.min(0, schema.maximum) : 0);
    case 'boolean':
      return true;
    case 'array':
      return [];
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const key of schema.required ?? []) out[key] = exampleFromSchema(schema.properties?.[key] ?? {}, inside);
      return out;
    }
    default:
      return {};
  }
}
