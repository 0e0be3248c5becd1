import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCatalogue, catalogueOperation } from '../../src/catalogue/buildCatalogue.ts';
import { SpecError } from '../../src/errors/ConformanceError.ts';
import type { Constraint } from '../../src/model/Constraint.ts';
import { PROVENANCES, type Provenance } from '../../src/model/Provenance.ts';
import type { Spec } from '../../src/openapi/Spec.ts';
import { loadSpec } from '../../src/openapi/loadSpec.ts';
import { loadSpecs } from '../../src/openapi/loadSpecs.ts';
import { valueAt } from '../../src/openapi/pointer.ts';

const WIDGETS = fileURLToPath(new URL('./fixtures/widgets.openapi.yaml', import.meta.url));
const GADGETS = fileURLToPath(new URL('./fixtures/provenance.openapi.yaml', import.meta.url));

/*
 * Every constraint of the shipped documents, written out so that a schema edit which drops, renames or
 * adds one fails here and has to be looked at.
 */
const HCX_IDS: readonly string[] = [
  'HCX.auth',
  'HCX.body.json',
  'HCX.path.applianceId.required',
  'HCX.path.applianceId.type',
  'HCX.query.force.enum',
  'HCX.query.force.type',
  'HCX.query.local.enum',
  'HCX.query.local.type',
  'HCX.query.method.enum',
  'HCX.query.method.type',
  'HCX.response.202.data.applianceId.type',
  'HCX.response.202.data.interconnectTaskId.required',
  'HCX.response.202.data.interconnectTaskId.type',
  'HCX.response.202.data.required',
  'HCX.response.202.data.type',
  'HCX.response.202.errors.*.code.type',
  'HCX.response.202.errors.*.message.type',
  'HCX.response.202.errors.*.type',
  'HCX.response.202.errors.type',
  'HCX.response.202.type',
  'HCX.response.202.warnings.*.message.type',
  'HCX.response.202.warnings.*.type',
  'HCX.response.202.warnings.type',
  'HCX.response.400.data.applianceId.type',
  'HCX.response.400.data.interconnectTaskId.type',
  'HCX.response.400.data.type',
  'HCX.response.400.errors.*.code.type',
  'HCX.response.400.errors.*.message.type',
  'HCX.response.400.errors.*.type',
  'HCX.response.400.errors.required',
  'HCX.response.400.errors.type',
  'HCX.response.400.type',
  'HCX.response.400.warnings.*.message.type',
  'HCX.response.400.warnings.*.type',
  'HCX.response.400.warnings.type',
  'HCX.response.422.data.applianceId.type',
  'HCX.response.422.data.interconnectTaskId.type',
  'HCX.response.422.data.type',
  'HCX.response.422.errors.*.code.type',
  'HCX.response.422.errors.*.message.type',
  'HCX.response.422.errors.*.type',
  'HCX.response.422.errors.required',
  'HCX.response.422.errors.type',
  'HCX.response.422.type',
  'HCX.response.422.warnings.*.message.type',
  'HCX.response.422.warnings.*.type',
  'HCX.response.422.warnings.type',
  'HCX.response.500.errors.*.code.type',
  'HCX.response.500.errors.*.message.type',
  'HCX.response.500.errors.*.type',
  'HCX.response.500.errors.required',
  'HCX.response.500.errors.type',
  'HCX.response.500.type',
];

/*
 * HCX's task API (`getInterconnectTask`), which the upgrade's 202 links to. The upgrade page does not state it:
 * every rule of it is a convention (schemas/README.md, "The task API and the 202's link").
 */
