import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mockCli, type MockCliIo } from '../../mock/cli.ts';
import type { MockServer } from '../../mock/MockOptions.ts';
import { generateMutants } from '../../mock/mutants/generateMutants.ts';
import { MUTANT_FAMILIES, type Mutant } from '../../mock/mutants/Mutant.ts';
import { startMockServer } from '../../mock/startMockServer.ts';
import { catalogueOperation } from '../../src/catalogue/buildCatalogue.ts';
import { ConfigError } from '../../src/errors/ConformanceError.ts';
import { loadSpecs } from '../../src/openapi/loadSpecs.ts';
import type { Operation } from '../../src/openapi/Operation.ts';
import { call, updateConnect, upgrade } from './calls.ts';

let operations: Operation[];
let mutants: Mutant[];
const servers: MockServer[] = [];

beforeAll(async () => {
  operations = (await loadSpecs()).flatMap((s) => s.operations);
  mutants = generateMutants(operations);
});
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function mock(mutant?: string): Promise<MockServer> {
  const server = await startMockServer({ token: 'the-correct-token-0123456789', ...(mutant ? { mutant } : {}) });
  servers.push(server);
  return server;
}

const name = (length: number): string => 'n'.repeat(length);

describe('generated mutants', () => {
  it('every family has mutants of both shipped operations (tasks: of the one whose answer links to a task), each with a unique id of the form family/operator/target', () => {
    for (const family of MUTANT_FAMILIES) {
      for (const operationId of family === 'task' ? ['upgradeInterconnectAppliance'] : ['upgradeInterconnectAppliance', 'updateHostedConnect']) {
        expect(
          mutants.some((m) => m.family === family && m.operationId === operationId),
          `${family} on ${operationId}`,
        ).toBe(true);
      }
    }
    expect(new Set(mutants.map((m) => m.id)).size).toBe(mutants.length);
    for (const m of mutants) expect(m.id.startsWith(`${m.family}/${m.operator}/${m.target}`)).toBe(true);
  });

  it('request-rule mutants target catalogue constraints; rules no request breaks are only tightened', () => {
    const ids = new Set(operations.flatMap(catalogueOperation).map((c) => c.id));
    for (const m of mutants.filter((x) => x.family === 'request-rule')) expect(ids.has(m.target), m.id).toBe(true);
    const ruleIds = mutants.map((m) => m.id);
    expect(ruleIds).toContain('request-rule/not-enforced/DC.body.hosted_connect.name.maxLength');
    expect(ruleIds).toContain('request-rule/tightened/DC.body.hosted_connect.name.minLength');
    // A length of at least 0, a query value's type "string": no request breaks them.
    expect(ruleIds).not.toContain('request-rule/not-enforced/DC.body.hosted_connect.name.minLength');
    expect(ruleIds).not.toContain('request-rule/not-enforced/HCX.query.force.type');
    // An id the rule refuses names no resource: only the tightened rule is visible.
    expect(ruleIds).toContain('request-rule/tightened/DC.path.hosted_connect_id.maxLength');
    expect(ruleIds).not.toContain('request-rule/not-enforced/DC.path.hosted_connect_id.maxLength');
    // A body that is not JSON has no name: "enforced only when the name is absent" is no mutant.
    expect(ruleIds).not.toContain('request-rule/only-when-absent/DC.body.json/hosted_connect.name');
    expect(ruleIds).toContain('request-rule/only-when-absent/HCX.body.json/force');
  });

  it('the same documents give the same ids in the same order', async () => {
    const again = generateMutants((await loadSpecs()).flatMap((s) => s.operations)).map((m) => m.id);
    expect(again).toEqual(mutants.map((m) => m.id));
  });

  it('an unknown id is one configuration error line naming the list', async () => {
    const error = await startMockServer({ mutant: 'request-rule/nope' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/^unknown mutant "request-rule\/nope"; `npm run mock -- --list-mutants` lists all \d+$/);
    await expect(startMockServer({ mutant: mutants[0]!.id, fault: 'dc-ignore-auth' })).rejects.toThrow(/not both/);
  });
});

describe('one step past a limit, as the node allows it', () => {
  const doc = fileURLToPath(new URL('../keywords/fixtures/every-keyword.openapi.yaml', import.meta.url));
  it('a multipleOf and an exclusive bound of a number move the edge and the value past it', async () => {
    const ids = generateMutants((await loadSpecs([doc])).flatMap((s) => s.operations));
    const byId = new Map(ids.map((m) => [m.id, m]));
    // count: integer, minimum 1, maximum 100, multipleOf 3; limit: exclusiveMinimum 0, maximum 50, multipleOf 5.
    expect(byId.get('request-rule/loosened/K.body.count.maximum')?.params).toEqual({ accepted: 102 });
    expect(byId.get('request-rule/tightened/K.body.count.maximum')?.params).toEqual({ rejected: 99 });
    expect(byId.get('request-rule/tightened/K.body.count.minimum')?.params).toEqual({ rejected: 3 });
    expect(byId.get('request-rule/tightened/K.query.limit.exclusiveMinimum')?.params).toEqual({ rejected: 5 });
    // ratio: number, exclusiveMinimum 0: the edge is the smallest double above 0, not 1.
    expect(byId.get('request-rule/tightened/K.body.ratio.exclusiveMinimum')?.params).toEqual({ rejected: Number.MIN_VALUE });
    // tags.*.type is implied by tags.*.enum: only tightened (no other type is listed).
    expect(byId.has('request-rule/not-enforced/K.body.tags.*.type')).toBe(false);
  });

  it('an item rule reads every item', async () => {
    const server = await startMockServer({ specFiles: [doc], mutant: 'request-rule/tightened/K.body.tags.*.enum/b' });
    servers.push(server);
    const put = (tags: string[]) => call(server, '/things/t-1', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'thing', tags }) });
    expect((await put(['a', 'c'])).status).toBe(200);
    expect((await put(['a', 'b'])).status).toBe(400);
  });
});

