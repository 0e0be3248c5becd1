import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors/ConformanceError.ts';
import { loadSpecs } from '../../src/openapi/loadSpecs.ts';
import { OperationValidators } from '../../src/validation/OperationValidators.ts';
import type { MockServer } from '../../mock/MockOptions.ts';
import { BUSY_APPLIANCE_ID } from '../../mock/operations/upgradeInterconnectAppliance.ts';
import { SECOND_HOSTED_CONNECT_ID } from '../../mock/operations/updateHostedConnect.ts';
import { startMockServer } from '../../mock/startMockServer.ts';
import { call, updateConnect, upgrade, type Answer } from './calls.ts';

let server: MockServer;
let hcx: OperationValidators;
let dc: OperationValidators;

beforeAll(async () => {
  // Tasks end at once: the fixture appliance can be upgraded again and again.
  server = await startMockServer({ token: 'test-token', taskDurationMs: 0 });
  const operations = (await loadSpecs()).flatMap((s) => s.operations);
  hcx = new OperationValidators(operations.find((o) => o.operationId === 'upgradeInterconnectAppliance')!);
  dc = new OperationValidators(operations.find((o) => o.operationId === 'updateHostedConnect')!);
});
afterAll(() => server.close());

function expectValid(validators: OperationValidators, answer: Answer): void {
  expect(answer.contentType).toMatch(/^application\/json/);
  const result = validators.validateResponse(answer.status, answer.json);
  expect(result, `no schema for ${answer.status}`).toBeDefined();
  expect(result?.issues).toEqual([]);
}

const HEX32 = /^[0-9a-f]{32}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('startMockServer', () => {
  it("seeds the documents' example ids as fixtures", () => {
    expect(server.fixtures).toEqual({
      applianceId: '20ef77b0-2a69-4a4e-9a8a-2ac5a4f0c1d3',
      project_id: '6fbe9263116a4b68818cf1edce16bc4f',
      hosted_connect_id: '0278b472-ffa5-4eb3-8c0d-979d479f8ef6',
    });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('rejects an unknown fault with a ConfigError naming the valid ones', async () => {
    const error = await startMockServer({ fault: 'no-such-fault' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).code).toBe('CONF_ERR_CONFIG');
    expect((error as Error).message).toContain('no-such-fault');
  });

  it('makes up a random token when none is given', async () => {
    const other = await startMockServer();
    try {
      expect(other.token.length).toBeGreaterThanOrEqual(16);
      expect(other.token).not.toBe(server.token);
    } finally {
      await other.close();
    }
  });
});

describe('HCX upgrade', () => {
  it('answers 202 with a new task, documented shape, echoing the appliance', async () => {
    const first = await upgrade(server);
    const second = await upgrade(server, { query: 'force=true&local=false&method=inService', body: '[{}]' });
    for (const answer of [first, second]) {
      expect(answer.status).toBe(202);
      expectValid(hcx, answer);
      expect(answer.json).toMatchObject({ data: { applianceId: server.fixtures.applianceId }, warnings: [], errors: [] });
    }
    const a = (first.json as { data: { interconnectTaskId: string } }).data.interconnectTaskId;
    const b = (second.json as { data: { interconnectTaskId: string } }).data.interconnectTaskId;
    expect(a).toMatch(UUID);
    expect(a).not.toBe(b);
  });

  it('keeps the task, pollable by id, in the documented shape', async () => {
    const started = await upgrade(server, { query: 'method=inService' });
    const id = (started.json as { data: { interconnectTaskId: string } }).data.interconnectTaskId;
    const task = await call(server, `/hybridity/api/interconnect/tasks/${id}`, { headers: { authorization: `Bearer ${server.token}` } });
    expect(task.status).toBe(200);
    expect(task.json).toMatchObject({ data: { interconnectTaskId: id, applianceId: server.fixtures.applianceId, operation: 'UPGRADE', status: 'SUCCESS', progress: 100 }, errors: [] });
    expect(task.contentType).toMatch(/^application\/json/);
    const missing = await call(server, '/hybridity/api/interconnect/tasks/nope', { headers: { authorization: server.token } });
    expect(missing.status).toBe(404);
  });

  it('runs a task through the documented states for its duration, the appliance busy (422) meanwhile', async () => {
    const slow = await startMockServer({ token: 'test-token', taskDurationMs: 60_000 });
    try {
      const started = await upgrade(slow);
      expect(started.status).toBe(202);
      const id = (started.json as { data: { interconnectTaskId: string } }).data.interconnectTaskId;
      const task = await call(slow, `/hybridity/api/interconnect/tasks/${id}`, { headers: { 'x-hm-authorization': slow.token } });
      expect((task.json as { data: { status: string } }).data.status).toBe('QUEUED');
      const again = await upgrade(slow);
      expect(again.status).toBe(422);
      expect(again.json).toMatchObject({ data: { interconnectTaskId: id } });
    } finally {
      await slow.close();
    }
  });

  it.each([
    ['x-hm-authorization', (t: string) => t],
    ['authorization', (t: string) => `Bearer ${t}`],
    ['authorization', (t: string) => t],
  ])('accepts the credential in %s', async (header, value) => {
    expect((await upgrade(server, { headers: { [header]: value(server.token) } })).status).toBe(202);
  });

  it('answers 401 without a body for a missing or wrong credential', async () => {
    const cases: Array<Record<string, string>> = [{}, { 'x-hm-authorization': 'wrong' }, { authorization: 'Bearer wrong' }, { 'x-auth-token': server.token }];
    for (const headers of cases) {
      const answer = await upgrade(server, { headers });
      expect(answer.status).toBe(401);
      expect(answer.text).toBe('');
    }
  });

  it('checks the credential before validation and lookup', async () => {
    const answer = await upgrade(server, { applianceId: 'unknown', query: 'force=maybe', headers: {} });
    expect(answer.status).toBe(401);
  });

  it.each(['force=maybe', 'local=yes', 'method=fast', 'force=TRUE', 'force=true&force=false', 'method='])('answers 400 in the errors envelope for %s', async (query) => {
    const answer = await upgrade(server, { query });
    expect(answer.status).toBe(400);
    expectValid(hcx, answer);
    const errors = (answer.json as { errors: Array<{ code: string; message: string }> }).errors;
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]?.message).toMatch(/query (force|local|method)/);
  });

  it('answers 400 for a malformed JSON body', async () => {
    const answer = await upgrade(server, { body: '[{' });
    expect(answer.status).toBe(400);
    expectValid(hcx, answer);
  });

  it('answers 404 for an unknown appliance', async () => {
    expect((await upgrade(server, { applianceId: 'a8f0c2d1-0000-4000-8000-000000000000' })).status).toBe(404);
  });

  it('answers 422 while an upgrade of the appliance is running', async () => {
    const answer = await upgrade(server, { applianceId: BUSY_APPLIANCE_ID });
    expect(answer.status).toBe(422);
    expectValid(hcx, answer);
    expect(answer.json).toMatchObject({ errors: [{ code: 'UPGRADE_IN_PROGRESS' }] });
  });
});

