import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../src/catalogue/buildCatalogue.ts';
import { SpecError } from '../../src/errors/ConformanceError.ts';
import { loadSpec } from '../../src/openapi/loadSpec.ts';
import { sniffOpenApiVersion } from '../../src/openapi/sniffOpenApiVersion.ts';
import { upgradeToOpenApi31 } from '../../src/openapi/upgradeToOpenApi31.ts';
import { planCases } from '../../src/plan/planCases.ts';
import { validRequestArbitrary } from '../../src/plan/validRequestArbitrary.ts';
import { OperationValidators } from '../../src/validation/OperationValidators.ts';
import fc from 'fast-check';
import { planToSent } from '../../src/runner/planToSent.ts';
import { runnerOptions } from '../runner/helpers.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'conformance-real-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function load(name: string, document: unknown): Promise<Awaited<ReturnType<typeof loadSpec>>> {
  const file = join(dir, name);
  await writeFile(file, typeof document === 'string' ? document : JSON.stringify(document));
  return loadSpec(file);
}

/** Loads, catalogues and plans every operation (plus a few random requests), as a dry run does. */
async function planAll(name: string, document: unknown): Promise<{ cases: number; spec: Awaited<ReturnType<typeof loadSpec>> }> {
  const spec = await load(name, document);
  const catalogue = buildCatalogue(spec);
  let cases = 0;
  for (const operation of spec.operations) {
    const validators = new OperationValidators(operation);
    cases += planCases(
      operation,
      catalogue.filter((c) => c.operationId === operation.operationId),
      validators,
      { seed: 1, fixtures: {} },
    ).length;
    fc.sample(validRequestArbitrary(operation, { seed: 1, fixtures: {} }, validators), { seed: 1, numRuns: 5 });
  }
  return { cases, spec };
}

const info = { title: 'x', version: '1' };
const ok = { '200': { description: 'OK' } };

describe('OpenAPI 3.0 read as the 3.1 document it maps to', () => {
  it('nullable adds null to the type or enum; a typeless nullable schema becomes anyOf with null; x- keys stay', () => {
    const document = {
      openapi: '3.0.3',
      components: {
        schemas: {
          name: { type: 'string', nullable: true, 'x-doc-ref': 'Table 1' },
          colour: { type: 'string', enum: ['red'], nullable: true },
          ref: { allOf: [{ type: 'object' }], nullable: true, description: 'kept outside' },
          plain: { type: 'integer', nullable: false },
        },
      },
    };
    const notes = upgradeToOpenApi31(document);
    expect(notes.rewritten).toBe(4);
    expect(document.openapi).toBe('3.1.0');
    expect(document.components.schemas).toEqual({
      name: { type: ['string', 'null'], 'x-doc-ref': 'Table 1' },
      colour: { type: ['string', 'null'], enum: ['red', null] },
      ref: { anyOf: [{ allOf: [{ type: 'object' }] }, { type: 'null' }], description: 'kept outside' },
      plain: { type: 'integer' },
    });
  });

  it('boolean exclusiveMinimum/exclusiveMaximum become the numeric bound', () => {
    const document = { openapi: '3.0.0', components: { schemas: { n: { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 9, exclusiveMaximum: false } } } };
    upgradeToOpenApi31(document);
    expect(document.components.schemas.n).toEqual({ type: 'number', exclusiveMinimum: 0, maximum: 9 });
  });

  it('a 3.0 document loads, and its nullable member accepts null in a request body and a response', async () => {
    const spec = await load('thirty.json', {
      openapi: '3.0.1',
      info,
      paths: {
        '/pets': {
          post: {
            operationId: 'addPet',
            requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } },
            responses: { '200': { description: 'OK', content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } } },
          },
        },
      },
      components: {
        schemas: {
          Pet: {
            type: 'object',
            required: ['name'],
            properties: { name: { type: 'string', maxLength: 5 }, tag: { type: 'string', nullable: true }, age: { type: 'integer', minimum: 0, exclusiveMinimum: true } },
          },
        },
      },
    });
    const validators = new OperationValidators(spec.operations[0]!);
    expect(validators.validateBody({ name: 'Rex', tag: null }).valid).toBe(true);
    expect(validators.validateResponse(200, { name: 'Rex', tag: null })?.valid).toBe(true);
    expect(validators.validateBody({ name: 'Rex', age: 0 }).valid).toBe(false);
    expect(validators.validateBody({ name: 'Rex', age: 1 }).valid).toBe(true);
    expect(buildCatalogue(spec).map((c) => c.id)).toContain('addPet.body.age.exclusiveMinimum');
    expect(spec.warnings).toEqual([]);
  });

  it('a 3.1 document that still says nullable is read as 3.0 meant it, with a warning', async () => {
    const spec = await load('leftover.json', {
      openapi: '3.1.0',
      info,
      paths: { '/a': { get: { operationId: 'getA', responses: { '200': { description: 'OK', content: { 'application/json': { schema: { nullable: true, type: 'string' } } } } } } } },
    });
    expect(new OperationValidators(spec.operations[0]!).validateResponse(200, null)?.valid).toBe(true);
    expect(spec.warnings).toEqual([expect.stringMatching(/leftover\.json: 1 schema\(s\) use OpenAPI 3\.0 keywords/)]);
  });
});

