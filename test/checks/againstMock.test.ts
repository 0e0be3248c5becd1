import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runChecks } from '../../src/checks/runChecks.ts';
import type { CaseIntent, PlannedRequest } from '../../src/model/Case.ts';
import type { Exchange } from '../../src/model/Exchange.ts';
import type { Verdict } from '../../src/model/Verdict.ts';
import type { MockServer } from '../../mock/MockOptions.ts';
import { startMockServer } from '../../mock/startMockServer.ts';
import { contextFor, loadSubjects, type Subject } from './fixtures.ts';

const TOKEN = 'checks-token';
let hcx: Subject;
let dc: Subject;
let correct: MockServer;
const started: MockServer[] = [];

beforeAll(async () => {
  ({ hcx, dc } = await loadSubjects());
  correct = await startMockServer({ token: TOKEN });
  started.push(correct);
});
afterAll(async () => {
  await Promise.all(started.map((s) => s.close()));
});

interface Planned {
  readonly intent: CaseIntent;
  readonly pathParams?: Record<string, string>;
  readonly query?: Record<string, string>;
  readonly body?: PlannedRequest['body'];
  readonly auth?: PlannedRequest['auth'];
}

/** Sends one planned request over loopback and records it the way the runner does (credentials left out of `sent`). */
async function exchange(server: MockServer, subject: Subject, planned: Planned): Promise<Exchange> {
  const pathParams = { ...Object.fromEntries(Object.entries(server.fixtures).filter(([k]) => subject.operation.parameters.some((p) => p.in === 'path' && p.name === k))), ...planned.pathParams };
  const path = subject.operation.pathTemplate.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(pathParams[name] ?? ''));
  const query = new URLSearchParams(planned.query ?? {}).toString();
  const bodyText = planned.body === undefined ? undefined : 'raw' in planned.body ? planned.body.raw : JSON.stringify(planned.body.json);
  const auth = planned.auth ?? 'configured';
  const header = subject.operation.credentialSchemes[0]!.header;
  const headers: Record<string, string> = {
    ...(bodyText === undefined ? {} : { 'content-type': 'application/json' }),
    ...(auth === 'none' ? {} : { [header]: auth === 'wrong' ? 'not-the-token' : TOKEN }),
  };
  const url = `${server.url}${path}${query ? `?${query}` : ''}`;
  const res = await request(url, { method: subject.operation.method.toUpperCase() as 'PUT', headers, ...(bodyText === undefined ? {} : { body: bodyText }) });
  const text = await res.body.text();
  let json: unknown;
  try {
    json = text === '' ? undefined : (JSON.parse(text) as unknown);
  } catch {
    json = undefined;
  }
  const responseHeaders = Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : String(v)]));
  const plannedRequest: PlannedRequest = {
    method: subject.operation.method.toUpperCase(),
    path,
    pathParams,
    query: planned.query ?? {},
    headers: {},
    ...(planned.body ? { body: planned.body } : {}),
    auth,
  };
  return {
    case: { id: 'loopback', operationId: subject.operation.operationId, intent: planned.intent, request: plannedRequest, seed: 1, needsFixture: true },
    sent: { method: plannedRequest.method, url, headers: {}, ...(bodyText === undefined ? {} : { bodyText }) },
    response: { status: res.statusCode, headers: responseHeaders, bodyText: text, ...(json === undefined ? {} : { json }), truncated: false, durationMs: 1 },
  };
}

async function verdicts(server: MockServer, subject: Subject, planned: Planned): Promise<Verdict[]> {
  return runChecks(await exchange(server, subject, planned), contextFor(subject), subject.catalogue);
}

const failures = (list: readonly Verdict[]): string[] => list.filter((v) => v.outcome === 'fail').map((v) => `${v.check}${v.constraintId ? `/${v.constraintId}` : ''}`);

const valid: CaseIntent = { kind: 'valid', label: 'typical' };
const UNKNOWN_DC_ID = 'ffffffff-ffff-4fff-8fff-ffffffffffff';

