import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileErrors, validate } from '@readme/openapi-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SpecError } from '../../src/errors/ConformanceError.ts';
import type { PlannedRequest } from '../../src/model/Case.ts';
import type { Operation } from '../../src/openapi/Operation.ts';
import type { Spec } from '../../src/openapi/Spec.ts';
import { defaultSpecFiles } from '../../src/openapi/defaultSpecFiles.ts';
import { loadSpec } from '../../src/openapi/loadSpec.ts';
import { OperationValidators } from '../../src/validation/OperationValidators.ts';
import { createAjv } from '../../src/validation/createAjv.ts';

const HCX_ID = '20ef77b0-2a69-4a4e-9a8a-2ac5a4f0c1d3';
const DC_ID = '0278b472-ffa5-4eb3-8c0d-979d479f8ef6';
const DC_PROJECT = '6fbe9263116a4b68818cf1edce16bc4f';

/** The example request of the Huawei reference page, as printed there. */
const DC_DOC_REQUEST = { hosted_connect: { name: 'client-dc-faf1', description: '' } };

/** The example response of the Huawei reference page, as printed there (every Table 6 field). */
const DC_DOC_RESPONSE = {
  hosted_connect: {
    id: '0278b472-ffa5-4eb3-8c0d-979d479f8ef6',
    name: 'client-dc-faf1',
    description: '',
    tenant_id: '0605768a3300d5762f82c01180692873',
    hosting_id: '2cfb53be-b05f-40d5-a2f8-3a59ac383836',
    vlan: 441,
    bandwidth: 10,
    location: 'ExampleLocation',
    peer_location: '',
    provider: 'ExampleProvider',
    type: 'hosted',
    port_type: '10G',
    provider_status: 'ACTIVE',
    status: 'ACTIVE',
    apply_time: '2022-07-13T08:25:38.000Z',
    admin_state_up: true,
    create_time: '2022-07-13T08:25:38.000Z',
  },
  request_id: 'a59a3776faa1d055f8124dc7b0977a90',
};

/** The response sample of the HCX reference page (202, 400 and 422 share it). */
const HCX_DOC_ENVELOPE = {
  data: { interconnectTaskId: 'string', applianceId: 'string' },
  warnings: [{ message: 'string' }],
  errors: [{ code: 'string', message: 'string' }],
};
const HCX_DOC_500 = { errors: [{ code: 'string', message: 'string' }] };

function operationOf(specs: readonly Spec[], operationId: string): Operation {
  const found = specs.flatMap((s) => s.operations).find((o) => o.operationId === operationId);
  if (!found) throw new Error(`no operation ${operationId}`);
  return found;
}

function hcxRequest(overrides: Partial<PlannedRequest> = {}): PlannedRequest {
  return {
    method: 'POST',
    path: `/hybridity/api/interconnect/appliances/${HCX_ID}/upgrade`,
    pathParams: { applianceId: HCX_ID },
    query: {},
    headers: {},
    auth: 'configured',
    ...overrides,
  };
}

function dcRequest(overrides: Partial<PlannedRequest> = {}): PlannedRequest {
  return {
    method: 'PUT',
    path: `/v3/${DC_PROJECT}/dcaas/hosted-connects/${DC_ID}`,
    pathParams: { project_id: DC_PROJECT, hosted_connect_id: DC_ID },
    query: {},
    headers: { 'content-type': 'application/json' },
    body: { json: DC_DOC_REQUEST },
    auth: 'configured',
    ...overrides,
  };
}

