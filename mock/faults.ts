import { valueAt } from '../src/openapi/pointer.ts';
import { dcErrors } from './dialects/dcErrors.ts';
import { hcxErrors } from './dialects/hcxErrors.ts';
import { acceptOnly } from './faults/acceptOnly.ts';
import { bodySchemaAt } from './faults/bodySchemaAt.ts';
import { limitOf } from './faults/limitOf.ts';
import { REMOVE } from '../src/keywords/REMOVE.ts';
import { withValueAt } from './faults/withValueAt.ts';
import type { FaultHooks } from './FaultHooks.ts';
import type { FaultProfile } from './FaultProfile.ts';
import type { MockResponse } from './MockResponse.ts';
import type { RequestContext } from './RequestContext.ts';

const HCX = 'upgradeInterconnectAppliance';
const DC = 'updateHostedConnect';

const bodyValue = (ctx: RequestContext, pointer: string): unknown => valueAt(ctx.body, pointer);
const length = (value: unknown): number => (typeof value === 'string' ? [...value].length : -1);

/** A query parameter whose enum is not enforced for one value outside it. */
function acceptBadQuery(name: string): () => FaultHooks {
  return () => ({ acceptRequestDespite: acceptOnly('query', name, ['enum']) });
}

/** A string property whose maxLength is off by one: one character more is accepted. */
function acceptOneCharTooMany(pointer: string): FaultProfile['hooks'] {
  return (operation) => {
    const max = limitOf(bodySchemaAt(operation, pointer), 'maxLength');
    return { acceptRequestDespite: acceptOnly('body', pointer, ['maxLength'], (ctx) => length(bodyValue(ctx, pointer)) === max + 1) };
  };
}

/** An integer bound off by one: the value just past it is accepted. */
function acceptJustPast(pointer: string, keyword: 'minimum' | 'maximum'): FaultProfile['hooks'] {
  return (operation) => {
    const limit = limitOf(bodySchemaAt(operation, pointer), keyword);
    const past = keyword === 'minimum' ? limit - 1 : limit + 1;
    return { acceptRequestDespite: acceptOnly('body', pointer, [keyword], (ctx) => bodyValue(ctx, pointer) === past) };
  };
}

/** The success body with one value changed. */
function successWith(pointer: string, next: (old: unknown) => unknown): () => FaultHooks {
  return () => ({ transformSuccess: (body) => withValueAt(body, pointer, next) });
}

/** A 400 answered in another shape. */
function badRequestAs(change: (response: MockResponse) => MockResponse): () => FaultHooks {
  return () => ({ transformError: (response) => (response.status === 400 ? change(response) : response) });
}

function errorText(response: MockResponse): string {
  const json = response.json as { errors?: Array<{ message?: string }>; error_msg?: string } | undefined;
  return json?.error_msg ?? json?.errors?.map((e) => e.message).join('\n') ?? 'Bad Request';
}

const OTHER_ID = '00000000-0000-4000-8000-000000000000';

