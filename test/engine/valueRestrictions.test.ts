import { beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig, validateConfigObject } from '../../src/config/resolveConfig.ts';
import type { ConformanceConfig } from '../../src/config/ConformanceConfig.ts';
import { ConfigError } from '../../src/errors/ConformanceError.ts';
import type { PlannedRequest } from '../../src/model/Case.ts';
import { loadSpecs } from '../../src/openapi/loadSpecs.ts';
import type { Spec } from '../../src/openapi/Spec.ts';
import { valueAt } from '../../src/openapi/pointer.ts';
import { finiteRequestDomain } from '../../src/plan/finiteRequestDomain.ts';
import { requestFingerprint } from '../../src/plan/requestFingerprint.ts';
import { randomRequestAt, sampleRandomCases } from '../../src/engine/exploreRandom.ts';
import { executeCase } from '../../src/engine/executeCase.ts';
import { Planner } from '../../src/engine/Planner.ts';
import type { RunContext } from '../../src/engine/RunContext.ts';
import type { PreparedOperation } from '../../src/engine/PreparedOperation.ts';
import { prepareOperations } from '../../src/engine/prepareOperations.ts';

const FIXTURES = { applianceId: '20ef77b0-2a69-4a4e-9a8a-2ac5a4f0c1d3', project_id: '6fbe9263116a4b68818cf1edce16bc4f', hosted_connect_id: '0278b472-ffa5-4eb3-8c0d-979d479f8ef6' };
const HCX = 'upgradeInterconnectAppliance';
const DC = 'updateHostedConnect';

let specs: Spec[];
beforeAll(async () => {
  specs = await loadSpecs();
});

function prepare(flags: Partial<ConformanceConfig>, file: Parameters<typeof resolveConfig>[0] = {}): Record<string, PreparedOperation> {
  const config = resolveConfig(file, { target: 'http://127.0.0.1:1', ...flags });
  return Object.fromEntries(prepareOperations(specs, config, undefined).map((p) => [p.operation.operationId, p]));
}

function everyRequest(prepared: PreparedOperation, runs = 60): PlannedRequest[] {
  const plan = new Planner(1).plan(prepared, FIXTURES);
  return [...plan.cases, ...sampleRandomCases(prepared, FIXTURES, 1, runs).map((c) => c.testCase)].map((c) => c.request);
}