const HCX_TASK_IDS: readonly string[] = [
  'HCX.task.auth',
  'HCX.task.path.interconnectTaskId.required',
  'HCX.task.path.interconnectTaskId.type',
  'HCX.task.response.200.data.applianceId.type',
  'HCX.task.response.200.data.endTime.type',
  'HCX.task.response.200.data.interconnectTaskId.required',
  'HCX.task.response.200.data.interconnectTaskId.type',
  'HCX.task.response.200.data.operation.type',
  'HCX.task.response.200.data.progress.maximum',
  'HCX.task.response.200.data.progress.minimum',
  'HCX.task.response.200.data.progress.type',
  'HCX.task.response.200.data.required',
  'HCX.task.response.200.data.startTime.type',
  'HCX.task.response.200.data.status.enum',
  'HCX.task.response.200.data.status.required',
  'HCX.task.response.200.data.status.type',
  'HCX.task.response.200.data.type',
  'HCX.task.response.200.errors.*.code.type',
  'HCX.task.response.200.errors.*.message.type',
  'HCX.task.response.200.errors.*.type',
  'HCX.task.response.200.errors.type',
  'HCX.task.response.200.type',
  'HCX.task.response.200.warnings.*.message.type',
  'HCX.task.response.200.warnings.*.type',
  'HCX.task.response.200.warnings.type',
  'HCX.task.response.500.errors.*.code.type',
  'HCX.task.response.500.errors.*.message.type',
  'HCX.task.response.500.errors.*.type',
  'HCX.task.response.500.errors.required',
  'HCX.task.response.500.errors.type',
  'HCX.task.response.500.type',
];

const DC_IDS: readonly string[] = [
  'DC.auth',
  'DC.body.hosted_connect.atLeastOne',
  'DC.body.hosted_connect.bandwidth.maximum',
  'DC.body.hosted_connect.bandwidth.minimum',
  'DC.body.hosted_connect.bandwidth.type',
  'DC.body.hosted_connect.description.maxLength',
  'DC.body.hosted_connect.description.minLength',
  'DC.body.hosted_connect.description.type',
  'DC.body.hosted_connect.name.maxLength',
  'DC.body.hosted_connect.name.minLength',
  'DC.body.hosted_connect.name.type',
  'DC.body.hosted_connect.peer_location.maxLength',
  'DC.body.hosted_connect.peer_location.minLength',
  'DC.body.hosted_connect.peer_location.type',
  'DC.body.hosted_connect.required',
  'DC.body.hosted_connect.type',
  'DC.body.json',
  'DC.body.required',
  'DC.body.type',
  'DC.header.X-Auth-Token.maxLength',
  'DC.header.X-Auth-Token.minLength',
  'DC.header.X-Auth-Token.required',
  'DC.header.X-Auth-Token.type',
  'DC.path.hosted_connect_id.maxLength',
  'DC.path.hosted_connect_id.minLength',
  'DC.path.hosted_connect_id.required',
  'DC.path.hosted_connect_id.type',
  'DC.path.project_id.required',
  'DC.path.project_id.type',
  'DC.response.200.hosted_connect.admin_state_up.required',
  'DC.response.200.hosted_connect.admin_state_up.type',
  'DC.response.200.hosted_connect.apply_time.pattern',
  'DC.response.200.hosted_connect.apply_time.required',
  'DC.response.200.hosted_connect.apply_time.type',
  'DC.response.200.hosted_connect.bandwidth.maximum',
  'DC.response.200.hosted_connect.bandwidth.minimum',
  'DC.response.200.hosted_connect.bandwidth.required',
  'DC.response.200.hosted_connect.bandwidth.type',
  'DC.response.200.hosted_connect.create_time.pattern',
  'DC.response.200.hosted_connect.create_time.required',
  'DC.response.200.hosted_connect.create_time.type',
  'DC.response.200.hosted_connect.description.maxLength',
  'DC.response.200.hosted_connect.description.minLength',
  'DC.response.200.hosted_connect.description.required',
  'DC.response.200.hosted_connect.description.type',
  'DC.response.200.hosted_connect.hosting_id.required',
  'DC.response.200.hosted_connect.hosting_id.type',
  'DC.response.200.hosted_connect.id.maxLength',
  'DC.response.200.hosted_connect.id.minLength',
  'DC.response.200.hosted_connect.id.required',
  'DC.response.200.hosted_connect.id.type',
  'DC.response.200.hosted_connect.location.maxLength',
  'DC.response.200.hosted_connect.location.minLength',
  'DC.response.200.hosted_connect.location.required',
  'DC.response.200.hosted_connect.location.type',
  'DC.response.200.hosted_connect.name.maxLength',
  'DC.response.200.hosted_connect.name.minLength',
  'DC.response.200.hosted_connect.name.required',
  'DC.response.200.hosted_connect.name.type',
  'DC.response.200.hosted_connect.peer_location.maxLength',
  'DC.response.200.hosted_connect.peer_location.minLength',
  'DC.response.200.hosted_connect.peer_location.required',
  'DC.response.200.hosted_connect.peer_location.type',
  'DC.response.200.hosted_connect.port_type.enum',
  'DC.response.200.hosted_connect.port_type.required',
  'DC.response.200.hosted_connect.port_type.type',
  'DC.response.200.hosted_connect.provider.required',
  'DC.response.200.hosted_connect.provider.type',
  'DC.response.200.hosted_connect.provider_status.enum',
  'DC.response.200.hosted_connect.provider_status.required',
  'DC.response.200.hosted_connect.provider_status.type',
  'DC.response.200.hosted_connect.required',
  'DC.response.200.hosted_connect.status.enum',
  'DC.response.200.hosted_connect.status.required',
  'DC.response.200.hosted_connect.status.type',
  'DC.response.200.hosted_connect.tenant_id.required',
  'DC.response.200.hosted_connect.tenant_id.type',
  'DC.response.200.hosted_connect.type',
  'DC.response.200.hosted_connect.type.enum',
  'DC.response.200.hosted_connect.type.required',
  'DC.response.200.hosted_connect.type.type',
  'DC.response.200.hosted_connect.vlan.maximum',
  'DC.response.200.hosted_connect.vlan.minimum',
  'DC.response.200.hosted_connect.vlan.required',
  'DC.response.200.hosted_connect.vlan.type',
  'DC.response.200.request_id.required',
  'DC.response.200.request_id.type',
  'DC.response.200.type',
  'DC.response.400.error_code.pattern',
  'DC.response.400.error_code.required',
  'DC.response.400.error_code.type',
  'DC.response.400.error_msg.required',
  'DC.response.400.error_msg.type',
  'DC.response.400.request_id.type',
  'DC.response.400.type',
  'DC.response.401.error_code.pattern',
  'DC.response.401.error_code.required',
  'DC.response.401.error_code.type',
  'DC.response.401.error_msg.required',
  'DC.response.401.error_msg.type',
  'DC.response.401.request_id.type',
  'DC.response.401.type',
  'DC.response.403.error_code.pattern',
  'DC.response.403.error_code.required',
  'DC.response.403.error_code.type',
  'DC.response.403.error_msg.required',
  'DC.response.403.error_msg.type',
  'DC.response.403.request_id.type',
  'DC.response.403.type',
  'DC.response.404.error_code.pattern',
  'DC.response.404.error_code.required',
  'DC.response.404.error_code.type',
  'DC.response.404.error_msg.required',
  'DC.response.404.error_msg.type',
  'DC.response.404.request_id.type',
  'DC.response.404.type',
  'DC.response.4XX.error_code.pattern',
  'DC.response.4XX.error_code.required',
  'DC.response.4XX.error_code.type',
  'DC.response.4XX.error_msg.required',
  'DC.response.4XX.error_msg.type',
  'DC.response.4XX.request_id.type',
  'DC.response.4XX.type',
  'DC.response.5XX.error_code.pattern',
  'DC.response.5XX.error_code.required',
  'DC.response.5XX.error_code.type',
  'DC.response.5XX.error_msg.required',
  'DC.response.5XX.error_msg.type',
  'DC.response.5XX.request_id.type',
  'DC.response.5XX.type',
];

