import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../src/errors/ConformanceError.ts';
import { loadSpecs } from '../../src/openapi/loadSpecs.ts';
import { OperationValidators } from '../../src/validation/OperationValidators.ts';
import { FAULTS } from '../../mock/faults.ts';
import { listFaults } from '../../mock/listFaults.ts';
import { resolveFault } from '../../mock/resolveFault.ts';
import type { MockServer } from '../../mock/MockOptions.ts';
import { startMockServer } from '../../mock/startMockServer.ts';
import { call, updateConnect, upgrade, type Answer } from './calls.ts';

let correct: MockServer;
let hcx: OperationValidators;
let dc: OperationValidators;

beforeAll(async () => {
  // Tasks end at once: one appliance takes upgrade after upgrade.
  correct = await startMockServer({ token: 'correct-token', taskDurationMs: 0 });
  const operations = (await loadSpecs()).flatMap((s) => s.operations);
  hcx = new OperationValidators(operations.find((o) => o.operationId === 'upgradeInterconnectAppliance')!);
  dc = new OperationValidators(operations.find((o) => o.operationId === 'updateHostedConnect')!);
});
afterAll(() => correct.close());

const json = (a: Answer): Record<string, any> => a.json as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- test-only navigation of answers

function schemaValid(validators: OperationValidators, a: Answer): boolean {
  return /^application\/json/.test(a.contentType) && validators.validateResponse(a.status, a.json)?.valid === true;
}

// What the correct server answers.
function hcx202(a: Answer, s: MockServer): void {
  expect(a.status).toBe(202);
  expect(schemaValid(hcx, a)).toBe(true);
  expect(json(a)['data'].applianceId).toBe(s.fixtures.applianceId);
  expect(typeof json(a)['data'].interconnectTaskId).toBe('string');
}
function hcx400(a: Answer): void {
  expect(a.status).toBe(400);
  expect(schemaValid(hcx, a)).toBe(true);
}
function dc200(a: Answer, s: MockServer, sent?: Record<string, unknown>): void {
  expect(a.status).toBe(200);
  expect(schemaValid(dc, a)).toBe(true);
  expect(json(a)['hosted_connect'].id).toBe(s.fixtures.hosted_connect_id);
  if (sent) expect(json(a)['hosted_connect']).toMatchObject(sent);
}
function dc400(code: string): (a: Answer) => void {
  return (a) => {
    expect(a.status).toBe(400);
    expect(schemaValid(dc, a)).toBe(true);
    expect(json(a)['error_code']).toBe(code);
  };
}

// Representative requests a faulty server must still answer correctly.
const controls = {
  hcxValid: async (s: MockServer) => hcx202(await upgrade(s), s),
  hcxBadForce: async (s: MockServer) => hcx400(await upgrade(s, { query: 'force=maybe' })),
  hcxBadMethod: async (s: MockServer) => hcx400(await upgrade(s, { query: 'method=fast' })),
  hcxNoAuth: async (s: MockServer) => expect((await upgrade(s, { headers: {} })).status).toBe(401),
  hcxUnknown: async (s: MockServer) => expect((await upgrade(s, { applianceId: 'no-such-appliance' })).status).toBe(404),
  dcValid: async (s: MockServer) => dc200(await updateConnect(s, { json: { hosted_connect: { name: 'control' } } }), s, { name: 'control' }),
  dcLongName: async (s: MockServer) => dc400('DC.0001')(await updateConnect(s, { json: { hosted_connect: { name: 'n'.repeat(66) } } })),
  dcBandwidth0: async (s: MockServer) => dc400('DC.0001')(await updateConnect(s, { json: { hosted_connect: { bandwidth: 0 } } })),
  dcNoAuth: async (s: MockServer) => expect((await updateConnect(s, { headers: { 'content-type': 'application/json' } })).status).toBe(401),
  dcUnknown: async (s: MockServer) => dc400('DC.0002')(await updateConnect(s, { hostedConnectId: '11111111-2222-4333-8444-555555555555' })),
};
type Control = keyof typeof controls;

interface FaultCase {
  /** The request the profile is about. */
  readonly send: (s: MockServer) => Promise<Answer>;
  /** How the faulty server answers it. */
  readonly faulty: (a: Answer, s: MockServer) => void;
  /** How the correct server answers it. */
  readonly correct: (a: Answer, s: MockServer) => void;
  /** Other behaviour the profile must leave alone. */
  readonly controls: readonly Control[];
}

const hcxAccepted = (a: Answer, s: MockServer): void => hcx202(a, s);

/**
 * An upgrade and three answers of its task (the servers' tasks end at once), as one answer whose `json`
 * lists the upgrade's status and each task answer's status and state.
 */