describe('Huawei hosted-connection update', () => {
  it('answers the document example request with a valid 200 whose id and fields reflect the request', async () => {
    const operations = (await loadSpecs()).flatMap((s) => s.operations);
    const example = operations.find((o) => o.operationId === 'updateHostedConnect')!.requestBody!.examples[0];
    const fresh = await startMockServer({ token: 't' });
    try {
      const answer = await updateConnect(fresh, { json: example });
      expect(answer.status).toBe(200);
      expectValid(dc, answer);
      const body = answer.json as { hosted_connect: Record<string, unknown>; request_id: string };
      expect(body.request_id).toMatch(HEX32);
      expect(body.hosted_connect).toMatchObject({ id: fresh.fixtures.hosted_connect_id, name: 'client-dc-faf1', description: '' });
      // The seeded state is the document's example response.
      const documented = operations.find((o) => o.operationId === 'updateHostedConnect')!.responses.find((r) => r.status === '200')!.examples[0] as { hosted_connect: unknown };
      expect(body.hosted_connect).toEqual(documented.hosted_connect);
    } finally {
      await fresh.close();
    }
  });

  it('persists an update: the next request sees it, other connections do not', async () => {
    const first = await updateConnect(server, { json: { hosted_connect: { bandwidth: 400000, peer_location: 'Rack 7' } } });
    expect(first.status).toBe(200);
    const second = await updateConnect(server, { json: { hosted_connect: { description: 'second' } } });
    expect(second.status).toBe(200);
    expectValid(dc, second);
    expect((second.json as { hosted_connect: unknown }).hosted_connect).toMatchObject({ bandwidth: 400000, peer_location: 'Rack 7', description: 'second' });
    const other = await updateConnect(server, { hostedConnectId: SECOND_HOSTED_CONNECT_ID, json: { hosted_connect: { name: 'other' } } });
    expect(other.status).toBe(200);
    expect((other.json as { hosted_connect: unknown }).hosted_connect).toMatchObject({ id: SECOND_HOSTED_CONNECT_ID, bandwidth: 50, name: 'other' });
  });

  it('answers 401 APIGW.0301 for a missing or wrong token', async () => {
    const cases: Array<Record<string, string>> = [{}, { 'x-auth-token': 'wrong' }, { 'x-hm-authorization': server.token }];
    for (const headers of cases) {
      const answer = await updateConnect(server, { headers: { ...headers, 'content-type': 'application/json' } });
      expect(answer.status).toBe(401);
      expectValid(dc, answer);
      expect(answer.json).toMatchObject({ error_code: 'APIGW.0301' });
      expect((answer.json as { request_id: string }).request_id).toMatch(HEX32);
    }
  });

  it.each([
    ['a name of 65', { json: { hosted_connect: { name: 'n'.repeat(65) } } }],
    ['a description of 129', { json: { hosted_connect: { description: 'd'.repeat(129) } } }],
    ['a peer_location of 256', { json: { hosted_connect: { peer_location: 'p'.repeat(256) } } }],
    ['bandwidth 1', { json: { hosted_connect: { bandwidth: 1 } } }],
    ['bandwidth 400001', { json: { hosted_connect: { bandwidth: 400001 } } }],
    ['bandwidth 2.5', { json: { hosted_connect: { bandwidth: 2.5 } } }],
    ['bandwidth "10"', { json: { hosted_connect: { bandwidth: '10' } } }],
    ['an empty update', { json: { hosted_connect: {} } }],
    ['no hosted_connect', { json: {} }],
    ['malformed JSON', { raw: '{"hosted_connect":' }],
    ['an empty body', { raw: '' }],
    ['a 35-character id', { hostedConnectId: '0278b472-ffa5-4eb3-8c0d-979d479f8ef' }],
    ['a 37-character id', { hostedConnectId: '0278b472-ffa5-4eb3-8c0d-979d479f8ef6a' }],
  ])('answers 400 DC.0001 for %s and changes nothing', async (_label, options) => {
    const answer = await updateConnect(server, options);
    expect(answer.status).toBe(400);
    expectValid(dc, answer);
    expect(answer.json).toMatchObject({ error_code: 'DC.0001' });
    expect((answer.json as { request_id: string }).request_id).toMatch(HEX32);
  });

  it('answers 400 DC.0002 for an unknown connection, or one of another project', async () => {
    for (const options of [{ hostedConnectId: '11111111-2222-4333-8444-555555555555' }, { projectId: '0123456789abcdef0123456789abcdef' }]) {
      const answer = await updateConnect(server, options);
      expect(answer.status).toBe(400);
      expectValid(dc, answer);
      expect(answer.json).toMatchObject({ error_code: 'DC.0002' });
    }
  });

  it('rejected updates leave the state as it was', async () => {
    const before = await updateConnect(server, { json: { hosted_connect: { name: 'stable' } } });
    await updateConnect(server, { json: { hosted_connect: { name: 'x'.repeat(65), bandwidth: 3 } } });
    const after = await updateConnect(server, { json: { hosted_connect: { description: 'check' } } });
    expect((after.json as { hosted_connect: { name: string; bandwidth: number } }).hosted_connect.name).toBe('stable');
    expect((after.json as { hosted_connect: { bandwidth: number } }).hosted_connect.bandwidth).toBe((before.json as { hosted_connect: { bandwidth: number } }).hosted_connect.bandwidth);
  });
});

describe('routing', () => {
  it('answers 404 for an unknown route and 405 with Allow for a wrong method', async () => {
    expect((await call(server, '/nothing/here')).status).toBe(404);
    const wrong = await call(server, `/hybridity/api/interconnect/appliances/${server.fixtures.applianceId}/upgrade`, { headers: { 'x-hm-authorization': server.token } });
    expect(wrong.status).toBe(405);
    expect(wrong.headers['allow']).toBe('POST');
  });

  it('counts requests', async () => {
    const before = server.requestCount();
    await call(server, '/nothing');
    expect(server.requestCount()).toBe(before + 1);
  });
});

describe('error messages', () => {
  it('say an empty update needs at least one field, once', async () => {
    const answer = await updateConnect(server, { json: { hosted_connect: {} } });
    expect((answer.json as { error_msg: string }).error_msg).toBe('Invalid parameter: body /hosted_connect: must have at least one of name, description, bandwidth, peer_location');
  });

  it('never repeat the credential', async () => {
    const answer = await updateConnect(server, { headers: { 'x-auth-token': 'secret-wrong-token', 'content-type': 'application/json' } });
    expect(answer.text).not.toContain('secret-wrong-token');
  });
});