/*
 * Every constraint of the shipped documents that the vendor page does not state, with its provenance.
 * schemas/README.md gives the reason for each; every other constraint is `page`.
 */
const ERROR_BODY = ['type', 'error_code.required', 'error_code.type', 'error_code.pattern', 'error_msg.required', 'error_msg.type', 'request_id.type'];
const NOT_ON_THE_PAGE: Readonly<Record<string, Provenance>> = {
  'HCX.response.202.data.required': 'reading',
  'HCX.response.202.data.interconnectTaskId.required': 'reading',
  'HCX.response.400.errors.required': 'convention',
  'HCX.response.422.errors.required': 'convention',
  'HCX.response.500.errors.required': 'convention',
  ...Object.fromEntries(HCX_TASK_IDS.map((id) => [id, 'convention'])),
  'DC.body.required': 'reading',
  'DC.body.hosted_connect.required': 'reading',
  'DC.response.200.request_id.required': 'reading',
  'DC.response.200.hosted_connect.required': 'reading',
  ...Object.fromEntries(
    [
      'id',
      'tenant_id',
      'name',
      'description',
      'bandwidth',
      'location',
      'peer_location',
      'hosting_id',
      'provider',
      'admin_state_up',
      'vlan',
      'status',
      'apply_time',
      'create_time',
      'provider_status',
      'port_type',
      'type',
    ].map((member) => [`DC.response.200.hosted_connect.${member}.required`, 'reading']),
  ),
  'DC.response.200.hosted_connect.type.enum': 'reading',
  ...Object.fromEntries(['400', '401', '403', '404', '4XX', '5XX'].flatMap((status) => ERROR_BODY.map((rule) => [`DC.response.${status}.${rule}`, 'convention']))),
};

