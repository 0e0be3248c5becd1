/** Keys whose value is one schema. */
const SCHEMA_KEYS = ['items', 'additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedProperties', 'unevaluatedItems', 'additionalItems'] as const;
/** Keys whose value is a list of schemas. */
const SCHEMA_LIST_KEYS = ['allOf', 'anyOf', 'oneOf', 'prefixItems'] as const;
/** Keys whose value maps names to schemas. */
const SCHEMA_MAP_KEYS = ['properties', 'patternProperties', 'dependentSchemas', '$defs', 'definitions'] as const;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** What the upgrade changed, for the document's warnings. */
export interface UpgradeNotes {
  /** Count of OpenAPI 3.0 schema keywords (`nullable`, boolean `exclusiveMinimum`/`exclusiveMaximum`) rewritten. */
  rewritten: number;
}

/** Annotations that stay on the outer node when a typeless schema is made nullable. */
const ANNOTATIONS = new Set(['title', 'description', 'default', 'example', 'examples', 'deprecated', 'readOnly', 'writeOnly', 'externalDocs', 'discriminator', 'xml']);

/** A typeless nullable schema (`allOf` of a reference, say): `anyOf` of what it says and `null`. */
function allowNull(node: Json): void {
  const inner: Json = {};
  for (const key of Object.keys(node)) {
    if (key === 'nullable' || key.startsWith('x-') || ANNOTATIONS.has(key)) continue;
    inner[key] = node[key];
    delete node[key];
  }
  if (Object.keys(inner).length > 0) node['anyOf'] = [inner, { type: 'null' }];
}

/**
 * One schema object in place, from OpenAPI 3.0's dialect to JSON Schema 2020-12: `nullable: true` adds
 * `"null"` to the type (or the enum), boolean `exclusiveMinimum`/`exclusiveMaximum` become the numeric
 * bound, a schema `example` stays (3.1 keeps it as an annotation); `x-` keys are kept untouched.
 * `seen` guards against cycles (a document may point a schema at itself once parsed with anchors).
 */