describe('the version is read before the document is parsed', () => {
  it('from the head of YAML or JSON', () => {
    expect(sniffOpenApiVersion('openapi: 3.0.2\ninfo: {}\n')).toEqual({ kind: 'openapi', version: '3.0.2' });
    expect(sniffOpenApiVersion('# comment\n"swagger": "2.0"\n')).toEqual({ kind: 'swagger', version: '2.0' });
    expect(sniffOpenApiVersion('{ "info": {}, "openapi" : "3.1.0" }')).toEqual({ kind: 'openapi', version: '3.1.0' });
    expect(sniffOpenApiVersion('info:\n  openapi: nested\n')).toEqual({ kind: 'unknown' });
  });

  it('a 20 MB Swagger 2.0 document is refused at once, with one line naming the version', async () => {
    const big = `{"swagger":"2.0","info":{"title":"x","version":"1"},"x-filler":"${'x'.repeat(20 * 1024 * 1024)}","paths":{}}`;
    const started = performance.now();
    const error = await load('big-swagger.json', big).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(performance.now() - started).toBeLessThan(3000);
    expect(error).toBeInstanceOf(SpecError);
    expect((error as Error).message).toMatch(/big-swagger\.json is a Swagger 2\.0 document: only OpenAPI 3\.0 and 3\.1 are read/);
  });
});