const SIMPLE_KINDS = new Set(['type', 'minLength', 'maxLength', 'minimum', 'maximum', 'enum', 'pattern', 'format']);

function byId(catalogue: readonly Constraint[], id: string): Constraint {
  const found = catalogue.find((c) => c.id === id);
  if (!found) throw new Error(`no constraint ${id}`);
  return found;
}

function idsOf(catalogue: readonly Constraint[], operationId: string): string[] {
  return catalogue
    .filter((c) => c.operationId === operationId)
    .map((c) => c.id)
    .sort();
}

describe('buildCatalogue on the shipped documents', () => {
  let specs: Spec[];
  let catalogue: Constraint[];

  beforeAll(async () => {
    specs = await loadSpecs();
    catalogue = specs.flatMap(buildCatalogue);
  });

  it('pins the 53 constraints of upgradeInterconnectAppliance', () => {
    expect(HCX_IDS).toHaveLength(53);
    expect(idsOf(catalogue, 'upgradeInterconnectAppliance')).toEqual(HCX_IDS);
  });

  it('pins the 31 constraints of getInterconnectTask', () => {
    expect(HCX_TASK_IDS).toHaveLength(31);
    expect(idsOf(catalogue, 'getInterconnectTask')).toEqual(HCX_TASK_IDS);
  });

  it('pins the 130 constraints of updateHostedConnect', () => {
    expect(DC_IDS).toHaveLength(130);
    expect(idsOf(catalogue, 'updateHostedConnect')).toEqual(DC_IDS);
  });

  it('has no other operation and no duplicate id', () => {
    expect(new Set(catalogue.map((c) => c.operationId))).toEqual(new Set(['upgradeInterconnectAppliance', 'getInterconnectTask', 'updateHostedConnect']));
    expect(new Set(catalogue.map((c) => c.id)).size).toBe(catalogue.length);
  });

  it('is the concatenation of the per-operation catalogues, in document order', () => {
    expect(catalogue).toEqual(specs.flatMap((s) => s.operations.flatMap(catalogueOperation)));
    expect(catalogue[0]?.id).toBe('HCX.auth');
  });

  it('DC.body.hosted_connect.bandwidth.maximum is 400000, from Table 4', () => {
    expect(byId(catalogue, 'DC.body.hosted_connect.bandwidth.maximum')).toEqual({
      id: 'DC.body.hosted_connect.bandwidth.maximum',
      operationId: 'updateHostedConnect',
      where: 'body',
      name: 'hosted_connect.bandwidth',
      target: '/hosted_connect/bandwidth',
      pointer: '/paths/~1v3~1{project_id}~1dcaas~1hosted-connects~1{hosted_connect_id}/put/requestBody/content/application~1json/schema/properties/hosted_connect/properties/bandwidth',
      kind: 'maximum',
      value: 400000,
      source: 'Table 4 UpdateHostedDirectConnect: bandwidth (Integer, Minimum 2, Maximum 400000)',
      credential: false,
      provenance: 'page',
    });
    expect(byId(catalogue, 'DC.body.hosted_connect.bandwidth.minimum').value).toBe(2);
    expect(byId(catalogue, 'DC.body.hosted_connect.bandwidth.type').value).toBe('integer');
  });

  it('DC.path.hosted_connect_id.minLength and maxLength are 36, from Table 1', () => {
    for (const kind of ['minLength', 'maxLength'] as const) {
      expect(byId(catalogue, `DC.path.hosted_connect_id.${kind}`)).toMatchObject({
        where: 'path',
        name: 'hosted_connect_id',
        target: '',
        kind,
        value: 36,
        source: 'Table 1 Path parameters: hosted_connect_id (Mandatory, String, Minimum 36, Maximum 36)',
        credential: false,
      });
    }
  });

  it('HCX.query.method.enum is legacy | inService; the booleans are string enums', () => {
    expect(byId(catalogue, 'HCX.query.method.enum')).toMatchObject({ where: 'query', name: 'method', target: '', kind: 'enum', value: ['legacy', 'inService'] });
    expect(byId(catalogue, 'HCX.query.method.enum').source).toMatch(/^Query Parameters: method/);
    for (const name of ['force', 'local']) {
      expect(byId(catalogue, `HCX.query.${name}.enum`).value).toEqual(['true', 'false']);
      expect(byId(catalogue, `HCX.query.${name}.type`).value).toBe('string');
    }
  });

  it('DC.body.hosted_connect.atLeastOne names the four fields of the note', () => {
    expect(byId(catalogue, 'DC.body.hosted_connect.atLeastOne')).toMatchObject({
      where: 'body',
      name: 'hosted_connect',
      target: '/hosted_connect',
      kind: 'atLeastOne',
      value: ['name', 'description', 'bandwidth', 'peer_location'],
      source: 'Table 4 Note: at least one of name, description, bandwidth, and peer_location must be configured',
    });
    expect(byId(catalogue, 'DC.body.hosted_connect.atLeastOne').pointer).toMatch(/\/properties\/hosted_connect\/anyOf$/);
    expect(byId(catalogue, 'DC.body.hosted_connect.required')).toMatchObject({ kind: 'required', target: '/hosted_connect', value: true });
  });

  it('HCX.auth lists the three alternative schemes; DC.auth the token', () => {
    expect(byId(catalogue, 'HCX.auth')).toMatchObject({
      where: 'header',
      name: 'x-hm-authorization | authorization',
      kind: 'auth',
      value: ['hmSessionToken', 'bearerToken', 'authorizationHeader'],
      source: 'Authentication: This operation uses the following authentication methods',
      credential: true,
    });
    expect(byId(catalogue, 'DC.auth')).toMatchObject({ name: 'x-auth-token', value: ['authToken'], credential: true });
  });

  it('marks the rules of the credential header as credential, and nothing else', () => {
    const credential = catalogue
      .filter((c) => c.credential)
      .map((c) => c.id)
      .sort();
    expect(credential).toEqual([
      'DC.auth',
      'DC.header.X-Auth-Token.maxLength',
      'DC.header.X-Auth-Token.minLength',
      'DC.header.X-Auth-Token.required',
      'DC.header.X-Auth-Token.type',
      'HCX.auth',
      'HCX.task.auth',
    ]);
  });

  it('response rules carry their status, request rules none', () => {
    // A prefix may have dots of its own (`HCX.task`): each operation's is the one its document gives.
    const prefixOf = new Map(specs.flatMap((s) => s.operations.map((o) => [o.operationId, o.hints.constraintPrefix] as const)));
    for (const c of catalogue) {
      if (c.where === 'response') expect(c.id.startsWith(`${prefixOf.get(c.operationId)!}.response.${c.status}.`), c.id).toBe(true);
      else expect(c.status, c.id).toBeUndefined();
    }
    expect(byId(catalogue, 'DC.response.200.hosted_connect.apply_time.pattern')).toMatchObject({ status: '200', target: '/hosted_connect/apply_time' });
    expect(byId(catalogue, 'DC.response.4XX.error_code.pattern')).toMatchObject({ status: '4XX', value: '^[A-Za-z][A-Za-z0-9_]*\\.[0-9]+$' });
    expect(byId(catalogue, 'HCX.response.202.errors.*.code.type')).toMatchObject({ status: '202', target: '/errors/*/code', value: ['string', 'null'] });
  });

  it('gives every constraint a source from the vendor page, never "(schema)"', () => {
    for (const c of catalogue) {
      expect(c.source.trim(), c.id).not.toBe('');
      expect(c.source, c.id).not.toBe('(schema)');
    }
  });

  it('points every constraint at a node of the dereferenced document holding the stated value', () => {
    const documentOf = new Map(specs.flatMap((s) => s.operations.map((o) => [o.operationId, s.document] as const)));
    for (const c of catalogue) {
      const node = valueAt(documentOf.get(c.operationId), c.pointer);
      expect(node, `${c.id} at ${c.pointer}`).not.toBeUndefined();
      // The media-type rule (`<prefix>.body.json`) points at the media type object, not at a keyword.
      if (c.id.endsWith('.body.json')) expect(c.pointer.split('/').at(-1), c.id).toBe((c.value as string).replace('/', '~1'));
      else if (SIMPLE_KINDS.has(c.kind)) {
        expect((node as Record<string, unknown>)[c.kind], c.id).toEqual(c.value);
      } else if (c.kind === 'required') {
        // A parameter's or body's `required: true`, or the object's `required` list naming the property.
        if (c.target === '') expect(node, c.id).toBe(true);
        else expect(node, c.id).toContain(c.name.split('.').at(-1));
      } else if (c.kind === 'atLeastOne') {
        expect(node, c.id).toEqual((c.value as string[]).map((member) => ({ required: [member] })));
      }
    }
  });
});