async function upgradeAndPoll(s: MockServer, options: Parameters<typeof upgrade>[1] = {}): Promise<Answer> {
  const started = await upgrade(s, options);
  const id = (started.json as { data?: { interconnectTaskId?: string } } | undefined)?.data?.interconnectTaskId ?? 'none';
  const polls: string[] = [];
  for (let i = 0; i < 3; i += 1) {
    const task = await call(s, `/hybridity/api/interconnect/tasks/${id}`, { headers: { 'x-hm-authorization': s.token } });
    polls.push(`${task.status} ${(task.json as { data?: { status?: string } } | undefined)?.data?.status ?? ''}`.trim());
  }
  return { ...started, json: { upgrade: started.status, polls } };
}
const taskEnds = (a: Answer): void => expect(json(a)).toEqual({ upgrade: 202, polls: ['200 SUCCESS', '200 SUCCESS', '200 SUCCESS'] });
const MALFORMED = { body: '[{}', headers: { 'x-hm-authorization': 'fault-token', 'content-type': 'application/json' } };
const dcAccepted = (a: Answer): void => {
  expect(a.status).toBe(200);
  expect(json(a)['request_id']).toMatch(/^[0-9a-f]{32}$/);
};
const name = (n: number): { json: unknown } => ({ json: { hosted_connect: { name: 'n'.repeat(n) } } });