describe('hostile but valid documents', () => {
  it('a recursive schema is catalogued, compiled and planned without overflowing the stack', async () => {
    const node = {
      type: 'object',
      required: ['name'],
      properties: { name: { type: 'string', maxLength: 3 }, children: { type: 'array', items: { $ref: '#/components/schemas/Node' } }, parent: { $ref: '#/components/schemas/Node' } },
    };
    const { cases, spec } = await planAll('recursive.json', {
      openapi: '3.1.0',
      info,
      paths: {
        '/nodes': {
          post: {
            operationId: 'addNode',
            requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Node' } } } },
            responses: { '200': { description: 'OK', content: { 'application/json': { schema: { $ref: '#/components/schemas/Node' } } } } },
          },
        },
      },
      components: { schemas: { Node: node } },
    });
    expect(cases).toBeGreaterThan(3);
    const validators = new OperationValidators(spec.operations[0]!);
    // The loop is still validated at every depth.
    expect(validators.validateBody({ name: 'a', children: [{ name: 'b', parent: { name: 'c' } }] }).valid).toBe(true);
    expect(validators.validateBody({ name: 'a', children: [{ name: 'b', parent: { name: 'toolong' } }] }).valid).toBe(false);
    // Each loop is catalogued once: the node's own rules, not again at every depth it returns to.
    const ids = buildCatalogue(spec).map((c) => c.id);
    expect(ids).toContain('addNode.body.name.maxLength');
    expect(ids).not.toContain('addNode.body.children.*.name.maxLength');
  });

  it('a maxLength of 350000 plans in well under a second per boundary, the texts built whole', async () => {
    const started = performance.now();
    const { spec } = await planAll('huge.json', {
      openapi: '3.1.0',
      info,
      paths: {
        '/notes': {
          post: {
            operationId: 'addNote',
            requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['text'], properties: { text: { type: 'string', maxLength: 350000 } } } } } },
            responses: ok,
          },
        },
      },
    });
    expect(performance.now() - started).toBeLessThan(5000);
    const operation = spec.operations[0]!;
    const catalogue = buildCatalogue(spec);
    const planned = planCases(operation, catalogue, new OperationValidators(operation), { seed: 1, fixtures: {} });
    const edge = planned.find((c) => c.intent.kind === 'boundary' && c.intent.constraintId === 'addNote.body.text.maxLength');
    expect(edge && 'json' in edge.request.body! ? (edge.request.body.json as { text: string }).text.length : 0).toBe(350000);
  });

  it('reads what strict mode would refuse as JSON Schema does: maxLength beside type object, unknown formats, patterns without the u flag', async () => {
    const { spec } = await planAll('quirks.json', {
      openapi: '3.1.0',
      info,
      paths: {
        '/things/{id}': {
          put: {
            operationId: 'putThing',
            parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z0-9\\-_]+$' } }],
            requestBody: {
              content: {
                'application/json': {
                  schema: { type: 'object', maxLength: 3, properties: { blob: { type: 'string', format: 'blob', example: null, 'x-note': null }, when: { type: 'string', format: 'date-time' } } },
                },
              },
            },
            responses: ok,
          },
        },
      },
    });
    const validators = new OperationValidators(spec.operations[0]!);
    expect(validators.validateBody({ blob: 'anything at all' }).valid).toBe(true);
    expect(validators.validateBody({ when: 'yesterday' }).valid).toBe(false);
    expect(validators.validateResponse(200, {})).toBeUndefined();
    // Strict mode (the shipped documents') refuses the same schemas.
    expect(() => new OperationValidators({ ...spec.operations[0]!, lenientSchemas: false })).toThrow(SpecError);
  });

  it('an operation parameter overrides the path parameter of the same name', async () => {
    const spec = await load('override.json', {
      openapi: '3.1.0',
      info,
      paths: {
        '/items/{id}': {
          parameters: [
            { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
            { name: 'q', in: 'query', schema: { type: 'string' } },
          ],
          get: { operationId: 'getItem', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }], responses: ok },
        },
      },
    });
    const parameters = spec.operations[0]!.parameters;
    expect(parameters.map((p) => [p.in, p.name, p.schema.type])).toEqual([
      ['query', 'q', 'string'],
      ['path', 'id', 'integer'],
    ]);
    expect(parameters[1]!.pointer).toBe('/paths/~1items~1{id}/get/parameters/0/schema');
  });

  it('an operation without an operationId is named after its method and path', async () => {
    const spec = await load('anonymous.json', {
      openapi: '3.1.0',
      info,
      paths: { '/pets/{petId}': { get: { parameters: [{ name: 'petId', in: 'path', required: true, schema: { type: 'string' } }], responses: ok } } },
    });
    expect(spec.operations.map((o) => o.operationId)).toEqual(['get_pets_petId']);
  });

  it('an unsupported security scheme skips only the operations that need it, named in one warning line', async () => {
    const spec = await load('security.json', {
      openapi: '3.1.0',
      info,
      paths: {
        '/a': { get: { operationId: 'queryKey', security: [{ query: [] }], responses: ok } },
        '/b': { get: { operationId: 'oauth', security: [{ oauth: ['read'] }], responses: ok } },
        '/c': { get: { operationId: 'either', security: [{ query: [] }, { header: [] }], responses: ok } },
        '/d': { get: { operationId: 'optional', security: [{ query: [] }, {}], responses: ok } },
        '/e': { get: { operationId: 'twoFlows', security: [{ oauth: ['read'], oauthToo: [] }], responses: ok } },
        '/f': { get: { operationId: 'twoKeys', security: [{ header: [], oauth: [] }], responses: ok } },
      },
      components: {
        securitySchemes: {
          query: { type: 'apiKey', in: 'query', name: 'key' },
          header: { type: 'apiKey', in: 'header', name: 'X-Key' },
          oauth: { type: 'oauth2', flows: { implicit: { authorizationUrl: 'https://example.com/auth', scopes: { read: 'read' } } } },
          oauthToo: { type: 'http', scheme: 'bearer' },
        },
      },
    });
    expect(spec.operations.map((o) => [o.operationId, o.credentialSchemes.map((c) => `${c.header}:${c.prefix}`)])).toEqual([
      ['oauth', ['authorization:Bearer ']],
      ['either', ['x-key:']],
      ['optional', []],
      ['twoFlows', ['authorization:Bearer ']],
      ['twoKeys', ['x-key:']],
    ]);
    expect(spec.operations.at(-1)!.credentialSchemes[0]!.companions).toEqual(['authorization']);
    expect(spec.warnings).toEqual([
      expect.stringMatching(/security\.json: GET \/f \(twoKeys\): need the headers x-key \+ authorization at once: --token fills x-key, give the others with --header$/),
      expect.stringMatching(/security\.json: 1 operation\(s\) not tested: GET \/a \(queryKey\): security scheme "query" \(apiKey in query\) is not supported/),
    ]);
    // The case without a credential leaves the companion header out, also when --header gives it.
    const operation = spec.operations.at(-1)!;
    const noAuth = planCases(
      operation,
      buildCatalogue(spec).filter((c) => c.operationId === 'twoKeys'),
      new OperationValidators(operation),
      { seed: 1, fixtures: {} },
    ).find((c) => c.intent.kind === 'no-auth')!;
    const sent = planToSent(noAuth, 'http://h', operation.credentialSchemes, runnerOptions({ token: 'tok', headers: { 'X-Key': 'k', Authorization: 'Bearer b' } }));
    expect(sent.headers['x-key']).toBeUndefined();
    expect(sent.headers['authorization']).toBeUndefined();
  });

  it('a document whose every operation is skipped has no operation to test', async () => {
    const error = await load('skipped.json', {
      openapi: '3.1.0',
      info,
      paths: { '/a': { get: { operationId: 'cookieOnly', parameters: [{ name: 'session', in: 'cookie', required: true, schema: { type: 'string' } }], responses: ok } } },
    }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((error as Error).message).toMatch(/skipped\.json: no operation to test: every operation is skipped \(GET \/a \(cookieOnly\): required cookie parameter "session" is not supported\)/);
  });
});