describe("provenance of the shipped documents' rules", () => {
  let catalogue: Constraint[];

  beforeAll(async () => {
    catalogue = (await loadSpecs()).flatMap(buildCatalogue);
  });

  it('gives every constraint one of the four provenances', () => {
    for (const c of catalogue) expect(PROVENANCES, c.id).toContain(c.provenance);
  });

  it('pins every rule the pages do not state; everything else is page', () => {
    expect(Object.keys(NOT_ON_THE_PAGE)).toHaveLength(100);
    const notPage = Object.fromEntries(catalogue.filter((c) => c.provenance !== 'page').map((c) => [c.id, c.provenance]));
    expect(notPage).toEqual(NOT_ON_THE_PAGE);
  });

  it('keeps what the pages do state as page: limits, enums with a list, the time format, types, the at-least-one note', () => {
    for (const id of [
      'DC.body.hosted_connect.atLeastOne',
      'DC.body.hosted_connect.name.maxLength',
      'DC.path.hosted_connect_id.minLength',
      'DC.header.X-Auth-Token.maxLength',
      'DC.response.200.hosted_connect.vlan.maximum',
      'DC.response.200.hosted_connect.status.enum',
      'DC.response.200.hosted_connect.port_type.enum',
      'DC.response.200.hosted_connect.apply_time.pattern',
      'DC.response.200.hosted_connect.type.type',
      'HCX.query.method.enum',
      'HCX.response.202.data.interconnectTaskId.type',
      'HCX.auth',
      'DC.auth',
    ]) {
      expect(byId(catalogue, id).provenance, id).toBe('page');
    }
  });

  it('makes the HCX envelope members nullable (the Java-null decision), so only their presence is a reading or convention', () => {
    for (const status of ['400', '422', '500']) expect(byId(catalogue, `HCX.response.${status}.errors.type`).value, status).toEqual(['array', 'null']);
    expect(byId(catalogue, 'HCX.response.202.data.type').value).toEqual(['object', 'null']);
    expect(byId(catalogue, 'HCX.response.202.data.interconnectTaskId.type').value).toEqual(['string', 'null']);
  });
});

