import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { FLOAT_MAX } from '../values/formatRange.ts';
import { patternRegExp } from '../values/patternRegExp.ts';

// ajv-formats is CommonJS: its default export is the plugin under NodeNext resolution.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

/** Annotation keywords of OpenAPI 3.1 schemas that JSON Schema 2020-12 does not define. */
const OPENAPI_ANNOTATIONS = ['example', 'discriminator', 'xml', 'externalDocs'] as const;

/** The `x-` keys and `format` values of schemas (a recursive schema is walked once per node). */
function collectNames(node: unknown, extensions: Set<string>, formats: Set<string>, seen: Set<unknown>): void {
  if (node === null || typeof node !== 'object' || seen.has(node)) return;
  seen.add(node);
  if (Array.isArray(node)) {
    for (const item of node) collectNames(item, extensions, formats, seen);
    return;
  }
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('x-')) extensions.add(key);
    else if (key === 'format' && typeof value === 'string') formats.add(value);
    else collectNames(value, extensions, formats, seen);
  }
}

/** ajv's regular-expression engine: a pattern real documents write without the `u` flag in mind still compiles. */
const regExp = Object.assign((pattern: string, flags: string): RegExp => patternRegExp(pattern, flags.replace('u', '')), { code: 'new RegExp' });

export interface AjvOptions {
  readonly coerceTypes?: boolean;
  /**
   * Read schemas as JSON Schema does (unknown keywords are annotations, keywords beside a type they do
   * not apply to are ignored) and tell each such quirk to `onQuirk` instead of refusing the schema. Off,
   * strict mode refuses them (the shipped documents: a misspelt keyword there is a mistake to fix).
   */
  readonly lenient?: boolean;
  readonly onQuirk?: (message: string) => void;
}

/**
 * An ajv instance for OpenAPI 3.1 schemas: every error, formats, and the document's own `x-` extensions
 * registered as annotations so strict mode accepts them and rejects real typos. A `format` ajv does not
 * know is a plain string (OpenAPI allows any format); the ones it knows are validated.
 */
export function createAjv(schemas: readonly unknown[], options: AjvOptions = {}): Ajv2020 {
  const quirk = options.onQuirk ?? (() => undefined);
  const ajv = new Ajv2020({
    strict: options.lenient === true ? 'log' : true,
    strictRequired: false,
    // OpenAPI 3.1 writes nullable values as a type list (`[string, "null"]`).
    allowUnionTypes: true,
    allErrors: true,
    unicodeRegExp: true,
    coerceTypes: options.coerceTypes ?? false,
    ...(options.lenient === true ? { code: { regExp }, logger: { log: () => undefined, warn: (...args: unknown[]) => quirk(args.map(String).join(' ')), error: (...args: unknown[]) => quirk(args.map(String).join(' ')) } } : {}),
  });
  addFormats(ajv);
  // ajv-formats takes any number as a float: OpenAPI's float is single precision.
  ajv.addFormat('float', { type: 'number', validate: (n: number) => Number.isFinite(n) && Math.abs(n) <= FLOAT_MAX });
  // Annotations: any value, `null` included (`example: null`).
  for (const keyword of OPENAPI_ANNOTATIONS) ajv.addKeyword({ keyword });
  return extendAjv(ajv, schemas);
}

/** Registers the `x-` extensions and unknown formats of more schemas with an ajv instance of `createAjv`. */
export function extendAjv(ajv: Ajv2020, schemas: readonly unknown[]): Ajv2020 {
  const extensions = new Set<string>();
  const formats = new Set<string>();
  const seen = new Set<unknown>();
  for (const schema of schemas) collectNames(schema, extensions, formats, seen);
  for (const keyword of extensions) if (!ajv.getKeyword(keyword)) ajv.addKeyword({ keyword });
  for (const format of formats) if (!ajv.formats[format]) ajv.addFormat(format, true);
  return ajv;
}