describe('requests as the document says', () => {
  const formDocument = (type: string): unknown => ({
    openapi: '3.1.0',
    info,
    paths: {
      '/token': {
        post: {
          operationId: 'token',
          requestBody: { required: true, content: { [type]: { schema: { type: 'object', required: ['client_id'], properties: { client_id: { type: 'string', maxLength: 8 } } } } } },
          responses: ok,
        },
      },
    },
  });

  it('a form or multipart body is planned with its media type, random requests too; a JSON body without one', async () => {
    for (const [type, expected] of [
      ['application/x-www-form-urlencoded', 'application/x-www-form-urlencoded'],
      ['multipart/form-data', 'multipart/form-data'],
      ['application/json', undefined],
    ] as const) {
      const spec = await load(`form-${type.replace('/', '-')}.json`, formDocument(type));
      const operation = spec.operations[0]!;
      const validators = new OperationValidators(operation);
      const planned = planCases(operation, buildCatalogue(spec), validators, { seed: 1, fixtures: {} }).filter((c) => c.request.body !== undefined);
      expect(planned.length).toBeGreaterThan(2);
      expect(new Set(planned.map((c) => c.request.mediaType))).toEqual(new Set([expected]));
      const random = fc.sample(validRequestArbitrary(operation, { seed: 1, fixtures: {} }, validators), { seed: 1, numRuns: 5 });
      expect(new Set(random.map((r) => r.mediaType))).toEqual(new Set([expected]));
    }
  });

  it('random valid numbers keep to int32, float and multipleOf; a float beyond single precision is invalid', async () => {
    const spec = await load('numbers.json', {
      openapi: '3.1.0',
      info,
      paths: {
        '/n': {
          post: {
            operationId: 'numbers',
            requestBody: {
              required: true,
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['i', 'f', 'm'],
                    properties: { i: { type: 'integer', format: 'int32' }, f: { type: 'number', format: 'float' }, m: { type: 'number', multipleOf: 0.01, minimum: 0, maximum: 5 } },
                  },
                },
              },
            },
            responses: ok,
          },
        },
      },
    });
    const operation = spec.operations[0]!;
    const validators = new OperationValidators(operation);
    const bodies = fc
      .sample(validRequestArbitrary(operation, { seed: 3, fixtures: {} }, validators), { seed: 3, numRuns: 200 })
      .map((r) => (r.body && 'json' in r.body ? (r.body.json as { i: number; f: number; m: number }) : undefined));
    for (const body of bodies) {
      expect(Math.abs(body!.i)).toBeLessThanOrEqual(2 ** 31);
      expect(Math.fround(body!.f)).toBe(body!.f);
      expect(validators.validateBody(body).issues).toEqual([]);
    }
    expect(validators.validateBody({ i: 1, f: 1e300, m: 1 }).valid).toBe(false);
    expect(validators.validateBody({ i: 2 ** 31, f: 1, m: 1 }).valid).toBe(false);
  });
});