const hcxCases: Array<[string, Planned]> = [
  ['valid, no body', { intent: valid }],
  ['valid, the curl sample body', { intent: valid, body: { json: [{}] } }],
  ['method=inService', { intent: { kind: 'boundary', constraintId: 'HCX.query.method.enum', label: 'inService' }, query: { method: 'inService', force: 'true', local: 'true' } }],
  ['force=maybe', { intent: { kind: 'invalid', constraintId: 'HCX.query.force.enum', label: 'force=maybe' }, query: { force: 'maybe' } }],
  ['malformed JSON', { intent: { kind: 'invalid', constraintId: 'HCX.body.json', label: 'malformed' }, body: { raw: '[{' } }],
  ['no credential', { intent: { kind: 'no-auth', constraintId: 'HCX.auth', label: 'none' }, auth: 'none' }],
  ['wrong credential', { intent: { kind: 'wrong-auth', constraintId: 'HCX.auth', label: 'wrong' }, auth: 'wrong' }],
  ['unknown appliance', { intent: { kind: 'unknown-resource', label: 'unknown' }, pathParams: { applianceId: 'no-such-appliance' } }],
];
const dcCases: Array<[string, Planned]> = [
  ['valid name and description', { intent: valid, body: { json: { hosted_connect: { name: 'client-dc-faf1', description: '' } } } }],
  ['bandwidth at its maximum', { intent: { kind: 'boundary', constraintId: 'DC.body.hosted_connect.bandwidth.maximum', label: 'max' }, body: { json: { hosted_connect: { bandwidth: 400000 } } } }],
  ['name of 64', { intent: { kind: 'boundary', constraintId: 'DC.body.hosted_connect.name.maxLength', label: '64' }, body: { json: { hosted_connect: { name: 'n'.repeat(64) } } } }],
  ['name of 65', { intent: { kind: 'invalid', constraintId: 'DC.body.hosted_connect.name.maxLength', label: '65' }, body: { json: { hosted_connect: { name: 'n'.repeat(65) } } } }],
  ['empty update', { intent: { kind: 'invalid', constraintId: 'DC.body.hosted_connect.atLeastOne', label: 'empty' }, body: { json: { hosted_connect: {} } } }],
  ['malformed JSON', { intent: { kind: 'invalid', constraintId: 'DC.body.json', label: 'malformed' }, body: { raw: '{"hosted_connect":' } }],
  ['no credential', { intent: { kind: 'no-auth', constraintId: 'DC.auth', label: 'none' }, auth: 'none', body: { json: { hosted_connect: { name: 'x' } } } }],
  ['unknown connection', { intent: { kind: 'unknown-resource', label: 'unknown' }, pathParams: { hosted_connect_id: UNKNOWN_DC_ID }, body: { json: { hosted_connect: { name: 'x' } } } }],
];

describe('checks against the correct embedded mock (loopback)', () => {
  it.each(hcxCases)('HCX %s: no failure', async (_label, planned) => {
    const list = await verdicts(correct, hcx, planned);
    expect(failures(list)).toEqual([]);
    expect(list.some((v) => v.outcome === 'pass')).toBe(true);
  });
  it.each(dcCases)('DC %s: no failure', async (_label, planned) => {
    const list = await verdicts(correct, dc, planned);
    expect(failures(list)).toEqual([]);
    expect(list.some((v) => v.outcome === 'pass')).toBe(true);
  });
});

describe('checks against faulty mocks (loopback)', () => {
  const table: Array<[string, 'hcx' | 'dc', Planned, string]> = [
    ['hcx-200-instead-of-202', 'hcx', { intent: valid }, 'status-documented'],
    ['hcx-task-id-number', 'hcx', { intent: valid }, 'response-schema/HCX.response.202.data.interconnectTaskId.type'],
    ['hcx-wrong-appliance-echo', 'hcx', { intent: valid }, 'echo'],
    ['hcx-ignore-auth', 'hcx', { intent: { kind: 'no-auth', constraintId: 'HCX.auth', label: 'none' }, auth: 'none' }, 'auth-required/HCX.auth'],
    ['hcx-accept-bad-force', 'hcx', { intent: { kind: 'invalid', constraintId: 'HCX.query.force.enum', label: 'maybe' }, query: { force: 'maybe' } }, 'negative-rejection/HCX.query.force.enum'],
    ['hcx-unknown-appliance-202', 'hcx', { intent: { kind: 'unknown-resource', label: 'unknown' }, pathParams: { applianceId: 'no-such-appliance' } }, 'not-found'],
    ['dc-vlan-4000', 'dc', { intent: valid, body: { json: { hosted_connect: { name: 'a' } } } }, 'response-schema/DC.response.200.hosted_connect.vlan.maximum'],
    ['dc-missing-request-id', 'dc', { intent: valid, body: { json: { hosted_connect: { name: 'a' } } } }, 'response-schema/DC.response.200.request_id.required'],
    ['dc-update-not-reflected', 'dc', { intent: valid, body: { json: { hosted_connect: { name: 'brand-new' } } } }, 'echo'],
    [
      'dc-non-json-error',
      'dc',
      { intent: { kind: 'invalid', constraintId: 'DC.body.hosted_connect.name.maxLength', label: '65' }, body: { json: { hosted_connect: { name: 'n'.repeat(65) } } } },
      'content-type',
    ],
    [
      'dc-unknown-connection-200',
      'dc',
      { intent: { kind: 'unknown-resource', label: 'unknown' }, pathParams: { hosted_connect_id: UNKNOWN_DC_ID }, body: { json: { hosted_connect: { name: 'x' } } } },
      'not-found',
    ],
  ];
  it.each(table)('%s fires only %s', async (fault, which, planned, expected) => {
    const server = await startMockServer({ token: TOKEN, fault });
    started.push(server);
    const got = failures(await verdicts(server, which === 'hcx' ? hcx : dc, planned));
    // Each profile breaks exactly one rule: exactly one finding, and the right one.
    expect(got).toEqual([expected]);
  });
});