describe('each family changes one behaviour, and the correct mock keeps it', () => {
  it('request rule enforced only when another input is present', async () => {
    const id = 'request-rule/only-when-present/DC.body.hosted_connect.name.maxLength/hosted_connect.description';
    const [bad, good] = [await mock(id), await mock()];
    expect((await updateConnect(bad, { json: { hosted_connect: { name: name(65) } } })).status).toBe(200);
    expect((await updateConnect(bad, { json: { hosted_connect: { name: name(65), description: 'd' } } })).status).toBe(400);
    expect((await updateConnect(good, { json: { hosted_connect: { name: name(65) } } })).status).toBe(400);
  });

  it('request rule enforced after trimming', async () => {
    const [bad, good] = [await mock('request-rule/after-normalising/DC.body.hosted_connect.name.maxLength/trim'), await mock()];
    expect((await updateConnect(bad, { json: { hosted_connect: { name: ` ${name(64)}` } } })).status).toBe(200);
    expect((await updateConnect(bad, { json: { hosted_connect: { name: name(65) } } })).status).toBe(400);
    expect((await updateConnect(good, { json: { hosted_connect: { name: ` ${name(64)}` } } })).status).toBe(400);
  });

  it('credential compared on a prefix', async () => {
    const [bad, good] = [await mock('credential/prefix-of-token/DC.auth'), await mock()];
    const truncated = { 'x-auth-token': 'the-correct', 'content-type': 'application/json' };
    expect((await updateConnect(bad, { headers: truncated })).status).toBe(200);
    expect((await updateConnect(bad, { headers: { ...truncated, 'x-auth-token': 'wrong' } })).status).toBe(401);
    expect((await updateConnect(good, { headers: truncated })).status).toBe(401);
  });

  it('credential not checked when another input has one value', async () => {
    const [bad, good] = [await mock('credential/not-checked-when/HCX.auth/force=true'), await mock()];
    expect((await upgrade(bad, { query: 'force=true', headers: {} })).status).toBe(202);
    expect((await upgrade(bad, { query: 'force=false', headers: {} })).status).toBe(401);
    expect((await upgrade(good, { query: 'force=true', headers: {} })).status).toBe(401);
  });

  it('resource: an unknown id answered 500', async () => {
    const [bad, good] = [await mock('resource/unknown-answered-5xx/HCX.path.applianceId'), await mock()];
    expect((await upgrade(bad, { applianceId: 'no-such-appliance' })).status).toBe(500);
    expect((await upgrade(bad)).status).toBe(202);
    expect((await upgrade(good, { applianceId: 'no-such-appliance' })).status).toBe(404);
  });

  it('response: an update answered as applied but not stored', async () => {
    const bad = await mock('response/update-not-stored/DC.response.200.hosted_connect');
    const first = await updateConnect(bad, { json: { hosted_connect: { name: 'first' } } });
    expect((first.json as { hosted_connect: { name: string } }).hosted_connect.name).toBe('first');
    const second = await updateConnect(bad, { json: { hosted_connect: { description: 'later' } } });
    expect((second.json as { hosted_connect: { name: string } }).hosted_connect.name).not.toBe('first');
    const good = await mock();
    await updateConnect(good, { json: { hosted_connect: { name: 'first' } } });
    const kept = await updateConnect(good, { json: { hosted_connect: { description: 'later' } } });
    expect((kept.json as { hosted_connect: { name: string } }).hosted_connect.name).toBe('first');
  });

  it('response: undocumented members of the update written into the stored resource', async () => {
    const [bad, good] = [await mock('response/undocumented-members-stored/DC.response.200.hosted_connect'), await mock()];
    for (const server of [bad, good]) await updateConnect(server, { json: { hosted_connect: { name: 'x', vlan: 7, owner_note: 'y' } } });
    const answer = async (server: MockServer): Promise<Record<string, unknown>> =>
      ((await updateConnect(server, { json: { hosted_connect: { name: 'z' } } })).json as { hosted_connect: Record<string, unknown> }).hosted_connect;
    expect(await answer(bad)).toMatchObject({ vlan: 7, owner_note: 'y' });
    const correct = await answer(good);
    expect(correct['owner_note']).toBeUndefined();
    expect(correct['vlan']).not.toBe(7);
  });

  it('response: a member of the wrong type, and the content type left out', async () => {
    const typed = await mock('response/wrong-type/DC.response.200.hosted_connect.vlan');
    expect(typeof ((await updateConnect(typed)).json as { hosted_connect: { vlan: unknown } }).hosted_connect.vlan).toBe('string');
    const untyped = await mock('response/content-type-missing/DC.response.400');
    const rejected = await updateConnect(untyped, { json: { hosted_connect: {} } });
    expect([rejected.status, rejected.contentType]).toEqual([400, '']);
    expect((await updateConnect(untyped)).contentType).toMatch(/^application\/json/);
  });

  it('robustness: a line break in a valid value answered 500; requests close together for one resource answered 500', async () => {
    const [bad, good] = [await mock('robustness/5xx-on-line-break/DC'), await mock()];
    expect((await updateConnect(bad, { json: { hosted_connect: { description: 'two\nlines' } } })).status).toBe(500);
    expect((await updateConnect(bad, { json: { hosted_connect: { description: 'one line' } } })).status).toBe(200);
    expect((await updateConnect(good, { json: { hosted_connect: { description: 'two\nlines' } } })).status).toBe(200);
    const overlapping = await mock('robustness/5xx-on-overlap/DC');
    const statuses = (await Promise.all(Array.from({ length: 8 }, () => updateConnect(overlapping)))).map((a) => a.status);
    expect(statuses).toContain(500);
    expect((await Promise.all(Array.from({ length: 8 }, () => updateConnect(good)))).map((a) => a.status)).toEqual(Array(8).fill(200));
  });

  it('path: an id of an unexpected shape answered 500; %2F and %3F decoded before routing reach the real resource', async () => {
    const [shape, good] = [await mock('path/5xx-on-unexpected-shape/DC.path.project_id'), await mock()];
    const project = good.fixtures.project_id;
    const id = good.fixtures.hosted_connect_id;
    expect((await updateConnect(shape, { projectId: `${project.slice(0, -1)}é` })).status).toBe(500);
    expect((await updateConnect(shape)).status).toBe(200);
    expect((await updateConnect(good, { projectId: `${project.slice(0, -1)}é` })).status).toBe(400);
    const empty = await mock('path/5xx-on-empty/HCX.path.applianceId');
    expect((await call(empty, '/hybridity/api/interconnect/appliances//upgrade', { method: 'POST', headers: { 'x-hm-authorization': empty.token } })).status).toBe(500);
    expect(Math.floor((await call(good, '/hybridity/api/interconnect/appliances//upgrade', { method: 'POST', headers: { 'x-hm-authorization': good.token } })).status / 100)).toBe(4);
    const overlong = await mock('path/5xx-on-overlong/DC.path.hosted_connect_id');
    expect((await updateConnect(overlong, { hostedConnectId: 'a'.repeat(4096) })).status).toBe(500);
    expect((await updateConnect(good, { hostedConnectId: 'a'.repeat(4096) })).status).toBe(400);
    const separator = await mock('path/decoded-separator/DC');
    const traversal = `00000000-0000-0000-0000-000000000000/../${id}`;
    expect((await updateConnect(separator, { hostedConnectId: traversal })).status).toBe(200);
    expect((await updateConnect(separator, { projectId: `0605767b6a00d5b12f8dc00e4d5c2cd1/../${project}` })).status).toBe(200);
    expect((await updateConnect(good, { hostedConnectId: traversal })).status).toBe(400);
    expect((await updateConnect(good, { projectId: `0605767b6a00d5b12f8dc00e4d5c2cd1/../${project}` })).status).toBe(400);
    const query = await mock('path/decoded-query/DC');
    expect((await updateConnect(query, { hostedConnectId: `${id}?` })).status).toBe(200);
    expect((await updateConnect(good, { hostedConnectId: `${id}?` })).status).toBe(400);
    // Only where the path ends in the parameter: HCX's path goes on after the appliance id.
    expect(mutants.map((m) => m.id)).not.toContain('path/decoded-query/HCX');
    expect(mutants.map((m) => m.id)).not.toContain('path/5xx-on-empty/DC.path.hosted_connect_id');
  });

  it('every mutant starts a server that answers', async () => {
    // One request each: a mutant whose hooks cannot be built, or that breaks routing, shows here.
    for (const m of mutants.filter((_, i) => i % 17 === 0)) {
      const server = await mock(m.id);
      expect((await call(server, '/no/such/path')).status).toBe(404);
      await server.close();
    }
  });
});