describe('fixtures from the document', () => {
  it('a path id given as example, examples, or on the schema is the parameter example the fixture probe tries', async () => {
    const spec = await load('ids.json', {
      openapi: '3.0.3',
      info,
      paths: {
        '/a/{id}': { get: { operationId: 'a', parameters: [{ name: 'id', in: 'path', required: true, example: 'abc', schema: { type: 'string' } }], responses: ok } },
        '/b/{id}': { get: { operationId: 'b', parameters: [{ name: 'id', in: 'path', required: true, examples: { first: { value: 'b-1' } }, schema: { type: 'string' } }], responses: ok } },
        '/c/{id}': { get: { operationId: 'c', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer', example: 10 } }], responses: ok } },
        '/d/{id}': { get: { operationId: 'd', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: ok } },
      },
    });
    expect(spec.operations.map((o) => o.parameters[0]!.example)).toEqual(['abc', 'b-1', '10', undefined]);
  });
});

describe('a case that omits a header omits it', () => {
  it('the required-header case sends no such header even when --header gives it; the other cases send it', async () => {
    const spec = await load('header.json', {
      openapi: '3.1.0',
      info,
      paths: { '/h': { get: { operationId: 'withHeader', parameters: [{ name: 'X-Request-Id', in: 'header', required: true, schema: { type: 'string', maxLength: 8 } }], responses: ok } } },
    });
    const operation = spec.operations[0]!;
    const cases = planCases(operation, buildCatalogue(spec), new OperationValidators(operation), { seed: 1, fixtures: {} });
    const options = runnerOptions({ headers: { 'X-Request-Id': 'given' } });
    const omitting = cases.find((c) => c.intent.kind === 'invalid' && c.intent.constraintId === 'withHeader.header.X-Request-Id.required');
    expect(omitting?.request.omitHeaders).toEqual(['x-request-id']);
    expect(planToSent(omitting!, 'http://h', [], options).headers['x-request-id']).toBeUndefined();
    const valid = cases.find((c) => c.intent.kind === 'valid')!;
    expect(planToSent(valid, 'http://h', [], options).headers['x-request-id']).toBeDefined();
  });
});

describe('patterns fast-check cannot generate from', () => {
  it('a lookahead pattern is planned from texts that match it, not refused', async () => {
    const { cases, spec } = await planAll('lookahead.json', {
      openapi: '3.1.0',
      info,
      paths: {
        '/tags/{key}': {
          put: {
            operationId: 'tag',
            parameters: [{ name: 'key', in: 'path', required: true, schema: { type: 'string', pattern: '^(?!aws:)[a-z0-9]+$', maxLength: 12 } }],
            requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { token: { type: 'string', pattern: '^(?!x)[a-z]{2,10}$' } } } } } },
            responses: ok,
          },
        },
      },
    });
    expect(cases).toBeGreaterThan(3);
    expect(spec.operations).toHaveLength(1);
  });
});