describe('value restrictions', () => {
  it('without one, HCX sends force=true and force=truf (the restriction below has something to remove)', () => {
    const forces = new Set(everyRequest(prepare({})[HCX]!).map((r) => r.query['force']));
    expect(forces).toContain('true');
    expect(forces).toContain('truf');
  });

  it('--only-value force=false: no planned, boundary, negative or random case sends another force (not even an invalid one such as truf); the excluded ones are dropped with the reason', () => {
    const hcx = prepare({ onlyValues: { force: ['false'] } })[HCX]!;
    const forces = new Set(everyRequest(hcx).map((r) => r.query['force']));
    expect([...forces].filter((f) => f !== undefined)).toEqual(['false']);
    const dropped = new Planner(1).plan(hcx, FIXTURES).dropped;
    const excluded = dropped.filter((d) => d.reason.includes('--only-value force allows only false'));
    expect(excluded.map((d) => d.case.request.query['force']).sort()).toEqual(expect.arrayContaining(['TRUE', 'true', 'truf']));
    expect(excluded.some((d) => d.case.intent.kind === 'invalid')).toBe(true);
    // Another input's negative cases still run, with an allowed force.
    expect(new Planner(1).plan(hcx, FIXTURES).cases.some((c) => c.intent.kind === 'invalid' && 'constraintId' in c.intent && c.intent.constraintId === 'HCX.query.method.enum')).toBe(true);
  });

  it('a body member restricted in the config file: the base request is rebuilt with the allowed value, never dropped', () => {
    const dc = prepare({}, { operations: { [DC]: { values: { '/hosted_connect/name': ['conn-a', 'conn-b'] } } } })[DC]!;
    const plan = new Planner(1).plan(dc, FIXTURES);
    const base = plan.cases[0]!;
    expect(base.intent.kind).toBe('valid');
    expect(valueAt((base.request.body as { json: unknown }).json, '/hosted_connect/name')).toBe('conn-a');
    const names = new Set(everyRequest(dc).flatMap((r) => (r.body && 'json' in r.body ? [valueAt(r.body.json, '/hosted_connect/name')] : [])));
    names.delete(undefined);
    expect([...names].sort()).toEqual(['conn-a', 'conn-b']);
  });

  it('is checked against the document before anything is sent: an unknown input, a value the document forbids', () => {
    expect(() => prepare({ onlyValues: { forse: ['false'] } })).toThrow(ConfigError);
    expect(() => prepare({ onlyValues: { forse: ['false'] } })).toThrow(/--only-value forse: no operation of this run has an input "forse"/);
    expect(() => prepare({ onlyValues: { force: ['maybe'] } })).toThrow(/--only-value force: the document does not allow force=maybe .*HCX\.query\.force\.enum/);
    expect(() => prepare({}, { operations: { [DC]: { values: { '/hosted_connect/bandwidth': [1] } } } })).toThrow(/bandwidth=1 .*DC\.body\.hosted_connect\.bandwidth\.minimum/);
    expect(() => prepare({}, { operations: { [HCX]: { values: { bandwidth: [10] } } } })).toThrow(
      /operations\.upgradeInterconnectAppliance\.values\.bandwidth: upgradeInterconnectAppliance has no input "bandwidth"/,
    );
    // The brief's own form: force: [false] (a boolean) for a text parameter, sent as "false".
    expect(prepare({}, { operations: { [HCX]: { values: { force: [false] } } } })[HCX]!.restrictions?.[0]?.allowed).toEqual(['false']);
    // A command-line value of a body member that is a number is read as JSON.
    expect(prepare({ onlyValues: { '/hosted_connect/bandwidth': ['10'] } })[DC]!.restrictions?.[0]?.allowed).toEqual([10]);
  });
});

describe('the last gate', () => {
  it('a case from elsewhere (the corpus, a replay) that carries an excluded value is not sent', async () => {
    const hcx = prepare({ onlyValues: { force: ['false'] } })[HCX]!;
    const unrestricted = new Planner(1).plan(prepare({})[HCX]!, FIXTURES).cases.find((c) => c.request.query['force'] === 'true')!;
    const context = { fixtures: FIXTURES, runner: { send: () => Promise.reject(new Error('sent')) } } as unknown as RunContext;
    const result = await executeCase(unrestricted, hcx, context);
    expect(result).toMatchObject({ status: 'not-run', reason: 'not sent: it sends force=true, and --only-value force allows only false' });
  });
});

describe('skipChecks drops the cases only the skipped checks judge', () => {
  it('auth-required: no no-credential or wrong-credential case; not-found: no unknown-resource case; each dropped with its reason', () => {
    const kinds = (p: PreparedOperation): Set<string> => new Set(new Planner(1).plan(p, FIXTURES).cases.map((c) => c.intent.kind));
    expect([...kinds(prepare({})[DC]!)]).toEqual(expect.arrayContaining(['no-auth', 'wrong-auth', 'unknown-resource']));
    const skipped = prepare({}, { operations: { [DC]: { skipChecks: ['auth-required', 'not-found'] } } })[DC]!;
    const plan = new Planner(1).plan(skipped, FIXTURES);
    for (const kind of ['no-auth', 'wrong-auth', 'unknown-resource']) expect(kinds(skipped).has(kind)).toBe(false);
    expect(plan.dropped.filter((d) => d.reason === 'only skipped checks judge it (skipChecks: auth-required)').length).toBeGreaterThan(0);
    expect(plan.dropped.some((d) => d.reason === 'only skipped checks judge it (skipChecks: not-found)')).toBe(true);
    // Valid cases stay: other checks (response-schema, echo) are planned for them too.
    expect(kinds(prepare({}, { operations: { [DC]: { skipChecks: ['positive-acceptance'] } } })[DC]!).has('valid')).toBe(true);
  });
});

