import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { catalogueOperation } from '../../src/catalogue/buildCatalogue.ts';
import { loadSpec } from '../../src/openapi/loadSpec.ts';
import { loadSpecs } from '../../src/openapi/loadSpecs.ts';
import type { Operation } from '../../src/openapi/Operation.ts';
import { planCases } from '../../src/plan/planCases.ts';
import { OperationValidators } from '../../src/validation/OperationValidators.ts';
import { generateValidatorsInto, schemaValidator, validatorCacheDir, validatorKey } from '../../src/validation/standaloneValidator.ts';
import configSchema from '../../src/config/config.schema.json' with { type: 'json' };
import reportSchema from '../../src/model/report.schema.json' with { type: 'json' };

let dir: string;
const cacheSetting = process.env.CONFORMANCE_CACHE_DIR;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'conformance-standalone-'));
});
afterEach(() => {
  generateValidatorsInto(undefined);
  if (cacheSetting === undefined) delete process.env.CONFORMANCE_CACHE_DIR;
  else process.env.CONFORMANCE_CACHE_DIR = cacheSetting;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The operation's validators compiled by ajv now, and the same read back from generated code. */
function bothWays(operation: Operation, into: string): { compiled: OperationValidators; stored: OperationValidators } {
  generateValidatorsInto(into);
  const compiled = new OperationValidators(operation);
  generateValidatorsInto(undefined);
  process.env.CONFORMANCE_CACHE_DIR = into;
  const stored = new OperationValidators(operation);
  return { compiled, stored };
}

/**
 * A compiled validator keeps its source; one read from generated code has none. Every validator of the
 * operation is looked at (parameters, body, responses): an operation without a body (a task's GET) has
 * the others.
 */
const isGenerated = (validators: OperationValidators): boolean => {
  type Validator = { source?: unknown };
  const { parameters, body, responses } = validators as unknown as { parameters: Map<string, Validator>; body?: Validator; responses: Map<string, Validator> };
  const all = [...parameters.values(), ...(body ? [body] : []), ...responses.values()];
  if (all.length === 0) throw new Error(`${validators.operation.operationId} has no validator to tell`);
  const generated = all.filter((v) => v.source === undefined).length;
  // Read back or compiled as a whole: one operation's validators never mix the two.
  if (generated !== 0 && generated !== all.length) throw new Error(`${validators.operation.operationId}: ${generated} of ${all.length} validators generated`);
  return generated === all.length;
};

describe('validators generated as code (ajv standalone)', () => {
  it('give the verdicts and issues of compiled ones on every planned case of the shipped documents, requests and responses', async () => {
    const into = join(dir, 'shipped');
    let compared = 0;
    let comparedInvalid = 0;
    for (const spec of await loadSpecs([])) {
      for (const operation of spec.operations) {
        const { compiled, stored } = bothWays(operation, into);
        expect(isGenerated(compiled)).toBe(false);
        expect(isGenerated(stored)).toBe(true);
        const cases = planCases(operation, catalogueOperation(operation), compiled, { seed: 3, fixtures: {} });
        // Issues are compared too: where the document has a rule a request can break, planned cases break it
        // (a task's GET, whose only input is a free-form id, has none).
        const invalid = cases.filter((c) => !compiled.validateRequest(c.request).valid).length;
        expect(invalid > 0, operation.operationId).toBe(cases.some((c) => c.intent.kind === 'invalid'));
        comparedInvalid += invalid;
        const bodies = [...cases.flatMap((c) => (c.request.body && 'json' in c.request.body ? [c.request.body.json] : [])), ...operation.responses.flatMap((r) => r.examples)];
        for (const c of cases) {
          expect(stored.validateRequest(c.request)).toEqual(compiled.validateRequest(c.request));
          compared += 1;
        }
        for (const r of operation.responses) {
          const status = Number(r.status.replace(/X/gi, '0')) || 500;
          for (const body of bodies) expect(stored.validateResponse(status, body)).toEqual(compiled.validateResponse(status, body));
        }
      }
    }
    expect(compared).toBeGreaterThan(100);
    expect(comparedInvalid).toBeGreaterThan(50);
    expect((await readdir(into)).length).toBeGreaterThan(5);
  });

  it('keep what lenient reading told (a --spec document) and read its patterns as compiling does', async () => {
    const document = JSON.stringify({
      openapi: '3.1.0',
      info: { title: 't', version: '1' },
      paths: {
        '/things/{id}': {
          put: {
            operationId: 'putThing',
            parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z0-9\\-_]+$' } }],
            requestBody: {
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    maxLength: 3,
                    properties: { blob: { type: 'string', format: 'blob' }, when: { type: 'string', format: 'date-time' }, size: { type: 'number', format: 'float' } },
                  },
                },
              },
            },
            responses: { '200': { description: 'ok' } },
          },
        },
      },
    });
    // Two loads of the document: the shared lenient instances tell the quirks of one schema object once.
    const [first, second] = await Promise.all(
      ['quirks.json', 'quirks-again.json'].map(async (name) => {
        await writeFile(join(dir, name), document);
        return (await loadSpec(join(dir, name))).operations[0]!;
      }),
    );
    const into = join(dir, 'lenient');
    generateValidatorsInto(into);
    const compiled = new OperationValidators(first!);
    generateValidatorsInto(undefined);
    process.env.CONFORMANCE_CACHE_DIR = into;
    const stored = new OperationValidators(second!);
    expect(isGenerated(stored)).toBe(true);
    expect(compiled.quirks.size).toBeGreaterThan(0);
    expect([...stored.quirks]).toEqual([...compiled.quirks]);
    const request = (id: string, json: unknown) => ({ method: 'PUT', path: '/things/{id}', pathParams: { id }, query: {}, headers: {}, body: { json } });
    for (const [id, json] of [
      ['ab-c_1', { when: '2024-01-01T00:00:00Z', size: 1.5 }],
      ['AB', { when: 'yesterday' }],
      ['x', { size: 1e39 }],
      ['x', { blob: 'any' }],
    ] as const) {
      const planned = request(id, json) as unknown as Parameters<OperationValidators['validateRequest']>[0];
      expect(stored.validateRequest(planned)).toEqual(compiled.validateRequest(planned));
    }
    expect(compiled.validateRequest(request('x', { size: 1e39 }) as never).valid).toBe(false);
  });

  it('validate the config file and the report as the compiled schemas do', () => {
    process.env.CONFORMANCE_CACHE_DIR = join(dir, 'own');
    const configs: unknown[] = [{}, { runs: 3, targets: { 'huawei-dc': 'http://localhost:1' } }, { runs: 'many' }, { nonsense: true }, { target: 'not a uri' }];
    const reports: unknown[] = [{}, { summary: {} }];
    for (const [schema, values] of [
      [configSchema, configs],
      [reportSchema, reports],
    ] as const) {
      const compiled = schemaValidator(schema);
      const stored = schemaValidator(schema);
      expect((compiled as { source?: unknown }).source).toBeDefined();
      expect((stored as { source?: unknown }).source).toBeUndefined();
      for (const value of values) {
        expect(stored(value)).toBe(compiled(value));
        expect(stored.errors).toEqual(compiled.errors);
      }
    }
  });

  it('are found by a hash of the schema: a changed schema never meets an old validator', () => {
    const schema = { type: 'object', properties: { name: { type: 'string', maxLength: 64 } } };
    expect(validatorKey(schema, 'body')).toBe(validatorKey(structuredClone(schema), 'body'));
    expect(validatorKey({ ...schema, properties: { name: { type: 'string', maxLength: 65 } } }, 'body')).not.toBe(validatorKey(schema, 'body'));
    expect(validatorKey(schema, 'param')).not.toBe(validatorKey(schema, 'body'));
  });

  it('compile as before when the cache cannot be written or is turned off', async () => {
    const blocker = join(dir, 'a-file');
    await writeFile(blocker, 'not a folder');
    process.env.CONFORMANCE_CACHE_DIR = join(blocker, 'cache');
    const validate = schemaValidator({ type: 'integer', minimum: 2 });
    expect(validate(1)).toBe(false);
    expect(validate(2)).toBe(true);
    expect(validatorCacheDir({ CONFORMANCE_CACHE_DIR: 'off' })).toBeUndefined();
    expect(validatorCacheDir({ XDG_CACHE_HOME: '/x' })).toBe(join('/x', 'interconnect-conformance'));
    expect(validatorCacheDir({})).toMatch(/node_modules[/\\].cache[/\\]interconnect-conformance$/);
  });
});
