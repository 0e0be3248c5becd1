import { beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../../src/model/Case.ts';
import type { DroppedCase } from '../../src/plan/DroppedCase.ts';
import { classifyRequest } from '../../src/plan/classifyRequest.ts';
import { baseRequest } from '../../src/plan/baseRequest.ts';
import { inputFacts } from '../../src/plan/pairwiseDrafts.ts';
import { planCases } from '../../src/plan/planCases.ts';
import { requestFingerprint } from '../../src/plan/requestFingerprint.ts';
import { isPathValueCase } from '../../src/plan/pathValueDrafts.ts';
import { FIXTURES, loadPlanSubjects, type PlanSubject } from './subjects.ts';

let subjects: Awaited<ReturnType<typeof loadPlanSubjects>>;
beforeAll(async () => {
  subjects = await loadPlanSubjects();
});

function plan(s: PlanSubject, seed = 42, fixtures: Record<string, string> = FIXTURES): { cases: Case[]; dropped: DroppedCase[] } {
  const dropped: DroppedCase[] = [];
  const cases = planCases(s.operation, s.constraints, s.validators, { seed, fixtures, onDropped: (d) => dropped.push(d) });
  return { cases, dropped };
}

const codePoints = (text: unknown): number => [...(text as string)].length;
/** A path parameter's edge or odd shape (src/plan/pathValueDrafts.ts), not the plain unknown-resource or other-owner case. */
const isPathValue = isPathValueCase;
const invalidFor = (cases: Case[], id: string): Case[] => cases.filter((c) => c.intent.kind === 'invalid' && c.intent.constraintId === id);
const boundaryFor = (cases: Case[], id: string): Case[] => cases.filter((c) => c.intent.kind === 'boundary' && c.intent.constraintId === id);
const hostedConnect = (c: Case): Record<string, unknown> => (c.request.body as { json: { hosted_connect: Record<string, unknown> } }).json.hosted_connect;

/** Request constraints of the shipped documents that can be broken on the wire, one invalid case each (or more). */
const BREAKABLE: Record<'hcx' | 'dc', string[]> = {
  hcx: ['HCX.query.force.enum', 'HCX.query.local.enum', 'HCX.query.method.enum', 'HCX.body.json'],
  dc: [
    'DC.path.hosted_connect_id.minLength',
    'DC.path.hosted_connect_id.maxLength',
    'DC.body.required',
    'DC.body.json',
    'DC.body.type',
    'DC.body.hosted_connect.required',
    'DC.body.hosted_connect.type',
    'DC.body.hosted_connect.atLeastOne',
    'DC.body.hosted_connect.name.type',
    'DC.body.hosted_connect.name.maxLength',
    'DC.body.hosted_connect.description.type',
    'DC.body.hosted_connect.description.maxLength',
    'DC.body.hosted_connect.bandwidth.type',
    'DC.body.hosted_connect.bandwidth.minimum',
    'DC.body.hosted_connect.bandwidth.maximum',
    'DC.body.hosted_connect.peer_location.type',
    'DC.body.hosted_connect.peer_location.maxLength',
  ],
};

describe.each(['hcx', 'dc', 'widgets'] as const)('planCases on %s', (name) => {
  it('re-validates every case: valid ones validate, invalid ones fail only on their own constraint', () => {
    const s = subjects[name];
    const { cases } = plan(s);
    expect(cases.length).toBeGreaterThan(5);
    for (const c of cases) {
      const verdict = classifyRequest(s.constraints, s.validators, c.request);
      if (c.intent.kind === 'invalid') expect(verdict, c.id).toEqual({ valid: false, constraintIds: [c.intent.constraintId] });
      // An odd shape of a path id may break the id's rules: any refusal is right for it.
      else if (!c.id.includes(':odd-')) expect(verdict, c.id).toEqual({ valid: true });
    }
  });

  it('orders valid/boundary, invalid, auth, unknown-resource, other owner, the state sequence', () => {
    const rank = { valid: 0, boundary: 0, invalid: 1, 'no-auth': 2, 'wrong-auth': 2, 'unknown-resource': 3, 'other-owner': 4, observed: 6 } as const;
    const ranks = plan(subjects[name])
      .cases.filter((c) => c.sequence === undefined)
      .map((c) => rank[c.intent.kind]);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    // Only a document that names an owner parameter (Huawei's project_id) gets the other-owner case.
    expect(new Set(ranks)).toEqual(new Set(subjects[name].operation.hints.ownerParameter ? [0, 1, 2, 3, 4] : [0, 1, 2, 3]));
  });

  it('gives unique ids and is deterministic for a seed; another seed changes ids, not boundary values', () => {
    const s = subjects[name];
    const a = plan(s, 7).cases;
    expect(plan(s, 7).cases).toEqual(a);
    expect(new Set(a.map((c) => c.id)).size).toBe(a.length);
    const b = plan(s, 8).cases;
    expect(b.map((c) => c.id)).toEqual(a.map((c) => c.id.replace(/@7$/, '@8')));
    // Only the made-up ids (an unknown resource, another owner) and the state sequence's values are drawn from the seed.
    const requests = (cases: Case[]) => cases.filter((c) => c.intent.kind !== 'unknown-resource' && c.intent.kind !== 'other-owner' && c.sequence === undefined).map((c) => c.request);
    expect(requests(b)).toEqual(requests(a));
    const unknown = (cases: Case[]) => cases.find((c) => c.intent.kind === 'unknown-resource')!.request.pathParams;
    expect(unknown(b)).not.toEqual(unknown(a));
  });

  it('has a passing boundary case for every non-credential length, number and enum constraint outside the path', () => {
    const s = subjects[name];
    const { cases } = plan(s);
    const wanted = s.constraints.filter((c) => ['minLength', 'maxLength', 'minimum', 'maximum', 'enum'].includes(c.kind) && !c.credential && c.where !== 'path' && c.where !== 'response');
    expect(wanted.length).toBeGreaterThan(0);
    for (const c of wanted) expect(boundaryFor(cases, c.id).length, c.id).toBeGreaterThan(0);
  });

  it('adds no-auth and wrong-auth cases on the auth constraint and an unknown resource that is not a fixture', () => {
    const s = subjects[name];
    const { cases } = plan(s);
    const auth = s.constraints.find((c) => c.kind === 'auth')!;
    // The rule's cases, the copies that meet further contexts aside.
    const own = cases.filter((c) => !/-(context-\d+|base)@/.test(c.id));
    expect(own.filter((c) => c.intent.kind === 'no-auth').map((c) => [c.request.auth, 'constraintId' in c.intent && c.intent.constraintId])).toEqual([['none', auth.id]]);
    // A wholly different credential, then the near misses careless comparison lets through.
    expect(own.filter((c) => c.intent.kind === 'wrong-auth').map((c) => [c.request.auth, c.request.wrongAs])).toEqual([
      ['wrong', undefined],
      ['wrong', 'last-changed'],
      ['wrong', 'truncated'],
      ['wrong', 'extended'],
      ['wrong', 'other-case'],
      ['wrong', 'empty'],
    ]);
    // In the base request and in each valid context of the optional inputs.
    const unknown = cases.filter((c) => c.intent.kind === 'unknown-resource' && !isPathValue(c));
    expect(unknown.length).toBeGreaterThan(1);
    expect(new Set(unknown.map((c) => c.request.pathParams[s.operation.hints.resourceParameter!])).size).toBe(1);
    const resource = s.operation.hints.resourceParameter!;
    expect(Object.values(FIXTURES)).not.toContain(unknown[0]!.request.pathParams[resource]);
    expect(unknown[0]!.request.path).toContain(encodeURIComponent(unknown[0]!.request.pathParams[resource]!));
  });
});

describe.each(['hcx', 'dc'] as const)('acceptance on the shipped %s document', (name) => {
  it('yields an invalid case for every breakable request constraint, and only those', () => {
    const { cases, dropped } = plan(subjects[name]);
    expect(dropped).toEqual([]);
    const broken = [...new Set(cases.flatMap((c) => (c.intent.kind === 'invalid' ? [c.intent.constraintId] : [])))];
    expect(broken.sort()).toEqual([...BREAKABLE[name]].sort());
  });
});

describe('Huawei DC values', () => {
  it('uses the documented example as the base body and the fixtures as path params', () => {
    const s = subjects.dc;
    const base = plan(s).cases[0]!;
    expect(base.intent.kind).toBe('valid');
    expect(base.request.body).toEqual({ json: s.operation.requestBody!.examples[0] });
    expect(base.request.body).toEqual({ json: { hosted_connect: { name: 'client-dc-faf1', description: '' } } });
    expect(base.request.path).toBe(`/v3/${FIXTURES.project_id}/dcaas/hosted-connects/${FIXTURES.hosted_connect_id}`);
    expect(base.request).toMatchObject({ method: 'PUT', query: {}, headers: {}, auth: 'configured' });
    expect(base.needsFixture).toBe(false);
  });

  it('puts name at 0 and exactly 64 characters (ASCII, wide, astral, control whitespace, decomposed), sends non-ASCII within 64 bytes, and breaks it at 65', () => {
    const { cases } = plan(subjects.dc);
    const max = boundaryFor(cases, 'DC.body.hosted_connect.name.maxLength');
    expect(max.map((c) => codePoints(hostedConnect(c).name))).toEqual([64, 64, 64, 64, 64]);
    // The plain boundary is ASCII: 64 code points, 64 UTF-16 units and 64 bytes alike.
    const text = hostedConnect(max[0]!).name as string;
    expect(Buffer.byteLength(text)).toBe(64);
    const wide = cases.filter((c) => c.intent.kind === 'valid' && c.intent.label.startsWith('hosted_connect.name non-ASCII'));
    expect(wide).toHaveLength(1);
    const wideName = hostedConnect(wide[0]!).name as string;
    expect(wideName).toMatch(/[^\x00-\x7f]/);
    expect(wideName).toMatch(/\p{Extended_Pictographic}/u);
    expect(Buffer.byteLength(wideName)).toBeLessThanOrEqual(64);
    expect(boundaryFor(cases, 'DC.body.hosted_connect.name.minLength').map((c) => hostedConnect(c).name)).toEqual(['']);
    const over = invalidFor(cases, 'DC.body.hosted_connect.name.maxLength');
    // One over the limit, and far over it.
    expect(over.map((c) => codePoints(hostedConnect(c).name))).toEqual([65, 65, 65, 65, 640]);
    expect(over.map((c) => c.id.replace(/^.*:/, ''))).toEqual(['length-65@42', 'length-65-padded@42', 'length-65-spaced@42', 'length-65-decomposed@42', 'length-640@42']);
    expect(invalidFor(cases, 'DC.body.hosted_connect.description.maxLength').map((c) => codePoints(hostedConnect(c).description))).toEqual([129, 129, 129, 129, 1280]);
    expect(invalidFor(cases, 'DC.body.hosted_connect.peer_location.maxLength').map((c) => codePoints(hostedConnect(c).peer_location))).toEqual([256, 256, 256, 256, 2550]);
  });

  it('puts bandwidth at 2 and 400000, and breaks it with the values careless code lets through', () => {
    const { cases } = plan(subjects.dc);
    const bandwidth = (list: Case[]) => list.map((c) => hostedConnect(c).bandwidth);
    expect(bandwidth(boundaryFor(cases, 'DC.body.hosted_connect.bandwidth.minimum'))).toEqual([2]);
    expect(bandwidth(boundaryFor(cases, 'DC.body.hosted_connect.bandwidth.maximum'))).toEqual([400000]);
    expect(bandwidth(invalidFor(cases, 'DC.body.hosted_connect.bandwidth.minimum'))).toEqual([1, 0, -1, -(2 ** 31) - 1]);
    expect(bandwidth(invalidFor(cases, 'DC.body.hosted_connect.bandwidth.maximum'))).toEqual([400001, 2 ** 31, Number.MAX_SAFE_INTEGER]);
    expect(bandwidth(invalidFor(cases, 'DC.body.hosted_connect.bandwidth.type'))).toEqual([10.5, '10', 'invalid-value', true, null, [], {}]);
    // Each value is named in its case id.
    expect(invalidFor(cases, 'DC.body.hosted_connect.bandwidth.type').map((c) => c.id.split(':')[3]!.split('@')[0])).toEqual([
      'fraction',
      'number-as-string',
      'string',
      'boolean',
      'null',
      'array',
      'object',
    ]);
  });

  it('breaks hosted_connect_id at 35 and 37 chars from the real id, and has no path boundary case', () => {
    const { cases } = plan(subjects.dc);
    const short = invalidFor(cases, 'DC.path.hosted_connect_id.minLength')[0]!.request.pathParams.hosted_connect_id!;
    const long = invalidFor(cases, 'DC.path.hosted_connect_id.maxLength')[0]!.request.pathParams.hosted_connect_id!;
    expect([short.length, long.length]).toEqual([35, 37]);
    expect(FIXTURES.hosted_connect_id.startsWith(short)).toBe(true);
    expect(long.startsWith(FIXTURES.hosted_connect_id)).toBe(true);
    expect(invalidFor(cases, 'DC.path.hosted_connect_id.maxLength')[0]!.request.path.endsWith(`/${long}`)).toBe(true);
    expect(cases.filter((c) => c.intent.kind === 'boundary' && c.intent.constraintId.startsWith('DC.path.'))).toEqual([]);
  });

  it('covers the at-least-one group: each member alone passes, none fails on the group only', () => {
    const { cases } = plan(subjects.dc);
    expect(boundaryFor(cases, 'DC.body.hosted_connect.atLeastOne').map((c) => Object.keys(hostedConnect(c)))).toEqual([['name'], ['description'], ['bandwidth'], ['peer_location']]);
    expect(invalidFor(cases, 'DC.body.hosted_connect.atLeastOne').map((c) => hostedConnect(c))).toEqual([{}, { unknown_field: 'x' }]);
  });

  it('never sends an oversize credential (only a wrong one), and sends malformed JSON and no body', () => {
    const { cases } = plan(subjects.dc);
    // An over-long token is just a wrong token, and a front proxy may refuse the header first.
    expect(invalidFor(cases, 'DC.header.X-Auth-Token.maxLength')).toEqual([]);
    expect(cases.filter((c) => c.intent.kind === 'wrong-auth' && c.request.wrongAs === undefined)).toHaveLength(1);
    expect(cases.filter((c) => c.intent.kind === 'wrong-auth').every((c) => Object.keys(c.request.headers).length === 0)).toBe(true);
    const raw = invalidFor(cases, 'DC.body.json')[0]!.request.body as { raw: string };
    expect(() => JSON.parse(raw.raw)).toThrow();
    expect(raw.raw.startsWith('{"hosted_connect":')).toBe(true);
    expect(invalidFor(cases, 'DC.body.required')[0]!.request.body).toBeUndefined();
    expect(cases.some((c) => c.intent.kind === 'boundary' && c.intent.constraintId.startsWith('DC.header.'))).toBe(false);
  });
});

describe('pairwise coverage of optional inputs', () => {
  it('HCX: every pair of values of two of force, local, method and the body appears in a valid case', () => {
    // A pairwise draft that repeats another valid case (the body absent) is that case, planned once.
    const cases = plan(subjects.hcx).cases.filter((c) => c.intent.kind === 'valid');
    const options: Record<string, ReadonlyArray<string | undefined>> = { force: [undefined, 'true', 'false'], local: [undefined, 'true', 'false'], method: [undefined, 'legacy', 'inService'] };
    const valueOf = (c: Case, input: string): string | undefined => (input === 'body' ? (c.request.body === undefined ? undefined : 'sent') : c.request.query[input]);
    const all = { ...options, body: [undefined, 'sent'] };
    const names = Object.keys(all);
    for (const [i, x] of names.entries()) {
      for (const y of names.slice(i + 1)) {
        for (const a of all[x as keyof typeof all])
          for (const b of all[y as keyof typeof all])
            expect(
              cases.some((c) => valueOf(c, x) === a && valueOf(c, y) === b),
              `${x}=${a} with ${y}=${b}`,
            ).toBe(true);
      }
    }
    // Far fewer cases than every combination (3 × 3 × 3 × 2 = 54).
    expect(cases.filter((c) => c.id.includes(':pairwise-')).length).toBeLessThan(16);
  });

  it('plans no valid request twice', () => {
    for (const s of [subjects.hcx, subjects.dc, subjects.widgets]) {
      const valid = plan(s)
        .cases.filter((c) => c.intent.kind === 'valid')
        .map((c) => requestFingerprint(c.request));
      expect(new Set(valid).size).toBe(valid.length);
    }
  });

  it('DC: every pair of present/absent among the four updatable fields, always with at least one of them', () => {
    const cases = plan(subjects.dc).cases.filter((c) => c.id.includes(':pairwise-'));
    const fields = ['name', 'description', 'bandwidth', 'peer_location'];
    for (const c of cases) expect(fields.some((f) => f in hostedConnect(c))).toBe(true);
    for (const [i, x] of fields.entries()) {
      for (const y of fields.slice(i + 1)) {
        for (const a of [true, false])
          for (const b of [true, false]) {
            if (!a && !b && fields.length === 2) continue;
            expect(
              cases.some((c) => x in hostedConnect(c) === a && y in hostedConnect(c) === b),
              `${x}:${a} ${y}:${b}`,
            ).toBe(true);
          }
      }
    }
    // Text fields carry what people type: spaces, quotes, accents, emoji; within the limit in UTF-8 bytes.
    const names = cases.map((c) => hostedConnect(c).name).filter((n): n is string => typeof n === 'string');
    expect(names.some((n) => / /.test(n) && /[^\x00-\x7f]/.test(n))).toBe(true);
    for (const n of names) expect(Buffer.byteLength(n)).toBeLessThanOrEqual(64);
  });
});

describe('the resource under another owner', () => {
  it('keeps the existing resource and puts another well-formed project id in front of it', () => {
    const cases = plan(subjects.dc).cases.filter((c) => c.intent.kind === 'other-owner' && !isPathValue(c));
    expect(cases).toHaveLength(1);
    const params = cases[0]!.request.pathParams;
    expect(params.hosted_connect_id).toBe(FIXTURES.hosted_connect_id);
    expect(params.project_id).not.toBe(FIXTURES.project_id);
    // Shaped like the real one: 32 lowercase hex characters.
    expect(params.project_id).toMatch(/^[0-9a-f]{32}$/);
    expect(cases[0]!.needsFixture).toBe(true);
  });

  it('is planned only where the document names an owner parameter, and only with the owner known', () => {
    expect(plan(subjects.hcx).cases.filter((c) => c.intent.kind === 'other-owner')).toEqual([]);
    const { project_id: _unknown, ...rest } = FIXTURES;
    expect(plan(subjects.dc, 42, rest).cases.filter((c) => c.intent.kind === 'other-owner')).toEqual([]);
  });
});

describe('HCX values', () => {
  it('uses the documented [{}] body, tries every query enum value, the absent body and foreign values', () => {
    const { cases } = plan(subjects.hcx);
    expect(cases[0]!.request.body).toEqual({ json: [{}] });
    expect(cases[0]!.request.query).toEqual({});
    expect(cases.find((c) => c.intent.kind === 'valid' && c.intent.label === 'body absent')!.request.body).toBeUndefined();
    expect(boundaryFor(cases, 'HCX.query.method.enum').map((c) => c.request.query)).toEqual([{ method: 'legacy' }, { method: 'inService' }]);
    // Other letter case, padding, extended, truncated, one letter off, empty, a plain word: what a lenient comparison lets in.
    expect(invalidFor(cases, 'HCX.query.force.enum').map((c) => c.request.query.force)).toEqual(['TRUE', 'FALSE', ' true ', 'truex', 'tru', 'truf', '', 'invalid-value']);
    expect(invalidFor(cases, 'HCX.query.method.enum').map((c) => c.request.query.method)).toEqual([
      'LEGACY',
      'INSERVICE',
      'inservice',
      'INsERVICE',
      ' legacy ',
      'legacyx',
      'legac',
      'legacz',
      '',
      'invalid-value',
    ]);
    // An empty path segment would address another route: no case breaks a path parameter's presence.
    expect(invalidFor(cases, 'HCX.path.applianceId.required')).toEqual([]);
  });
});

describe('fixtures and dropped cases', () => {
  it('marks needsFixture and prints a schema-valid placeholder when a path id has no fixture', () => {
    const s = subjects.dc;
    const { cases } = plan(s, 1, {});
    const base = cases[0]!;
    expect(base.needsFixture).toBe(true);
    expect(base.request.pathParams.hosted_connect_id).toHaveLength(36);
    expect(classifyRequest(s.constraints, s.validators, base.request)).toEqual({ valid: true });
  });

  it('drops (and reports) a case that does not classify as intended, e.g. a documented example that does not validate', () => {
    const s = subjects.dc;
    const body = s.operation.requestBody!;
    const operation = { ...s.operation, requestBody: { ...body, examples: [...body.examples, { hosted_connect: { bandwidth: 1 } }] } };
    const dropped: DroppedCase[] = [];
    const cases = planCases(operation, s.constraints, s.validators, { seed: 1, fixtures: FIXTURES, onDropped: (d) => dropped.push(d) });
    expect(dropped.map((d) => [d.case.intent.label, d.brokenConstraintIds])).toEqual([['documented example 2', ['DC.body.hosted_connect.bandwidth.minimum']]]);
    expect(cases.some((c) => c.intent.kind === 'valid' && c.intent.label === 'documented example 2')).toBe(false);
  });

  it('drops invalid cases of the test document that cannot break one constraint alone', () => {
    const { dropped } = plan(subjects.widgets, 1);
    // A 6-char or 10-char sku cannot match the pattern; a numeric unit also leaves the enum.
    expect([...new Set(dropped.map((d) => 'constraintId' in d.case.intent && d.case.intent.constraintId))].sort()).toEqual([
      'W.body.part.dims.unit.type',
      'W.body.part.sku.maxLength',
      'W.body.part.sku.minLength',
    ]);
    for (const d of dropped) expect(d.reason).toMatch(/breaks .*pattern|breaks .*enum/);
  });
});

describe('rules in contexts', () => {
  /** The facts about optional inputs (absent, present, which listed value) the cases of one rule meet. */
  const metBy = (name: 'hcx' | 'dc', constraintId: string): { met: Set<string>; all: Set<string> } => {
    const s = subjects[name];
    const { cases } = plan(s);
    const facts = inputFacts(s.operation, baseRequest(s.operation, s.validators, { fixtures: FIXTURES }));
    const all = new Set(cases.filter((c) => c.intent.kind === 'valid').flatMap((c) => facts(c.request)));
    return { met: new Set(invalidFor(cases, constraintId).flatMap((c) => facts(c.request))), all };
  };

  it('breaks a rule with every other input absent, present and at each listed value', () => {
    const { met, all } = metBy('hcx', 'HCX.body.json');
    expect(all).toContain('force=true');
    // The body it breaks is always there; every other input meets it absent, present and at each value.
    expect([...all].filter((f) => !met.has(f))).toEqual(['body:absent']);
  });

  it('breaks a body member rule with each other member absent and present', () => {
    const { met, all } = metBy('dc', 'DC.body.hosted_connect.name.maxLength');
    const others = [...all].filter((f) => !f.startsWith('hosted_connect.name'));
    expect(others).toContain('hosted_connect.bandwidth:absent');
    expect(others).toContain('hosted_connect.bandwidth:present');
    expect(others.filter((f) => !met.has(f))).toEqual([]);
  });

  it('names each extra context in its case id and keeps the ids unique', () => {
    const { cases } = plan(subjects.hcx);
    const copies = invalidFor(cases, 'HCX.body.json').filter((c) => /-(context-\d+|base)@/.test(c.id));
    expect(copies.length).toBeGreaterThan(0);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  });
});