describe('x-provenance on a third document', () => {
  let catalogue: Constraint[];
  let spec: Spec;

  beforeAll(async () => {
    spec = await loadSpec(GADGETS);
    catalogue = buildCatalogue(spec);
  });

  const provenanceOf = (id: string): Provenance => byId(catalogue, id).provenance;

  it('is page where nothing says otherwise', () => {
    for (const id of [
      'G.path.gadgetId.required',
      'G.path.gadgetId.type',
      'G.body.json',
      'G.body.type',
      'G.body.label.type',
      'G.body.label.maxLength',
      'G.response.200.type',
      'G.response.200.id.type',
    ]) {
      expect(provenanceOf(id), id).toBe('page');
    }
  });

  it('a string applies to the node and everything below it', () => {
    expect(['G.header.X-Trace.required', 'G.header.X-Trace.type', 'G.header.X-Trace.minLength'].map(provenanceOf)).toEqual(['robustness', 'robustness', 'robustness']);
    expect(catalogue.filter((c) => c.status === '4XX').map((c) => c.provenance)).toEqual(['convention', 'convention', 'convention', 'convention']);
  });

  it('an object names keywords; its entries are inherited until a nearer node says otherwise', () => {
    expect(provenanceOf('G.auth')).toBe('convention');
    expect(provenanceOf('G.path.gadgetId.maxLength')).toBe('reading');
    // requestBody `{ required: reading }`: the body's own required and the schema's, below it.
    expect(provenanceOf('G.body.required')).toBe('reading');
    expect(provenanceOf('G.body.label.required')).toBe('reading');
    // A nearer `default` replaces the inherited entries; its own keyword entry still wins.
    expect(provenanceOf('G.body.size.type')).toBe('page');
    expect(provenanceOf('G.body.size.minimum')).toBe('convention');
    expect(provenanceOf('G.response.200.state.enum')).toBe('reading');
    expect(provenanceOf('G.response.200.state.type')).toBe('page');
  });

  it('a required rule takes the provenance of the node that holds the required list', () => {
    expect(provenanceOf('G.response.200.id.required')).toBe('reading');
    expect(provenanceOf('G.response.200.state.required')).toBe('reading');
    // `parts` says `{ type: page }` only: the `required` entry of the body still reaches its items.
    expect(provenanceOf('G.response.200.parts.type')).toBe('page');
    expect(provenanceOf('G.response.200.parts.*.name.required')).toBe('reading');
  });

  it('fills the typed hints: responses, echo rules, check defaults, undocumented statuses, pending states', () => {
    const operation = spec.operations[0]!;
    expect(operation.responses.map((r) => [r.status, r.provenance])).toEqual([
      ['200', 'page'],
      ['4XX', 'convention'],
    ]);
    expect(operation.hints.echoes.map((e) => e.provenance)).toEqual(['reading', 'convention']);
    expect(operation.hints.checkProvenance).toEqual({ 'not-found': 'reading', echo: 'convention' });
    expect(operation.hints.undocumentedStatusProvenance).toEqual({ '4XX': 'reading', '5XX': 'robustness' });
    expect(operation.hints.pending).toEqual({ status: '200', pointer: '/state', values: ['SYNCING'] });
  });

  it('defaults to no check provenance, no undocumented-status provenance and no pending state', async () => {
    const hints = (await loadSpec(WIDGETS)).operations.map((o) => o.hints);
    for (const h of hints) {
      expect(h.checkProvenance).toEqual({});
      expect(h.undocumentedStatusProvenance).toEqual({});
      expect(h.pending).toBeUndefined();
      for (const echo of h.echoes) expect(echo.provenance).toBe('page');
    }
  });

  describe('a wrong value is CONF_ERR_SPEC_INVALID naming its JSON pointer', () => {
    let dir: string;
    let text: string;

    beforeAll(async () => {
      dir = await mkdtemp(join(tmpdir(), 'conformance-provenance-'));
      text = await readFile(GADGETS, 'utf8');
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    const cases: Array<[string, string, string, RegExp]> = [
      [
        'an unknown provenance string',
        '          x-provenance: robustness\n',
        '          x-provenance: robust\n',
        /\/paths\/~1gadgets~1\{gadgetId\}\/put\/parameters\/0\/x-provenance: "robust" is not a provenance/,
      ],
      ['an unknown provenance in an object', 'x-provenance: { enum: reading }', 'x-provenance: { enum: guess }', /\/properties\/state\/x-provenance\/enum: "guess" is not a provenance/],
      [
        'an unknown keyword',
        'x-provenance: { maxLength: reading }',
        'x-provenance: { maxLenght: reading }',
        /\/paths\/~1gadgets~1\{gadgetId\}\/parameters\/0\/schema\/x-provenance\/maxLenght: unknown keyword/,
      ],
      ['a list', 'x-provenance: { type: page }', 'x-provenance: [page]', /\/properties\/parts\/x-provenance: must be a provenance or an object/],
      ['a check default', '          not-found: reading', '          not-found: maybe', /\/put\/x-conformance\/provenance\/not-found: "maybe" is not a provenance/],
      ['a status class', '          4XX: reading', '          404: reading', /\/put\/x-conformance\/undocumentedStatuses\/404: the key is not a status class/],
      ['an echo rule', '            x-provenance: reading\n', '            x-provenance: { default: reading }\n', /\/put\/x-conformance\/echoes\/0\/x-provenance: .* is not a provenance/],
      ['a pending state without values', '          values: [SYNCING]', '          values: []', /\/put\/x-conformance\/pending: must be/],
      [
        'a value where the catalogue never looks',
        '                    type: string\n                    pattern',
        '                    type: string\n                    allOf: [{ x-provenance: sure }]\n                    pattern',
        /\/content\/application~1json\/schema\/properties\/code\/allOf\/0\/x-provenance: "sure"/,
      ],
    ];

    it.each(cases)('%s', async (label, from, to, message) => {
      expect(text).toContain(from);
      const file = join(dir, `${label.replaceAll(' ', '-')}.openapi.yaml`);
      await writeFile(file, text.replace(from, to));
      const error = await loadSpec(file).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(SpecError);
      expect(error).toMatchObject({ code: 'CONF_ERR_SPEC_INVALID' });
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).toContain(file);
      expect((error as Error).message).not.toContain('\n');
    });
  });
});

describe('buildCatalogue on a third document', () => {
  it('catalogues any OpenAPI 3.1 document: nothing is per endpoint', async () => {
    const spec = await loadSpec(WIDGETS);
    const catalogue = buildCatalogue(spec);
    expect(idsOf(catalogue, 'patchWidget')).toEqual([
      'W.auth',
      'W.body.atLeastOne',
      'W.body.colour.enum',
      'W.body.colour.type',
      'W.body.json',
      'W.body.required',
      'W.body.size.maximum',
      'W.body.size.minimum',
      'W.body.size.type',
      'W.body.tags.*.maxLength',
      'W.body.tags.*.type',
      'W.body.tags.type',
      'W.body.type',
      'W.header.X-Request-Id.format',
      'W.header.X-Request-Id.required',
      'W.header.X-Request-Id.type',
      'W.path.widgetId.pattern',
      'W.path.widgetId.required',
      'W.path.widgetId.type',
      'W.query.dryRun.type',
      'W.response.200.id.required',
      'W.response.200.id.type',
      'W.response.200.type',
    ]);
    // Without x-conformance the operationId is the prefix; `security: []` means no auth rule.
    expect(idsOf(catalogue, 'getHealth')).toEqual(['getHealth.response.200.status.enum', 'getHealth.response.200.status.type', 'getHealth.response.200.type']);
  });

  it('reads limits, groups, path-level parameters and media types from that document', async () => {
    const catalogue = buildCatalogue(await loadSpec(WIDGETS));
    expect(byId(catalogue, 'W.body.size.maximum')).toMatchObject({ value: 10, target: '/size', source: 'Body: size (1..10)' });
    expect(byId(catalogue, 'W.body.tags.*.maxLength')).toMatchObject({ value: 8, target: '/tags/*', name: 'tags.*' });
    expect(byId(catalogue, 'W.body.atLeastOne')).toMatchObject({ value: ['colour', 'size'], target: '', source: 'Body: at least one of colour, size' });
    expect(byId(catalogue, 'W.body.json')).toMatchObject({ kind: 'mediaType', value: 'application/merge-patch+json' });
    expect(byId(catalogue, 'W.path.widgetId.pattern')).toMatchObject({ value: '^w-[0-9]+$', pointer: '/paths/~1widgets~1{widgetId}/parameters/0/schema' });
    expect(byId(catalogue, 'W.header.X-Request-Id.format')).toMatchObject({ value: 'uuid', credential: false });
    // The document-level security applies; without x-doc-ref the source says where the rule is.
    expect(byId(catalogue, 'W.auth')).toMatchObject({ name: 'authorization', value: ['bearer'], source: 'security' });
    expect(catalogue.every((c) => c.source.trim() !== '')).toBe(true);
    expect(catalogue.some((c) => c.id.startsWith('HCX.') || c.id.startsWith('DC.'))).toBe(false);
  });

  it('rejects a document whose operations share a constraint prefix', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conformance-catalogue-'));
    try {
      const file = join(dir, 'clash.openapi.yaml');
      await writeFile(file, CLASH_DOCUMENT);
      const spec = await loadSpec(file);
      expect(() => buildCatalogue(spec)).toThrow(SpecError);
      expect(() => buildCatalogue(spec)).toThrow(/duplicate constraint id X\.response\.200\.type/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

const CLASH_DOCUMENT = `openapi: 3.1.0
info: { title: clash, version: "1" }
paths:
  /a:
    get:
      operationId: getA
      x-conformance: { constraintPrefix: X }
      responses:
        "200": { description: OK, content: { application/json: { schema: { type: object } } } }
  /b:
    get:
      operationId: getB
      x-conformance: { constraintPrefix: X }
      responses:
        "200": { description: OK, content: { application/json: { schema: { type: object } } } }
`;