export function upgradeSchema(node: unknown, notes: UpgradeNotes, seen: Set<unknown> = new Set()): void {
  if (!isObject(node) || seen.has(node)) return;
  seen.add(node);
  if ('nullable' in node) {
    if (node['nullable'] === true) {
      const type = node['type'];
      if (typeof type === 'string') node['type'] = [type, 'null'];
      else if (Array.isArray(type) && !type.includes('null')) node['type'] = [...(type as unknown[]), 'null'];
      if (Array.isArray(node['enum']) && !node['enum'].includes(null)) node['enum'] = [...(node['enum'] as unknown[]), null];
      else if (type === undefined && node['enum'] === undefined) allowNull(node);
    }
    delete node['nullable'];
    notes.rewritten += 1;
  }
  for (const [flag, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (typeof node[flag] !== 'boolean') continue;
    if (node[flag] === true && typeof node[bound] === 'number') {
      node[flag] = node[bound];
      delete node[bound];
    } else {
      delete node[flag];
    }
    notes.rewritten += 1;
  }
  for (const key of SCHEMA_KEYS) upgradeSchema(node[key], notes, seen);
  for (const key of SCHEMA_LIST_KEYS) {
    const list = node[key];
    if (Array.isArray(list)) for (const child of list) upgradeSchema(child, notes, seen);
  }
  for (const key of SCHEMA_MAP_KEYS) {
    const map = node[key];
    if (isObject(map)) for (const child of Object.values(map)) upgradeSchema(child, notes, seen);
  }
  // OpenAPI 3.0 `items` may only be one schema; 3.1 leaves a list to `prefixItems`.
  if (Array.isArray(node['items'])) for (const child of node['items']) upgradeSchema(child, notes, seen);
}

function upgradeMedia(content: unknown, notes: UpgradeNotes, seen: Set<unknown>): void {
  if (!isObject(content)) return;
  for (const media of Object.values(content)) {
    if (!isObject(media)) continue;
    upgradeSchema(media['schema'], notes, seen);
    if (isObject(media['encoding'])) for (const encoding of Object.values(media['encoding'])) if (isObject(encoding)) upgradeHeaders(encoding['headers'], notes, seen);
  }
}

function upgradeHeaders(headers: unknown, notes: UpgradeNotes, seen: Set<unknown>): void {
  if (!isObject(headers)) return;
  for (const header of Object.values(headers)) upgradeParameter(header, notes, seen);
}

function upgradeParameter(parameter: unknown, notes: UpgradeNotes, seen: Set<unknown>): void {
  if (!isObject(parameter)) return;
  upgradeSchema(parameter['schema'], notes, seen);
  upgradeMedia(parameter['content'], notes, seen);
}

function upgradeResponses(responses: unknown, notes: UpgradeNotes, seen: Set<unknown>): void {
  if (!isObject(responses)) return;
  for (const response of Object.values(responses)) {
    if (!isObject(response)) continue;
    upgradeMedia(response['content'], notes, seen);
    upgradeHeaders(response['headers'], notes, seen);
  }
}

function upgradeOperation(operation: unknown, notes: UpgradeNotes, seen: Set<unknown>): void {
  if (!isObject(operation)) return;
  if (Array.isArray(operation['parameters'])) for (const p of operation['parameters']) upgradeParameter(p, notes, seen);
  if (isObject(operation['requestBody'])) upgradeMedia(operation['requestBody']['content'], notes, seen);
  upgradeResponses(operation['responses'], notes, seen);
  if (isObject(operation['callbacks'])) for (const callback of Object.values(operation['callbacks'])) if (isObject(callback)) upgradePaths(callback, notes, seen);
}

function upgradePaths(paths: unknown, notes: UpgradeNotes, seen: Set<unknown>): void {
  if (!isObject(paths)) return;
  for (const item of Object.values(paths)) {
    if (!isObject(item)) continue;
    if (Array.isArray(item['parameters'])) for (const p of item['parameters']) upgradeParameter(p, notes, seen);
    for (const [key, value] of Object.entries(item)) if (key !== 'parameters' && !key.startsWith('x-')) upgradeOperation(value, notes, seen);
  }
}

/**
 * Rewrites a parsed OpenAPI 3.0.x document in place into OpenAPI 3.1: every schema (components,
 * parameters, media types, headers, callbacks, webhooks) in JSON Schema 2020-12's dialect, and
 * `openapi: 3.1.0`. Applied to a 3.1 document it only rewrites the 3.0 keywords left in it.
 */
export function upgradeToOpenApi31(document: Json): UpgradeNotes {
  const notes: UpgradeNotes = { rewritten: 0 };
  const seen = new Set<unknown>();
  upgradePaths(document['paths'], notes, seen);
  upgradePaths(document['webhooks'], notes, seen);
  const components = document['components'];
  if (isObject(components)) {
    if (isObject(components['schemas'])) for (const schema of Object.values(components['schemas'])) upgradeSchema(schema, notes, seen);
    if (isObject(components['parameters'])) for (const p of Object.values(components['parameters'])) upgradeParameter(p, notes, seen);
    if (isObject(components['headers'])) upgradeHeaders(components['headers'], notes, seen);
    if (isObject(components['requestBodies'])) for (const body of Object.values(components['requestBodies'])) if (isObject(body)) upgradeMedia(body['content'], notes, seen);
    upgradeResponses(components['responses'], notes, seen);
    if (isObject(components['callbacks'])) for (const callback of Object.values(components['callbacks'])) upgradePaths(callback, notes, seen);
    upgradePaths(components['pathItems'], notes, seen);
  }
  if (typeof document['openapi'] === 'string' && document['openapi'].startsWith('3.0')) document['openapi'] = '3.1.0';
  return notes;
}
