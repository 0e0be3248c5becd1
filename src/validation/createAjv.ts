import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS: its default export is the plugin under NodeNext resolution.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** Annotation keywords of OpenAPI 3.1 schemas that JSON Schema 2020-12 does not define. */
const OPENAPI_ANNOTATIONS = ['example', 'discriminator', 'xml', 'externalDocs'] as const;

function collectExtensions(node: unknown, into: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) collectExtensions(item, into);
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-')) into.add(key);
      else collectExtensions(value, into);
    }
  }
}

/**
 * An ajv instance for OpenAPI 3.1 schemas: strict mode, every error, formats, and the document's own
 * `x-` extensions registered as annotations so strict mode accepts them and rejects real typos.
 */
export function createAjv(schemas: readonly unknown[], options: { coerceTypes?: boolean } = {}): Ajv2020 {
  const ajv = new Ajv2020({
    strict: true,
    strictRequired: false,
    // OpenAPI 3.1 writes nullable values as a type list (`[string, "null"]`).
    allowUnionTypes: true,
    allErrors: true,
    unicodeRegExp: true,
    coerceTypes: options.coerceTypes ?? false,
  });
  addFormats(ajv);
  const extensions = new Set<string>(OPENAPI_ANNOTATIONS);
  for (const schema of schemas) collectExtensions(schema, extensions);
  for (const keyword of extensions) ajv.addKeyword({ keyword, schemaType: ['string', 'object', 'array', 'boolean', 'number'] });
  return ajv;
}