describe('parameters as their style and allowEmptyValue say', () => {
  const document = {
    openapi: '3.0.3',
    info,
    paths: {
      '/search': {
        get: {
          operationId: 'search',
          parameters: [
            { name: 'ids', in: 'query', required: true, schema: { type: 'array', items: { type: 'integer', format: 'int32' } } },
            { name: 'tags', in: 'query', style: 'pipeDelimited', explode: false, schema: { type: 'array', items: { type: 'string', enum: ['a', 'b'] } } },
            { name: 'q', in: 'query', required: true, schema: { type: 'string' } },
            { name: 'cursor', in: 'query', allowEmptyValue: true, schema: { type: 'string' } },
          ],
          responses: ok,
        },
      },
    },
  };

  it('an array query parameter travels as its items joined by its style, and is validated as that array', async () => {
    const { spec } = await planAll('style.json', document);
    const operation = spec.operations[0]!;
    const validators = new OperationValidators(operation);
    const request = (query: Record<string, string>) => ({ method: 'GET', path: '/search', pathParams: {}, query, headers: {}, auth: 'configured' as const });
    expect(validators.validateRequest(request({ ids: '1,2', q: 'x', tags: 'a|b' })).valid).toBe(true);
    expect(validators.validateRequest(request({ ids: '1,x', q: 'x' })).valid).toBe(false);
    expect(validators.validateRequest(request({ ids: '1', q: 'x', tags: 'a|c' })).valid).toBe(false);
    const base = planCases(operation, buildCatalogue(spec), validators, { seed: 1, fixtures: {} }).find((c) => c.intent.kind === 'valid')!;
    // One item, not an empty value: a required parameter is never sent empty as valid.
    expect(base.request.query['ids']).toMatch(/^-?\d+$/);
  });

  it('a query parameter sent empty is not valid unless it allows an empty value', async () => {
    const spec = await load('empty.json', document);
    const validators = new OperationValidators(spec.operations[0]!);
    const request = (query: Record<string, string>) => ({ method: 'GET', path: '/search', pathParams: {}, query, headers: {}, auth: 'configured' as const });
    expect(validators.validateRequest(request({ ids: '1', q: '' })).issues.map((i) => i.message)).toEqual(['query parameter q is sent empty (no allowEmptyValue)']);
    expect(validators.validateRequest(request({ ids: '1', q: 'x', cursor: '' })).valid).toBe(true);
  });
});

describe('texts of an exact length for a prefixed pattern', () => {
  it('a matching sample grown to the length stands in when no sample has it', async () => {
    const { textOfLength } = await import('../../src/values/textOfLength.ts');
    const text = textOfLength(26, { type: 'string', pattern: '^st-[a-zA-Z0-9]+$', minLength: 26, maxLength: 26 });
    expect(text).toMatch(/^st-[a-zA-Z0-9]{23}$/);
  });
});
