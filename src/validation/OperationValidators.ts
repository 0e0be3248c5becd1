import type { ErrorObject, ValidateFunction } from 'ajv';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { SpecError } from '../errors/ConformanceError.ts';
import type { PlannedRequest } from '../model/Case.ts';
import type { Operation, ResponseSpec } from '../openapi/Operation.ts';
import type { SchemaNode } from '../openapi/SchemaNode.ts';
import { arrayDelimiter } from '../openapi/arrayDelimiter.ts';
import { statusKey } from '../openapi/statusKey.ts';
import { acyclicSchema } from './acyclicSchema.ts';
import { createAjv, extendAjv } from './createAjv.ts';
import { standaloneValidator } from './standaloneValidator.ts';
import type { ValidationIssue } from './ValidationIssue.ts';

export type { ValidationIssue } from './ValidationIssue.ts';

export interface ValidationResult {
  readonly valid: boolean;
  readonly issues: readonly ValidationIssue[];
}

function issuesOf(where: string, prefix: string, errors: readonly ErrorObject[] | null | undefined): ValidationIssue[] {
  return (errors ?? []).map((e) => ({ where, at: `${prefix}${e.instancePath}`, keyword: e.keyword, params: e.params, schemaPath: e.schemaPath, message: e.message ?? e.keyword }));
}

/** The response documented for a status code, most specific key first (`"200"`, then `"2XX"`, then `"default"`). */
export function responseFor(responses: readonly ResponseSpec[], status: number): ResponseSpec | undefined {
  return (['exact', 'range', 'default'] as const).map((match) => responses.find((r) => statusKey(r.status, status) === match)).find((r) => r !== undefined);
}

/** Where the shared lenient instances tell a quirk: the schema being compiled. */
let quirkSink: ((message: string) => void) | undefined;
const tell = (message: string): void => quirkSink?.(message);
/** The schema objects each shared lenient instance has compiled (its cache: their quirks are told once). */
const LENIENT_SEEN = { param: new WeakSet<object>(), body: new WeakSet<object>() };

/**
 * One pair of lenient ajv instances for every document given with `--spec`: a schema shared by many
 * operations (a common error body) is compiled once, which keeps a large document's load short.
 */
const LENIENT = {
  get parameters() {
    const value = createAjv([], { coerceTypes: true, lenient: true, onQuirk: tell });
    Object.defineProperty(this, 'parameters', { value });
    return value;
  },
  get bodies() {
    const value = createAjv([], { lenient: true, onQuirk: tell });
    Object.defineProperty(this, 'bodies', { value });
    return value;
  },
};

/**
 * Every validator one operation needs, compiled once: parameters, body and each response status.
 * Validation results are data; only a schema that fails to compile throws (a configuration error).
 */
export class OperationValidators {
  readonly operation: Operation;
  private readonly parameters = new Map<string, ValidateFunction>();
  private readonly body?: ValidateFunction;
  private readonly responses = new Map<string, ValidateFunction>();
  /** The validator of each status code answered so far (the documented key it falls under, looked up once). */
  private readonly byStatus = new Map<number, ValidateFunction | undefined>();
  /** What lenient reading let pass in this operation's schemas (keywords JSON Schema ignores, ...), one line each. */
  readonly quirks: ReadonlySet<string>;

  constructor(operation: Operation) {
    this.operation = operation;
    const schemas: unknown[] = [...operation.parameters.map((p) => p.schema), operation.requestBody?.schema, ...operation.responses.map((r) => r.schema)];
    // Parameters travel as text: coerce them to the schema's type, as a server framework would.
    const lenient = operation.lenientSchemas === true;
    const quirks = new Set<string>();
    this.quirks = quirks;
    // Instances are made on the first schema no stored validator has (see standaloneValidator.ts).
    let parameterAjv: Ajv2020 | undefined;
    let bodyAjv: Ajv2020 | undefined;
    const ajvFor = (target: 'param' | 'body'): Ajv2020 =>
      target === 'param'
        ? (parameterAjv ??= lenient ? extendAjv(LENIENT.parameters, schemas) : createAjv(schemas, { coerceTypes: true }))
        : (bodyAjv ??= lenient ? extendAjv(LENIENT.bodies, schemas) : createAjv(schemas));
    const compile = (target: 'param' | 'body', schema: SchemaNode, of: string): ValidateFunction => {
      // A recursive schema is compiled as the tree of references it was written as.
      const tree = acyclicSchema(schema) as object;
      const flavour = lenient ? (`${target}-lenient` as const) : target;
      const stored = standaloneValidator(tree, flavour, () => {
        const told: string[] = [];
        quirkSink = (message) => void told.push(message);
        try {
          const ajv = ajvFor(target);
          return { ajv, validate: ajv.compile(tree), quirks: told };
        } catch (cause) {
          throw new SpecError('CONF_ERR_SCHEMA_COMPILE', `${operation.operationId}: schema of ${of} does not compile: ${(cause as Error).message}`, { cause });
        } finally {
          quirkSink = undefined;
        }
      });
      // The shared lenient instances compile a schema object once and tell its quirks once.
      const seen = lenient ? LENIENT_SEEN[target] : undefined;
      if (!seen?.has(tree)) for (const message of stored.quirks) quirks.add(`${operation.operationId}: schema of ${of}: ${message}`);
      seen?.add(tree);
      return stored.validate;
    };
    // A parameter schema is wrapped in an object: ajv coerces values only inside a container.
    for (const p of operation.parameters) {
      const wrapped = { type: 'object', properties: { value: p.schema } } as SchemaNode;
      this.parameters.set(`${p.in}:${p.name.toLowerCase()}`, compile('param', wrapped, `${p.in} parameter ${p.name}`));
    }
    if (operation.requestBody) this.body = compile('body', operation.requestBody.schema, 'the request body');
    for (const r of operation.responses) if (r.schema) this.responses.set(r.status, compile('body', r.schema, `response ${r.status}`));
  }