const CASES: Record<string, FaultCase> = {
  'hcx-accept-bad-force': { send: (s) => upgrade(s, { query: 'force=maybe' }), faulty: hcxAccepted, correct: hcx400, controls: ['hcxValid', 'hcxBadMethod'] },
  'hcx-accept-bad-local': { send: (s) => upgrade(s, { query: 'local=maybe' }), faulty: hcxAccepted, correct: hcx400, controls: ['hcxValid', 'hcxBadForce'] },
  'hcx-accept-bad-method': { send: (s) => upgrade(s, { query: 'method=fast' }), faulty: hcxAccepted, correct: hcx400, controls: ['hcxValid', 'hcxBadForce'] },
  'hcx-reject-inservice': { send: (s) => upgrade(s, { query: 'method=inService' }), faulty: hcx400, correct: hcxAccepted, controls: ['hcxValid', 'hcxBadMethod'] },
  'hcx-accept-malformed-json': { send: (s) => upgrade(s, { body: '[{' }), faulty: hcxAccepted, correct: hcx400, controls: ['hcxValid', 'hcxBadForce'] },
  'hcx-200-instead-of-202': {
    send: (s) => upgrade(s),
    faulty: (a) => {
      expect(a.status).toBe(200);
      expect(hcx.validateResponse(202, a.json)?.valid).toBe(true);
    },
    correct: hcxAccepted,
    controls: ['hcxBadForce', 'hcxUnknown'],
  },
  'hcx-ignore-auth': { send: (s) => upgrade(s, { headers: {} }), faulty: hcxAccepted, correct: (a) => expect(a.status).toBe(401), controls: ['hcxValid', 'hcxBadForce'] },
  'hcx-wrong-appliance-echo': {
    send: (s) => upgrade(s),
    faulty: (a, s) => {
      expect(a.status).toBe(202);
      expect(schemaValid(hcx, a)).toBe(true);
      expect(json(a)['data'].applianceId).not.toBe(s.fixtures.applianceId);
    },
    correct: hcxAccepted,
    controls: ['hcxBadForce', 'hcxUnknown'],
  },
  'hcx-no-task-id': {
    send: (s) => upgrade(s),
    faulty: (a) => {
      expect(a.status).toBe(202);
      expect(json(a)['data']).not.toHaveProperty('interconnectTaskId');
      expect(schemaValid(hcx, a)).toBe(false);
    },
    correct: hcxAccepted,
    controls: ['hcxBadForce', 'hcxNoAuth'],
  },
  'hcx-task-never-ends': {
    send: (s) => upgradeAndPoll(s),
    faulty: (a) => expect(json(a)).toEqual({ upgrade: 202, polls: ['200 RUNNING', '200 RUNNING', '200 RUNNING'] }),
    correct: taskEnds,
    controls: ['hcxBadForce', 'hcxNoAuth'],
  },
  'hcx-task-unknown-id': {
    send: (s) => upgradeAndPoll(s),
    faulty: (a) => expect(json(a)).toEqual({ upgrade: 202, polls: ['404', '404', '404'] }),
    correct: taskEnds,
    controls: ['hcxBadForce', 'hcxNoAuth'],
  },
  'hcx-task-backwards': {
    send: (s) => upgradeAndPoll(s),
    faulty: (a) => expect(json(a)).toEqual({ upgrade: 202, polls: ['200 RUNNING', '200 QUEUED', '200 SUCCESS'] }),
    correct: taskEnds,
    controls: ['hcxBadForce', 'hcxNoAuth'],
  },
  'hcx-accept-invalid-body-then-fail': {
    send: (s) => upgradeAndPoll(s, { ...MALFORMED, headers: { ...MALFORMED.headers, 'x-hm-authorization': s.token } }),
    faulty: (a) => expect(json(a)).toEqual({ upgrade: 202, polls: ['200 FAILED', '200 FAILED', '200 FAILED'] }),
    correct: (a) => expect(json(a)).toMatchObject({ upgrade: 400, polls: ['404', '404', '404'] }),
    // A valid upgrade's task still succeeds.
    controls: ['hcxValid', 'hcxBadForce'],
  },
  'hcx-task-id-number': {
    send: (s) => upgrade(s),
    faulty: (a) => {
      expect(a.status).toBe(202);
      expect(typeof json(a)['data'].interconnectTaskId).toBe('number');
      expect(schemaValid(hcx, a)).toBe(false);
    },
    correct: hcxAccepted,
    controls: ['hcxBadForce', 'hcxNoAuth'],
  },
  'hcx-text-error': {
    send: (s) => upgrade(s, { query: 'force=maybe' }),
    faulty: (a) => {
      expect(a.status).toBe(400);
      expect(a.contentType).toMatch(/^text\/plain/);
      expect(a.json).toBeUndefined();
    },
    correct: hcx400,
    controls: ['hcxValid', 'hcxNoAuth'],
  },
  'hcx-bad-error-envelope': {
    send: (s) => upgrade(s, { query: 'force=maybe' }),
    faulty: (a) => {
      expect(a.status).toBe(400);
      expect(a.json).toMatchObject({ message: expect.any(String) });
      expect(a.json).not.toHaveProperty('errors');
    },
    correct: hcx400,
    controls: ['hcxValid', 'hcxNoAuth'],
  },
  'hcx-500-on-force': {
    send: (s) => upgrade(s, { query: 'force=true' }),
    faulty: (a) => expect(a.status).toBe(500),
    correct: hcxAccepted,
    controls: ['hcxValid', 'hcxBadForce'],
  },
  'hcx-unknown-appliance-202': {
    send: (s) => upgrade(s, { applianceId: 'a8f0c2d1-0000-4000-8000-000000000000' }),
    faulty: (a) => {
      expect(a.status).toBe(202);
      expect(json(a)['data'].applianceId).toBe('a8f0c2d1-0000-4000-8000-000000000000');
    },
    correct: (a) => expect(a.status).toBe(404),
    controls: ['hcxValid', 'hcxBadForce'],
  },

  'dc-accept-long-name': { send: (s) => updateConnect(s, name(65)), faulty: dcAccepted, correct: dc400('DC.0001'), controls: ['dcValid', 'dcBandwidth0'] },
  'dc-reject-name-64': { send: (s) => updateConnect(s, name(64)), faulty: dc400('DC.0001'), correct: (a, s) => dc200(a, s, { name: 'n'.repeat(64) }), controls: ['dcValid', 'dcLongName'] },
  'dc-accept-long-description': {
    send: (s) => updateConnect(s, { json: { hosted_connect: { description: 'd'.repeat(129) } } }),
    faulty: dcAccepted,
    correct: dc400('DC.0001'),
    controls: ['dcValid', 'dcLongName'],
  },
  'dc-accept-long-peer-location': {
    send: (s) => updateConnect(s, { json: { hosted_connect: { peer_location: 'p'.repeat(256) } } }),
    faulty: dcAccepted,
    correct: dc400('DC.0001'),
    controls: ['dcValid', 'dcLongName'],
  },
  'dc-accept-bandwidth-1': { send: (s) => updateConnect(s, { json: { hosted_connect: { bandwidth: 1 } } }), faulty: dcAccepted, correct: dc400('DC.0001'), controls: ['dcValid', 'dcBandwidth0'] },
  'dc-accept-bandwidth-400001': {
    send: (s) => updateConnect(s, { json: { hosted_connect: { bandwidth: 400001 } } }),
    faulty: dcAccepted,
    correct: dc400('DC.0001'),
    controls: ['dcValid', 'dcBandwidth0'],
  },
  'dc-accept-fractional-bandwidth': {
    send: (s) => updateConnect(s, { json: { hosted_connect: { bandwidth: 2.5 } } }),
    faulty: dcAccepted,
    correct: dc400('DC.0001'),
    controls: ['dcValid', 'dcBandwidth0'],
  },
  'dc-accept-empty-update': { send: (s) => updateConnect(s, { json: { hosted_connect: {} } }), faulty: dcAccepted, correct: dc400('DC.0001'), controls: ['dcValid', 'dcLongName'] },
  'dc-update-counts-keys': {
    send: (s) => updateConnect(s, { json: { hosted_connect: { unknown_field: 'x' } } }),
    faulty: dcAccepted,
    correct: dc400('DC.0001'),
    controls: ['dcValid', 'dcLongName'],
  },
  'dc-lenient-id-length': {
    send: (s) => updateConnect(s, { hostedConnectId: s.fixtures.hosted_connect_id.slice(0, 35) }),
    faulty: dcAccepted,
    correct: dc400('DC.0001'),
    controls: ['dcValid', 'dcUnknown'],
  },
  'dc-accept-malformed-json': { send: (s) => updateConnect(s, { raw: '{"hosted_connect":' }), faulty: dcAccepted, correct: dc400('DC.0001'), controls: ['dcValid', 'dcLongName'] },
  'dc-ignore-auth': {
    send: (s) => updateConnect(s, { headers: { 'content-type': 'application/json' } }),
    faulty: dcAccepted,
    correct: (a) => expect(a.status).toBe(401),
    controls: ['dcValid', 'dcLongName'],
  },
  'dc-vlan-4000': {
    send: (s) => updateConnect(s),
    faulty: (a) => {
      expect(a.status).toBe(200);
      expect(json(a)['hosted_connect'].vlan).toBe(4000);
      expect(schemaValid(dc, a)).toBe(false);
    },
    correct: (a, s) => dc200(a, s),
    controls: ['dcLongName', 'dcUnknown'],
  },
  'dc-status-outside-enum': {
    send: (s) => updateConnect(s),
    faulty: (a) => {
      expect(json(a)['hosted_connect'].status).toBe('RUNNING');
      expect(schemaValid(dc, a)).toBe(false);
    },
    correct: (a, s) => dc200(a, s),
    controls: ['dcLongName', 'dcNoAuth'],
  },
  'dc-bad-time-format': {
    send: (s) => updateConnect(s),
    faulty: (a) => {
      expect(json(a)['hosted_connect'].apply_time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      expect(schemaValid(dc, a)).toBe(false);
    },
    correct: (a, s) => dc200(a, s),
    controls: ['dcLongName', 'dcUnknown'],
  },
  'dc-missing-request-id': {
    send: (s) => updateConnect(s),
    faulty: (a) => {
      expect(a.status).toBe(200);
      expect(json(a)).not.toHaveProperty('request_id');
      expect(schemaValid(dc, a)).toBe(false);
    },
    correct: (a, s) => dc200(a, s),
    controls: ['dcLongName', 'dcUnknown'],
  },
  'dc-wrong-id-echo': {
    send: (s) => updateConnect(s),
    faulty: (a, s) => {
      expect(schemaValid(dc, a)).toBe(true);
      expect(json(a)['hosted_connect'].id).not.toBe(s.fixtures.hosted_connect_id);
    },
    correct: (a, s) => dc200(a, s),
    controls: ['dcLongName', 'dcUnknown'],
  },
  'dc-update-not-reflected': {
    send: (s) => updateConnect(s, { json: { hosted_connect: { name: 'reflected?', bandwidth: 300 } } }),
    faulty: (a, s) => {
      expect(schemaValid(dc, a)).toBe(true);
      expect(json(a)['hosted_connect'].id).toBe(s.fixtures.hosted_connect_id);
      expect(json(a)['hosted_connect'].name).not.toBe('reflected?');
    },
    correct: (a, s) => dc200(a, s, { name: 'reflected?', bandwidth: 300 }),
    controls: ['dcLongName', 'dcUnknown'],
  },
  'dc-non-json-error': {
    send: (s) => updateConnect(s, name(65)),
    faulty: (a) => {
      expect(a.status).toBe(400);
      expect(a.contentType).toMatch(/^text\/html/);
    },
    correct: dc400('DC.0001'),
    controls: ['dcValid', 'dcNoAuth'],
  },
  'dc-bad-error-envelope': {
    send: (s) => updateConnect(s, name(65)),
    faulty: (a) => {
      expect(a.status).toBe(400);
      expect(json(a)).toHaveProperty('message');
      expect(schemaValid(dc, a)).toBe(false);
    },
    correct: dc400('DC.0001'),
    controls: ['dcValid', 'dcNoAuth'],
  },
  'dc-500-on-bandwidth-max': {
    send: (s) => updateConnect(s, { json: { hosted_connect: { bandwidth: 400000 } } }),
    faulty: (a) => expect(a.status).toBe(500),
    correct: (a, s) => dc200(a, s, { bandwidth: 400000 }),
    controls: ['dcValid', 'dcLongName'],
  },
  'dc-201-instead-of-200': {
    send: (s) => updateConnect(s),
    faulty: (a) => {
      expect(a.status).toBe(201);
      expect(dc.validateResponse(200, a.json)?.valid).toBe(true);
    },
    correct: (a, s) => dc200(a, s),
    controls: ['dcLongName', 'dcUnknown'],
  },
  'hcx-enum-case-insensitive': { send: (s) => upgrade(s, { query: 'method=LEGACY' }), faulty: hcxAccepted, correct: hcx400, controls: ['hcxValid', 'hcxBadMethod', 'hcxBadForce'] },
  'dc-bandwidth-as-string': {
    send: (s) => updateConnect(s, { json: { hosted_connect: { bandwidth: '10' } } }),
    faulty: (a) => {
      dcAccepted(a);
      // Read as the number: the answer shows 10.
      expect(json(a)['hosted_connect'].bandwidth).toBe(10);
    },
    correct: dc400('DC.0001'),
    controls: ['dcValid', 'dcBandwidth0'],
  },
  'dc-falsy-bandwidth-minimum': {
    send: (s) => updateConnect(s, { json: { hosted_connect: { bandwidth: 0 } } }),
    faulty: (a) => {
      dcAccepted(a);
      // Waved through and ignored: the bandwidth stays what it was.
      expect(json(a)['hosted_connect'].bandwidth).not.toBe(0);
    },
    correct: dc400('DC.0001'),
    controls: ['dcValid', 'dcLongName'],
  },
  'dc-any-project': {
    send: (s) => updateConnect(s, { projectId: 'ffffffffffffffffffffffffffffffff', json: { hosted_connect: { name: 'via another project' } } }),
    faulty: dcAccepted,
    correct: dc400('DC.0002'),
    controls: ['dcValid', 'dcUnknown'],
  },
  'dc-unknown-connection-200': {
    send: (s) => updateConnect(s, { hostedConnectId: '11111111-2222-4333-8444-555555555555' }),
    faulty: (a) => {
      expect(a.status).toBe(200);
      expect(json(a)['hosted_connect'].id).toBe('11111111-2222-4333-8444-555555555555');
    },
    correct: dc400('DC.0002'),
    controls: ['dcValid', 'dcLongName'],
  },
};

describe('fault profiles', () => {
  it('the registry, the test table and docs/ARCHITECTURE.md name the same profiles', () => {
    const doc = readFileSync(new URL('../../docs/ARCHITECTURE.md', import.meta.url), 'utf8');
    const section = doc.slice(doc.indexOf('## Embedded mock fault profiles'), doc.indexOf('Misbehaviour modes'));
    const documented = [...section.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]);
    expect(documented.length).toBeGreaterThan(30);
    expect(Object.keys(FAULTS).sort()).toEqual([...documented].sort());
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(FAULTS).sort());
  });

  it('listFaults() describes every profile', () => {
    const list = listFaults();
    expect(list.map((f) => f.name)).toEqual(Object.keys(FAULTS));
    for (const f of list) expect(f.description.length).toBeGreaterThan(5);
  });

  it('an unknown fault name is a ConfigError naming the likely ones', async () => {
    const error = await startMockServer({ fault: 'hcx-accept-force' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain('did you mean hcx-accept-bad-force');
    expect((error as Error).message).toContain('--list-faults');
  });

  describe.each(Object.entries(CASES))('%s', (fault, c) => {
    it('the correct mock answers the request correctly', async () => {
      c.correct(await c.send(correct), correct);
    });

    it('the faulty mock answers it wrongly and still answers the controls correctly', async () => {
      const server = await startMockServer({ fault, token: 'fault-token', taskDurationMs: 0 });
      try {
        c.faulty(await c.send(server), server);
        for (const control of c.controls) await controls[control](server);
      } finally {
        await server.close();
      }
    });
  });
});

describe('an unknown fault profile', () => {
  it('is one short line naming the likely profiles and where to find them all', () => {
    expect(() => resolveFault('vlan-400')).toThrow(/^unknown fault profile "vlan-400"; did you mean dc-vlan-4000(, [a-z0-9-]+)*\? `npm run mock -- --list-faults` lists all \d+$/);
    expect(() => resolveFault('zzz')).toThrow(/^unknown fault profile "zzz"; `npm run mock -- --list-faults` lists all \d+$/);
  });
});