describe('npm run mock -- --mutant / --list-mutants', () => {
  const io = (): MockCliIo & { text: () => string; errors: () => string } => {
    let out = '';
    let err = '';
    return { out: (t) => void (out += t), err: (t) => void (err += t), stopped: () => Promise.resolve('SIGTERM'), text: () => out, errors: () => err };
  };

  it('--list-mutants prints one line per mutant, id first', async () => {
    const cli = io();
    expect(await mockCli(['--list-mutants'], cli)).toBe(0);
    const lines = cli.text().trim().split('\n');
    expect(lines).toHaveLength(mutants.length);
    expect(lines[0]!.split('  ')[0]).toBe(mutants[0]!.id);
  });

  it('--mutant starts the mutant; an unknown id is one error line and exit 2', async () => {
    const started = io();
    expect(await mockCli(['--mutant', 'credential/presence-only/DC.auth'], started)).toBe(0);
    expect(started.text()).toContain('(mutant: credential/presence-only/DC.auth)');
    const unknown = io();
    expect(await mockCli(['--mutant', 'nope'], unknown)).toBe(2);
    expect(unknown.errors()).toMatch(/^mock: unknown mutant "nope"; .* \[CONF_ERR_CONFIG\]\n$/);
  });
});

describe('task mutants, from the links of the document', () => {
  const taskStates = async (server: MockServer, body?: string): Promise<string[]> => {
    const started = await upgrade(server, body === undefined ? {} : { body, headers: { 'x-hm-authorization': server.token, 'content-type': 'application/json' } });
    const id = (started.json as { data?: { interconnectTaskId?: string } } | undefined)?.data?.interconnectTaskId ?? 'none';
    const out = [`${started.status}`];
    for (let i = 0; i < 2; i += 1) {
      const task = await call(server, `/hybridity/api/interconnect/tasks/${id}`, { headers: { 'x-hm-authorization': server.token } });
      out.push(`${task.status} ${(task.json as { data?: { status?: string } } | undefined)?.data?.status ?? ''}`.trim());
    }
    return out;
  };
  const slowMock = async (mutant?: string): Promise<MockServer> => {
    // A task that takes a minute: its states while it runs, with nothing waiting for them.
    const server = await startMockServer({ token: 'the-correct-token-0123456789', taskDurationMs: 60_000, ...(mutant ? { mutant } : {}) });
    servers.push(server);
    return server;
  };

  it('generates one per task-like link and operator, targeting the link', () => {
    expect(mutants.filter((m) => m.family === 'task').map((m) => m.id)).toEqual([
      'task/never-ends/HCX.response.202.links.interconnectTask',
      'task/unknown-id/HCX.response.202.links.interconnectTask',
      'task/states-backwards/HCX.response.202.links.interconnectTask',
      'task/late-failure/HCX.response.202.links.interconnectTask',
    ]);
    // The task operation itself is only reached through the link: it gets no mutant of its own.
    expect(mutants.some((m) => m.operationId === 'getInterconnectTask')).toBe(false);
  });

  it('the correct mock runs the task forward; unknown-id answers 404; states-backwards goes back', async () => {
    expect(await taskStates(await slowMock())).toEqual(['202', '200 QUEUED', '200 QUEUED']);
    expect(await taskStates(await slowMock('task/unknown-id/HCX.response.202.links.interconnectTask'))).toEqual(['202', '404', '404']);
    expect(await taskStates(await slowMock('task/states-backwards/HCX.response.202.links.interconnectTask'))).toEqual(['202', '200 RUNNING', '200 QUEUED']);
  });

  it('never-ends stays running after its duration; late-failure accepts a malformed body and fails its task', async () => {
    const instant = async (mutant?: string): Promise<MockServer> => {
      const server = await startMockServer({ token: 'the-correct-token-0123456789', taskDurationMs: 0, ...(mutant ? { mutant } : {}) });
      servers.push(server);
      return server;
    };
    expect(await taskStates(await instant())).toEqual(['202', '200 SUCCESS', '200 SUCCESS']);
    expect(await taskStates(await instant('task/never-ends/HCX.response.202.links.interconnectTask'))).toEqual(['202', '200 RUNNING', '200 RUNNING']);
    expect(await taskStates(await instant(), '[{}')).toEqual(['400', '404', '404']);
    expect(await taskStates(await instant('task/late-failure/HCX.response.202.links.interconnectTask'), '[{}')).toEqual(['202', '200 FAILED', '200 FAILED']);
  });
});