/** Every fault profile by name (docs/ARCHITECTURE.md, "Embedded mock fault profiles"). */
export const FAULTS: Readonly<Record<string, FaultProfile>> = {
  'hcx-accept-bad-force': { operationId: HCX, description: 'force outside true|false (e.g. force=maybe) answered 202', hooks: acceptBadQuery('force') },
  'hcx-accept-bad-local': { operationId: HCX, description: 'local outside true|false (e.g. local=maybe) answered 202', hooks: acceptBadQuery('local') },
  'hcx-accept-bad-method': { operationId: HCX, description: 'method outside legacy|inService (e.g. method=fast) answered 202', hooks: acceptBadQuery('method') },
  'hcx-reject-inservice': {
    operationId: HCX,
    description: 'method=inService (a documented value) answered 400',
    hooks: () => ({
      rejectValid: (ctx) =>
        ctx.query['method'] === 'inService' ? [{ where: 'query', at: 'method', keyword: 'enum', params: {}, schemaPath: '', message: 'must be equal to one of the allowed values' }] : [],
    }),
  },
  'hcx-accept-malformed-json': {
    operationId: HCX,
    description: 'a malformed JSON body answered 202',
    hooks: () => ({ acceptRequestDespite: acceptOnly('body', '', ['json']) }),
  },
  'hcx-200-instead-of-202': { operationId: HCX, description: 'success answered 200 instead of 202', hooks: () => ({ successStatus: (s) => (s === 202 ? 200 : s) }) },
  'hcx-ignore-auth': { operationId: HCX, description: 'a request without (or with a wrong) credential still served', hooks: () => ({ acceptUnauthenticated: () => true }) },
  'hcx-wrong-appliance-echo': {
    operationId: HCX,
    description: 'data.applianceId differs from the path id',
    hooks: successWith('/data/applianceId', (id) => (id === OTHER_ID ? OTHER_ID.replace(/^0/, '1') : OTHER_ID)),
  },
  'hcx-task-id-number': {
    operationId: HCX,
    description: 'data.interconnectTaskId is a number',
    hooks: successWith('/data/interconnectTaskId', (id) => Number.parseInt(String(id).slice(0, 8), 16)),
  },
  'hcx-no-task-id': { operationId: HCX, description: '202 without data.interconnectTaskId', hooks: successWith('/data/interconnectTaskId', () => REMOVE) },
  'hcx-text-error': {
    operationId: HCX,
    description: '400 answered as text/plain',
    hooks: badRequestAs((r) => ({ status: r.status, text: errorText(r), contentType: 'text/plain; charset=utf-8' })),
  },
  'hcx-bad-error-envelope': {
    operationId: HCX,
    description: '400 body { "message": ... } instead of the { errors: [{ code, message }] } envelope',
    hooks: badRequestAs((r) => ({ status: r.status, json: { message: errorText(r) } })),
  },
  'hcx-500-on-force': {
    operationId: HCX,
    description: 'force=true answered 500',
    hooks: () => ({ overrideResponse: (ctx) => (ctx.query['force'] === 'true' ? hcxErrors.serverError(ctx.requestId) : undefined) }),
  },
  'hcx-unknown-appliance-202': {
    operationId: HCX,
    description: 'an unknown appliance answered 202',
    hooks: () => ({ lookupResource: (id, lookup) => lookup.get(id) ?? lookup.synthesize(id) }),
  },

  'dc-accept-long-name': { operationId: DC, description: 'a name one character over maxLength (65) accepted', hooks: acceptOneCharTooMany('/hosted_connect/name') },
  'dc-reject-name-64': {
    operationId: DC,
    description: 'a name of exactly maxLength (64) rejected',
    hooks: (operation) => {
      const max = limitOf(bodySchemaAt(operation, '/hosted_connect/name'), 'maxLength');
      return {
        rejectValid: (ctx) =>
          length(bodyValue(ctx, '/hosted_connect/name')) === max
            ? [{ where: 'body', at: '/hosted_connect/name', keyword: 'maxLength', params: { limit: max - 1 }, schemaPath: '', message: `must NOT have more than ${max - 1} characters` }]
            : [],
      };
    },
  },
  'dc-accept-long-description': { operationId: DC, description: 'a description one character over maxLength (129) accepted', hooks: acceptOneCharTooMany('/hosted_connect/description') },
  'dc-accept-long-peer-location': { operationId: DC, description: 'a peer_location one character over maxLength (256) accepted', hooks: acceptOneCharTooMany('/hosted_connect/peer_location') },
  'dc-accept-bandwidth-1': { operationId: DC, description: 'bandwidth one below the minimum (1) accepted', hooks: acceptJustPast('/hosted_connect/bandwidth', 'minimum') },
  'dc-accept-bandwidth-400001': { operationId: DC, description: 'bandwidth one above the maximum (400001) accepted', hooks: acceptJustPast('/hosted_connect/bandwidth', 'maximum') },
  'dc-accept-fractional-bandwidth': {
    operationId: DC,
    description: 'a fractional bandwidth (e.g. 2.5) accepted',
    hooks: () => ({
      acceptRequestDespite: acceptOnly('body', '/hosted_connect/bandwidth', ['type'], (ctx) => {
        const value = bodyValue(ctx, '/hosted_connect/bandwidth');
        return typeof value === 'number' && !Number.isInteger(value);
      }),
    }),
  },
  'dc-accept-empty-update': {
    operationId: DC,
    description: 'an update naming no field ({"hosted_connect":{}}) accepted',
    hooks: () => ({ acceptRequestDespite: acceptOnly('body', '/hosted_connect', ['required', 'anyOf']) }),
  },
  'dc-update-counts-keys': {
    operationId: DC,
    description: 'an update naming only an undocumented field ({"hosted_connect":{"unknown_field":"x"}}) accepted: the server counts keys',
    hooks: () => ({
      acceptRequestDespite: acceptOnly('body', '/hosted_connect', ['required', 'anyOf'], (ctx) => {
        const update = bodyValue(ctx, '/hosted_connect');
        return update !== null && typeof update === 'object' && Object.keys(update).length > 0;
      }),
    }),
  },
  'dc-lenient-id-length': {
    operationId: DC,
    description: 'a 35- or 37-character hosted_connect_id resolves by prefix and is accepted',
    hooks: () => ({
      acceptRequestDespite: acceptOnly('path', 'hosted_connect_id', ['minLength', 'maxLength']),
      lookupResource: (id, lookup) => {
        const exact = lookup.get(id);
        if (exact !== undefined || id === '') return exact;
        for (const known of lookup.ids()) if (known.startsWith(id) || id.startsWith(known)) return lookup.get(known);
        return undefined;
      },
    }),
  },
  'dc-accept-malformed-json': { operationId: DC, description: 'a malformed JSON body accepted', hooks: () => ({ acceptRequestDespite: acceptOnly('body', '', ['json']) }) },
  'dc-ignore-auth': { operationId: DC, description: 'a request without (or with a wrong) X-Auth-Token still served', hooks: () => ({ acceptUnauthenticated: () => true }) },
  'dc-vlan-4000': { operationId: DC, description: 'response hosted_connect.vlan is 4000 (above its maximum)', hooks: successWith('/hosted_connect/vlan', () => 4000) },
  'dc-status-outside-enum': { operationId: DC, description: 'response hosted_connect.status is RUNNING (outside its enum)', hooks: successWith('/hosted_connect/status', () => 'RUNNING') },
  'dc-bad-time-format': {
    operationId: DC,
    description: 'response apply_time as "yyyy-MM-dd HH:mm:ss" instead of yyyy-MM-ddTHH:mm:ss.SSSZ',
    hooks: successWith('/hosted_connect/apply_time', (time) =>
      String(time)
        .replace('T', ' ')
        .replace(/\.\d{3}Z$/, ''),
    ),
  },
  'dc-missing-request-id': { operationId: DC, description: 'response without request_id', hooks: successWith('/request_id', () => REMOVE) },
  'dc-wrong-id-echo': {
    operationId: DC,
    description: 'response hosted_connect.id differs from the path id',
    hooks: successWith('/hosted_connect/id', (id) => (id === OTHER_ID ? OTHER_ID.replace(/^0/, '1') : OTHER_ID)),
  },
  'dc-update-not-reflected': { operationId: DC, description: 'an update answered 200 but not applied', hooks: () => ({ applyUpdate: (before) => before }) },
  'dc-non-json-error': {
    operationId: DC,
    description: '400 answered as text/html',
    hooks: badRequestAs((r) => ({ status: r.status, text: `<html><body><h1>400 Bad Request</h1><p>${errorText(r).replace(/[<>&]/g, '')}</p></body></html>`, contentType: 'text/html; charset=utf-8' })),
  },
  'dc-bad-error-envelope': {
    operationId: DC,
    description: '400 body { "message": ... } instead of { error_code, error_msg }',
    hooks: badRequestAs((r) => ({ status: r.status, json: { message: errorText(r) } })),
  },
  'dc-500-on-bandwidth-max': {
    operationId: DC,
    description: 'bandwidth at its maximum (400000) answered 500',
    hooks: (operation) => {
      const max = limitOf(bodySchemaAt(operation, '/hosted_connect/bandwidth'), 'maximum');
      return { overrideResponse: (ctx) => (bodyValue(ctx, '/hosted_connect/bandwidth') === max ? dcErrors.serverError(ctx.requestId) : undefined) };
    },
  },
  'dc-201-instead-of-200': { operationId: DC, description: 'success answered 201 instead of 200', hooks: () => ({ successStatus: (s) => (s === 200 ? 201 : s) }) },
  'dc-unknown-connection-200': {
    operationId: DC,
    description: 'an unknown hosted connection answered 200',
    hooks: () => ({ lookupResource: (id, lookup) => lookup.get(id) ?? lookup.synthesize(id) }),
  },
  'hcx-enum-case-insensitive': {
    operationId: HCX,
    description: 'method compared without letter case: LEGACY, inservice accepted',
    hooks: () => ({
      acceptRequestDespite: acceptOnly('query', 'method', ['enum'], (ctx) => ['legacy', 'inservice'].includes(String(ctx.query['method']).toLowerCase())),
    }),
  },
  'dc-bandwidth-as-string': {
    operationId: DC,
    description: 'bandwidth written as a JSON string ("10") accepted and read as the number',
    hooks: () => ({
      acceptRequestDespite: acceptOnly('body', '/hosted_connect/bandwidth', ['type'], (ctx) => /^\d+$/.test(String(bodyValue(ctx, '/hosted_connect/bandwidth')))),
      transformSuccess: (body) => withValueAt(body, '/hosted_connect/bandwidth', (old) => (typeof old === 'string' ? Number(old) : old)),
    }),
  },
  'dc-falsy-bandwidth-minimum': {
    operationId: DC,
    description: 'the bandwidth minimum checked with a falsy test: 0 and null waved through and ignored',
    hooks: () => ({
      acceptRequestDespite: (issues, ctx) => {
        const value = bodyValue(ctx, '/hosted_connect/bandwidth');
        return (value === 0 || value === null) && issues.every((i) => i.where === 'body' && i.at === '/hosted_connect/bandwidth');
      },
      applyUpdate: <T>(before: T, updated: T): T => {
        const bandwidth = (updated as { bandwidth?: unknown }).bandwidth;
        return bandwidth === 0 || bandwidth === null ? { ...updated, bandwidth: (before as { bandwidth?: unknown }).bandwidth } : updated;
      },
    }),
  },
  'dc-any-project': {
    operationId: DC,
    description: "a hosted connection updated through any project_id (another tenant's project reaches it)",
    hooks: () => ({ lookupResource: (id, lookup) => lookup.get(id) ?? lookup.anyOwner?.(id) }),
  },
  'hcx-task-never-ends': {
    operationId: HCX,
    description: 'the task an accepted upgrade starts stays RUNNING: it never reaches a terminal state',
    hooks: () => ({ task: (plan) => ({ ...plan, end: 'never' }) }),
  },
  'hcx-task-unknown-id': {
    operationId: HCX,
    description: 'the 202 gives an interconnectTaskId the task path answers 404',
    hooks: () => ({ task: (plan) => ({ ...plan, unknownId: true }) }),
  },
  'hcx-task-backwards': {
    operationId: HCX,
    description: 'the task goes from RUNNING back to QUEUED before it ends',
    hooks: () => ({ task: (plan) => ({ ...plan, regress: true }) }),
  },
  'hcx-accept-invalid-body-then-fail': {
    operationId: HCX,
    description: 'a malformed JSON body answered 202, then its task ends FAILED (validated late)',
    hooks: () => ({ acceptRequestDespite: acceptOnly('body', '', ['json']), task: (plan, ctx) => (ctx.lenient ? { ...plan, end: 'failed' } : plan) }),
  },
};