describe('the shipped OpenAPI documents', () => {
  const files = defaultSpecFiles();
  let specs: Spec[];
  let hcx: OperationValidators;
  let dc: OperationValidators;

  beforeAll(async () => {
    specs = await Promise.all(files.map((f) => loadSpec(f)));
    hcx = new OperationValidators(operationOf(specs, 'upgradeInterconnectAppliance'));
    dc = new OperationValidators(operationOf(specs, 'updateHostedConnect'));
  });

  it('ships exactly the two documents', () => {
    expect(files.map((f) => f.split('/').at(-1))).toEqual(['hcx-interconnect.openapi.yaml', 'huawei-dc.openapi.yaml']);
  });

  it.each(defaultSpecFiles().map((f) => [f.split('/').at(-1)!, f]))('%s is valid OpenAPI 3.1 for @readme/openapi-parser', async (_name, file) => {
    const result = await validate(file);
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
    expect(result.specification).toBe('OpenAPI');
  });

  it('loads both with loadSpec, with their x-conformance hints (HCX also has the task operation its 202 links to)', () => {
    expect(specs.map((s) => s.operations.map((o) => `${o.method} ${o.pathTemplate}`))).toEqual([
      ['POST /hybridity/api/interconnect/appliances/{applianceId}/upgrade', 'GET /hybridity/api/interconnect/tasks/{interconnectTaskId}'],
      ['PUT /v3/{project_id}/dcaas/hosted-connects/{hosted_connect_id}'],
    ]);
    const hints = specs.map((s) => s.operations[0]!.hints);
    expect(hints.map((h) => [h.constraintPrefix, h.mutating, h.notFoundStatuses, h.resourceParameter])).toEqual([
      ['HCX', true, ['404'], 'applianceId'],
      ['DC', true, ['400', '404'], 'hosted_connect_id'],
    ]);
    expect(hints[0]!.echoes.map((e) => e.pointer)).toEqual(['/data/applianceId']);
    expect(hints[1]!.echoes.map((e) => e.pointer)).toEqual(['/hosted_connect/id', '/hosted_connect']);
  });

  it('says where the check rules come from: HCX\'s echo is a reading, Huawei\'s echoes its page\'s function, its not-found and error answers are not on its page', () => {
    const hcxOp = operationOf(specs, 'upgradeInterconnectAppliance');
    const dcOp = operationOf(specs, 'updateHostedConnect');
    expect(hcxOp.hints.echoes.map((e) => e.provenance)).toEqual(['reading']);
    expect(dcOp.hints.echoes.map((e) => e.provenance)).toEqual(['page', 'page']);
    expect(hcxOp.hints.checkProvenance).toEqual({ 'success-errors': 'reading' });
    expect(dcOp.hints.checkProvenance).toEqual({ 'not-found': 'reading' });
    expect(hcxOp.hints.undocumentedStatusProvenance).toEqual({ '4XX': 'reading', '5XX': 'robustness' });
    expect(dcOp.hints.undocumentedStatusProvenance).toEqual({});
    expect(hcxOp.responses.map((r) => r.provenance)).toEqual(['page', 'page', 'page', 'page', 'page', 'page', 'page']);
    expect(dcOp.responses.map((r) => [r.status, r.provenance])).toEqual([
      ['200', 'page'],
      ...['400', '401', '403', '404', '4XX', '5XX'].map((status) => [status, 'convention']),
    ]);
  });

  it('Huawei: the PENDING_* statuses of Table 6 mark a 200 that accepted an update not applied yet', () => {
    const dcOp = operationOf(specs, 'updateHostedConnect');
    expect(operationOf(specs, 'upgradeInterconnectAppliance').hints.pending).toBeUndefined();
    expect(dcOp.hints.pending).toEqual({ status: '200', pointer: '/hosted_connect/status', values: ['PENDING_UPDATE', 'PENDING_CREATE', 'PENDING_DELETE'] });
    // Each value is one the page documents, and a 200 in that state validates.
    const statusEnum = dcOp.responses[0]!.schema!.properties!['hosted_connect']!.properties!['status']!.enum;
    for (const value of dcOp.hints.pending!.values) {
      expect(statusEnum, value).toContain(value);
      expect(dc.validateResponse(200, { ...DC_DOC_RESPONSE, hosted_connect: { ...DC_DOC_RESPONSE.hosted_connect, status: value } })?.valid, value).toBe(true);
    }
  });

  it('declares the credentials: three HCX alternatives, the Huawei token both as scheme and as a header parameter', () => {
    const hcxOp = operationOf(specs, 'upgradeInterconnectAppliance');
    expect(hcxOp.credentialSchemes).toEqual([
      { scheme: 'hmSessionToken', header: 'x-hm-authorization', prefix: '' },
      { scheme: 'bearerToken', header: 'authorization', prefix: 'Bearer ' },
      { scheme: 'authorizationHeader', header: 'authorization', prefix: '' },
    ]);
    const dcOp = operationOf(specs, 'updateHostedConnect');
    expect(dcOp.credentialSchemes).toEqual([{ scheme: 'authToken', header: 'x-auth-token', prefix: '' }]);
    const token = dcOp.parameters.find((p) => p.name === 'X-Auth-Token');
    expect(token).toMatchObject({ in: 'header', required: true, credential: true, schema: { minLength: 0, maxLength: 10240 } });
  });

  it('documents no body for HCX 401, 403 and 404, and a JSON body for every other status', () => {
    const responses = operationOf(specs, 'upgradeInterconnectAppliance').responses;
    expect(responses.filter((r) => r.contentTypes.length === 0).map((r) => r.status)).toEqual(['401', '403', '404']);
    expect(responses.filter((r) => r.schema !== undefined).map((r) => r.status)).toEqual(['202', '400', '422', '500']);
    expect(hcx.validateResponse(401, undefined)).toBeUndefined();
    const dcStatuses = operationOf(specs, 'updateHostedConnect').responses.map((r) => [r.status, r.contentTypes]);
    expect(dcStatuses).toEqual(['200', '400', '401', '403', '404', '4XX', '5XX'].map((s) => [s, ['application/json']]));
  });

  describe('ajv strict mode', () => {
    it('compiles every parameter, body and response schema of both operations', () => {
      for (const operation of specs.flatMap((s) => s.operations)) {
        expect(() => new OperationValidators(operation)).not.toThrow();
        const ajv = createAjv([...operation.parameters.map((p) => p.schema), operation.requestBody?.schema, ...operation.responses.map((r) => r.schema)]);
        const schemas = [...operation.parameters.map((p) => p.schema), ...(operation.requestBody ? [operation.requestBody.schema] : []), ...operation.responses.flatMap((r) => (r.schema ? [r.schema] : []))];
        expect(schemas.length).toBeGreaterThan(2);
        for (const schema of schemas) expect(typeof ajv.compile(schema as object)).toBe('function');
      }
    });

    it('is on: a misspelt keyword throws instead of being ignored', () => {
      const ajv = createAjv([]);
      expect(() => ajv.compile({ type: 'string', maxLenght: 3 })).toThrow(/strict mode: unknown keyword: "maxLenght"/);
      // The same schema spelt right compiles, so the throw above is about the typo alone.
      expect(() => ajv.compile({ type: 'string', maxLength: 3 })).not.toThrow();
    });

    it('accepts the document\'s own x- extensions but no other unknown keyword', () => {
      const ajv = createAjv([{ 'x-doc-ref': 'somewhere' }]);
      expect(() => ajv.compile({ type: 'string', 'x-doc-ref': 'Table 1' })).not.toThrow();
      expect(() => ajv.compile({ type: 'string', 'x-other': 1 })).toThrow(/unknown keyword/);
    });

    it('knows formats', () => {
      const validate = createAjv([]).compile({ type: 'string', format: 'date-time' });
      expect(validate('2022-07-13T08:25:38.000Z')).toBe(true);
      expect(validate('2022-07-13 08:25:38')).toBe(false);
    });

    it('reads a --spec document as JSON Schema does: an unknown keyword is a quirk told, not a refusal', async () => {
      const dir = await mkdtemp(join(tmpdir(), 'conformance-spec-'));
      try {
        const file = join(dir, 'typo.openapi.yaml');
        await writeFile(file, TYPO_DOCUMENT);
        const spec = await loadSpec(file);
        const validators = new OperationValidators(spec.operations[0]!);
        expect([...validators.quirks]).toEqual([expect.stringMatching(/^getThing: schema of query parameter q: strict mode: unknown keyword: "maxLenght"/)]);
        // The shipped documents stay strict: the same operation read strictly is refused.
        const error = captureError(() => new OperationValidators({ ...spec.operations[0]!, lenientSchemas: false }));
        expect(error).toBeInstanceOf(SpecError);
        expect(error).toMatchObject({ code: 'CONF_ERR_SCHEMA_COMPILE' });
        expect((error as Error).message).toMatch(/getThing: schema of query parameter q does not compile: .*maxLenght/);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });

  describe('the vendor pages\' examples', () => {
    it('every example embedded in the documents validates against its own schema', () => {
      let checked = 0;
      for (const operation of specs.flatMap((s) => s.operations)) {
        const validators = new OperationValidators(operation);
        for (const example of operation.requestBody?.examples ?? []) {
          expect(validators.validateBody(example)).toEqual({ valid: true, issues: [] });
          checked += 1;
        }
        for (const response of operation.responses) {
          const status = Number(response.status.replace(/XX$/i, '00'));
          for (const example of response.examples) {
            expect(validators.validateResponse(status, example), `${operation.operationId} ${response.status}`).toEqual({ valid: true, issues: [] });
            checked += 1;
          }
        }
      }
      // HCX body + 202 + the task's 200; DC body + 200 + 400 + 401.
      expect(checked).toBe(7);
    });

    it('Huawei: the page\'s example request and response validate', () => {
      expect(dc.validateBody(DC_DOC_REQUEST)).toEqual({ valid: true, issues: [] });
      expect(dc.validateRequest(dcRequest())).toEqual({ valid: true, issues: [] });
      expect(dc.validateResponse(200, DC_DOC_RESPONSE)).toEqual({ valid: true, issues: [] });
    });

    it('Huawei: the response without any one Table 6 field is invalid (all are required, as a reading)', () => {
      for (const field of Object.keys(DC_DOC_RESPONSE.hosted_connect)) {
        const { [field as keyof typeof DC_DOC_RESPONSE.hosted_connect]: _dropped, ...rest } = DC_DOC_RESPONSE.hosted_connect;
        const result = dc.validateResponse(200, { ...DC_DOC_RESPONSE, hosted_connect: rest });
        expect(result?.valid, field).toBe(false);
        expect(result?.issues).toContainEqual(expect.objectContaining({ keyword: 'required', at: '/hosted_connect' }));
      }
    });

    it('Huawei: the body needs hosted_connect with at least one of its four fields', () => {
      expect(dc.validateBody({}).valid).toBe(false);
      expect(dc.validateBody({ hosted_connect: {} }).issues.map((i) => i.keyword)).toContain('anyOf');
      for (const field of ['name', 'description', 'bandwidth', 'peer_location']) {
        const value = field === 'bandwidth' ? 2 : '';
        expect(dc.validateBody({ hosted_connect: { [field]: value } }).valid, field).toBe(true);
      }
      expect(dc.validateRequest(dcRequest({ body: undefined })).issues).toEqual([{ where: 'body', at: '', keyword: 'required', params: {}, schemaPath: '', message: 'request body is required' }]);
    });

    it('Huawei: limits and formats bite at the documented boundaries', () => {
      expect(dc.validateBody({ hosted_connect: { name: 'n'.repeat(64) } }).valid).toBe(true);
      expect(dc.validateBody({ hosted_connect: { name: 'n'.repeat(65) } }).valid).toBe(false);
      expect(dc.validateBody({ hosted_connect: { bandwidth: 400000 } }).valid).toBe(true);
      expect(dc.validateBody({ hosted_connect: { bandwidth: 400001 } }).valid).toBe(false);
      expect(dc.validateBody({ hosted_connect: { bandwidth: 2.5 } }).valid).toBe(false);
      const at = (apply_time: string): boolean => dc.validateResponse(200, { ...DC_DOC_RESPONSE, hosted_connect: { ...DC_DOC_RESPONSE.hosted_connect, apply_time } })!.valid;
      expect(at('2022-07-13T08:25:38.000Z')).toBe(true);
      expect(at('2022-07-13 08:25:38')).toBe(false);
      expect(at('2022-07-13T08:25:38Z')).toBe(false);
      expect(at('2022-07-13T08:25:38.000+08:00')).toBe(false);
      const error = (body: unknown): boolean => dc.validateResponse(400, body)!.valid;
      expect(error({ error_code: 'DC.0002', error_msg: 'not found', request_id: 'a59a3776faa1d055f8124dc7b0977a90' })).toBe(true);
      expect(error({ error_code: 'APIGW.0301', error_msg: 'bad token' })).toBe(true);
      expect(error({ message: 'bad' })).toBe(false);
      expect(error({ error_code: 'not a code', error_msg: 'x' })).toBe(false);
      // Project ids are not constrained: the 32-hex shape is observed, not documented.
      expect(dc.validateRequest(dcRequest({ pathParams: { project_id: 'any-project', hosted_connect_id: DC_ID } })).valid).toBe(true);
      expect(dc.validateRequest(dcRequest({ pathParams: { project_id: DC_PROJECT, hosted_connect_id: DC_ID.slice(1) } })).valid).toBe(false);
    });

    it('HCX: the page\'s response samples validate for 202, 400, 422 and 500', () => {
      for (const status of [202, 400, 422]) expect(hcx.validateResponse(status, HCX_DOC_ENVELOPE), String(status)).toEqual({ valid: true, issues: [] });
      expect(hcx.validateResponse(500, HCX_DOC_500)).toEqual({ valid: true, issues: [] });
      expect(hcx.validateResponse(202, { data: { interconnectTaskId: 42 } })?.valid).toBe(false);
    });

    it('HCX: every envelope member may be null, as the page marks them Optional; only presence rules remain', () => {
      for (const status of [400, 422]) {
        expect(hcx.validateResponse(status, { data: null, warnings: null, errors: null }), String(status)).toEqual({ valid: true, issues: [] });
      }
      expect(hcx.validateResponse(500, { errors: null })).toEqual({ valid: true, issues: [] });
      expect(hcx.validateResponse(202, { data: { interconnectTaskId: null, applianceId: null }, warnings: null, errors: null })).toEqual({ valid: true, issues: [] });
      expect(hcx.validateResponse(202, { data: null })).toEqual({ valid: true, issues: [] });
      // Absent members break only the reading (202) and convention (error) presence rules.
      const keywordsOf = (status: number, body: unknown): string[] => hcx.validateResponse(status, body)!.issues.map((i) => `${i.at} ${i.keyword}`);
      expect(keywordsOf(202, {})).toEqual([' required']);
      expect(keywordsOf(202, { data: {} })).toEqual(['/data required']);
      for (const status of [400, 422, 500]) expect(keywordsOf(status, {}), String(status)).toEqual([' required']);
      // A value that is there still has the documented type.
      expect(keywordsOf(400, { errors: {} })).toEqual(['/errors type']);
    });

    it('HCX: the curl sample body [{}] validates, and so does no body or any JSON', () => {
      expect(hcx.validateBody([{}])).toEqual({ valid: true, issues: [] });
      expect(hcx.validateRequest(hcxRequest({ body: { raw: '[{}]' } }))).toEqual({ valid: true, issues: [] });
      expect(hcx.validateRequest(hcxRequest())).toEqual({ valid: true, issues: [] });
      for (const json of [{}, null, 'text', 3]) expect(hcx.validateBody(json).valid).toBe(true);
      expect(hcx.validateRequest(hcxRequest({ body: { raw: '[{' } })).issues).toEqual([{ where: 'body', at: '', keyword: 'json', params: {}, schemaPath: '', message: 'request body is not valid JSON' }]);
    });

    it('HCX: booleans are the strings "true"/"false", method is legacy or inService', () => {
      const query = (q: Record<string, string>): boolean => hcx.validateRequest(hcxRequest({ query: q })).valid;
      expect(query({ force: 'true', local: 'false', method: 'inService' })).toBe(true);
      expect(query({ force: 'false', local: 'true', method: 'legacy' })).toBe(true);
      expect(query({ force: 'maybe' })).toBe(false);
      expect(query({ force: 'TRUE' })).toBe(false);
      expect(query({ local: '1' })).toBe(false);
      expect(query({ method: 'fast' })).toBe(false);
    });
  });

  describe('loadSpec on a broken file', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'conformance-spec-'));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    const cases: Array<[string, string | undefined, string, RegExp]> = [
      ['a missing file', undefined, 'CONF_ERR_SPEC_NOT_FOUND', /^cannot read OpenAPI document .*missing\.yaml: ENOENT$/],
      ['text that is not YAML', 'openapi: 3.1.0\ninfo: [\n  title: x\n', 'CONF_ERR_SPEC_INVALID', /is neither YAML nor JSON: /],
      ['a YAML scalar', 'just some words\n', 'CONF_ERR_SPEC_INVALID', /is not an OpenAPI 3\.0 or 3\.1 document/],
      ['an OpenAPI 3.0 document without paths', 'openapi: 3.0.3\ninfo: {title: x, version: "1"}\npaths: {}\n', 'CONF_ERR_SPEC_INVALID', /: no operation to test: it has no paths$/],
      ['a Swagger 2.0 document', 'swagger: "2.0"\ninfo: {title: x, version: "1"}\npaths: {}\n', 'CONF_ERR_SPEC_INVALID', /is a Swagger 2\.0 document: only OpenAPI 3\.0 and 3\.1 are read/],
      ['an OpenAPI 4 document', 'openapi: 4.0.0\ninfo: {title: x, version: "1"}\n', 'CONF_ERR_SPEC_INVALID', /is an OpenAPI 4\.0\.0 document: only OpenAPI 3\.0 and 3\.1 are read/],
      ['a webhooks-only document', 'openapi: 3.1.0\ninfo: {title: x, version: "1"}\nwebhooks:\n  ping:\n    post:\n      responses: {"200": {description: ok}}\n', 'CONF_ERR_SPEC_INVALID', /: no operation to test: it describes webhooks only/],
      ['an invalid 3.1 document', 'openapi: 3.1.0\ninfo: {version: "1"}\npaths: {}\n', 'CONF_ERR_SPEC_INVALID', /is not a valid OpenAPI 3\.1\.0 document: .*title/],
    ];

    it.each(cases)('%s throws SpecError %s with a one-line message', async (label, text, code, message) => {
      const file = join(dir, text === undefined ? 'missing.yaml' : `${label.replaceAll(' ', '-')}.yaml`);
      if (text !== undefined) await writeFile(file, text);
      const error = await loadSpec(file).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(SpecError);
      expect(error).toMatchObject({ code });
      const text2 = (error as Error).message;
      expect(text2).toMatch(message);
      expect(text2).not.toContain('\n');
      expect(text2).toContain(file.split('/').at(-1));
    });
  });
});

function captureError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

const TYPO_DOCUMENT = `openapi: 3.1.0
info: { title: typo, version: "1" }
paths:
  /things:
    get:
      operationId: getThing
      parameters:
        - name: q
          in: query
          schema: { type: string, maxLenght: 3 }
      responses:
        "200": { description: OK }
`;