describe('random valid requests', () => {
  it('are never sent twice in a run, nor repeat a planned case', () => {
    const hcx = prepare({})[HCX]!;
    const planned = new Set(new Planner(1).plan(hcx, FIXTURES).cases.map((c) => requestFingerprint(c.request)));
    const random = sampleRandomCases(hcx, FIXTURES, 1, 25).map((c) => requestFingerprint(c.testCase.request));
    expect(random.length).toBeGreaterThan(10);
    expect(new Set(random).size).toBe(random.length);
    expect(random.filter((f) => planned.has(f))).toEqual([]);
  });

  it('a finite domain no larger than --runs is listed once, each combination replayable by its id', () => {
    const hcx = prepare({ onlyValues: { force: ['false'], local: ['false'] } })[HCX]!;
    // force {false, absent} x local {false, absent} x method {legacy, inService, absent} x body {[{}], absent} = 24.
    const listed = sampleRandomCases(hcx, FIXTURES, 1, 25);
    expect(listed.every((c) => c.listed && /:c\d+$/.test(c.testCase.id))).toBe(true);
    const planned = new Planner(1)
      .plan(hcx, FIXTURES)
      .cases.filter((c) => c.intent.kind === 'valid' || c.intent.kind === 'boundary')
      .map((c) => requestFingerprint(c.request));
    const domain = finiteRequestDomain(hcx.operation, { seed: 1, fixtures: FIXTURES, restrictions: hcx.restrictions! })!.map(requestFingerprint);
    expect(domain).toHaveLength(24);
    const sent = listed.map((c) => requestFingerprint(c.testCase.request));
    // Each combination once: listed, or already sent by the deterministic plan.
    expect(new Set(sent).size).toBe(sent.length);
    expect(sent.filter((f) => planned.includes(f))).toEqual([]);
    expect(domain.every((f) => sent.includes(f) || planned.includes(f))).toBe(true);
    const one = listed[3]!;
    expect(randomRequestAt(hcx, FIXTURES, 1, one.testCase.id.split(':').at(-1)!)).toEqual(one.testCase.request);
    // Fewer runs than combinations: sampled (fast-check paths), still without repeats.
    const sampled = sampleRandomCases(hcx, FIXTURES, 1, 10);
    expect(sampled.every((c) => !c.listed)).toBe(true);
    expect(new Set(sampled.map((c) => requestFingerprint(c.testCase.request))).size).toBe(sampled.length);
  });
});

describe('the config schema validates the new keys', () => {
  it('maxAccepted, onlyValues and operations.X.values: errors name the key; good ones pass', () => {
    expect(() => validateConfigObject({ maxAccepted: 0 }, 'config file c.yaml')).toThrow(/config file c\.yaml: maxAccepted must be >= 1/);
    expect(() => validateConfigObject({ onlyValues: { force: [] } }, 'config file c.yaml')).toThrow(/onlyValues\.force/);
    expect(() => validateConfigObject({ operations: { [HCX]: { values: { force: 'false' } } } }, 'config file c.yaml')).toThrow(
      /operations\.upgradeInterconnectAppliance\.values\.force must be array/,
    );
    expect(validateConfigObject({ maxAccepted: 3, onlyValues: { force: ['false'] }, operations: { [HCX]: { values: { force: [false] } } } }, 'c')).toMatchObject({ maxAccepted: 3 });
    expect(() => resolveConfig({}, { maxAccepted: 0 })).toThrow(/--max-accepted must be >= 1/);
  });
});