  /** Validates a planned request against the document, credentials aside. */
  validateRequest(request: PlannedRequest): ValidationResult {
    const issues: ValidationIssue[] = [];
    for (const p of this.operation.parameters) {
      if (p.credential) continue;
      const source = p.in === 'path' ? request.pathParams : p.in === 'query' ? request.query : lowerKeys(request.headers);
      const value = source[p.in === 'header' ? p.name.toLowerCase() : p.name];
      if (value === undefined || (p.in === 'path' && value === '')) {
        if (p.required) issues.push({ where: p.in, at: p.name, keyword: 'required', params: {}, schemaPath: '', message: `${p.in} parameter ${p.name} is required` });
        continue;
      }
      const validate = this.parameters.get(`${p.in}:${p.name.toLowerCase()}`)!;
      // An array travels as its items joined by the parameter's style: validated as the array it stands for.
      const isArray = p.schema.type === 'array' || (Array.isArray(p.schema.type) && p.schema.type.includes('array'));
      const typed: unknown = isArray && typeof value === 'string' ? (value === '' ? [] : value.split(arrayDelimiter(p))) : value;
      if (!validate({ value: typed })) issues.push(...issuesOf(p.in, p.name, validate.errors).map((i) => ({ ...i, at: i.at.replace(/^([^/]*)\/value/, '$1') })));
      // OpenAPI: a query parameter is not sent empty unless it says `allowEmptyValue` (when its schema
      // already refuses the empty text, that is the issue).
      else if (p.in === 'query' && value === '' && p.allowEmptyValue !== true)
        issues.push({ where: p.in, at: p.name, keyword: 'required', params: {}, schemaPath: '', message: `query parameter ${p.name} is sent empty (no allowEmptyValue)` });
    }
    const spec = this.operation.requestBody;
    if (request.body === undefined) {
      if (spec?.required) issues.push({ where: 'body', at: '', keyword: 'required', params: {}, schemaPath: '', message: 'request body is required' });
    } else if ('raw' in request.body) {
      try {
        const parsed: unknown = JSON.parse(request.body.raw);
        issues.push(...this.validateBody(parsed).issues);
      } catch {
        issues.push({ where: 'body', at: '', keyword: 'json', params: {}, schemaPath: '', message: 'request body is not valid JSON' });
      }
    } else {
      issues.push(...this.validateBody(request.body.json).issues);
    }
    return { valid: issues.length === 0, issues };
  }

  validateBody(body: unknown): ValidationResult {
    if (!this.body) return { valid: true, issues: [] };
    const ok = this.body(body);
    return { valid: ok, issues: ok ? [] : issuesOf('body', '', this.body.errors) };
  }

  /** Validates a response body against the schema of its status; `undefined` when that status documents no schema. */
  validateResponse(status: number, body: unknown): ValidationResult | undefined {
    let validate = this.byStatus.get(status);
    if (validate === undefined && !this.byStatus.has(status)) {
      const spec = responseFor(this.operation.responses, status);
      validate = spec && this.responses.get(spec.status);
      this.byStatus.set(status, validate);
    }
    if (!validate) return undefined;
    const ok = validate(body);
    return { valid: ok, issues: ok ? [] : issuesOf('response', '', validate.errors) };
  }
}

function lowerKeys(record: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k.toLowerCase(), v]));
}
