import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogueOperation } from '../../src/catalogue/buildCatalogue.ts';
import type { Constraint } from '../../src/model/Constraint.ts';
import { loadSpecs } from '../../src/openapi/loadSpecs.ts';
import type { Operation } from '../../src/openapi/Operation.ts';
import type { SchemaNode } from '../../src/openapi/SchemaNode.ts';
import { schemaArbitrary } from '../../src/plan/arbitraries/schemaArbitrary.ts';
import { classifyRequest } from '../../src/plan/classifyRequest.ts';
import { OperationValidators } from '../../src/validation/OperationValidators.ts';
import { validRequestArbitrary } from '../../src/plan/validRequestArbitrary.ts';
import { FIXTURES, loadPlanSubjects } from './subjects.ts';

let subjects: Awaited<ReturnType<typeof loadPlanSubjects>>;
beforeAll(async () => {
  subjects = await loadPlanSubjects();
});

describe.each(['hcx', 'dc', 'widgets'] as const)('validRequestArbitrary on %s', (name) => {
  it('only generates requests that validate against the document', () => {
    const s = subjects[name];
    const arbitrary = validRequestArbitrary(s.operation, { seed: 3, fixtures: FIXTURES });
    fc.assert(
      fc.property(arbitrary, (request) => {
        expect(classifyRequest(s.constraints, s.validators, request)).toEqual({ valid: true });
        expect(request.auth).toBe('configured');
        expect(request.pathParams).toEqual(Object.fromEntries(s.operation.parameters.filter((p) => p.in === 'path').map((p) => [p.name, FIXTURES[p.name as keyof typeof FIXTURES]])));
      }),
      { seed: 11, numRuns: 1500 },
    );
  });

  it('replays: the same seed samples the same requests', () => {
    const s = subjects[name];
    const arbitrary = validRequestArbitrary(s.operation, { seed: 3, fixtures: FIXTURES });
    expect(fc.sample(arbitrary, { seed: 5, numRuns: 20 })).toEqual(fc.sample(validRequestArbitrary(s.operation, { seed: 3, fixtures: FIXTURES }), { seed: 5, numRuns: 20 }));
  });
});

describe('validRequestArbitrary variety', () => {
  it('sends optional query parameters present and absent, with every enum value (HCX)', () => {
    const requests = fc.sample(validRequestArbitrary(subjects.hcx.operation, { seed: 1, fixtures: FIXTURES }), { seed: 2, numRuns: 400 });
    expect(requests.some((r) => r.query.method === undefined)).toBe(true);
    expect(new Set(requests.map((r) => r.query.method).filter(Boolean))).toEqual(new Set(['legacy', 'inService']));
    expect(requests.some((r) => r.body === undefined)).toBe(true);
    expect(requests.some((r) => JSON.stringify(r.body) === JSON.stringify({ json: [{}] }))).toBe(true);
    // x-conformance-examples-only: a body with no documented structure is the documented sample or nothing.
    expect(new Set(requests.map((r) => JSON.stringify(r.body ?? null)))).toEqual(new Set(['null', JSON.stringify({ json: [{}] })]));
  });

  it('always sends at least one member of the at-least-one group, sometimes several, with non-ASCII text (DC)', () => {
    const requests = fc.sample(validRequestArbitrary(subjects.dc.operation, { seed: 1, fixtures: FIXTURES }), { seed: 2, numRuns: 400 });
    const members = requests.map((r) => Object.keys((r.body as { json: { hosted_connect: object } }).json.hosted_connect));
    expect(members.every((m) => m.length >= 1)).toBe(true);
    expect(members.some((m) => m.length >= 2)).toBe(true);
    expect(requests.some((r) => /[^\x00-\x7f]/.test(JSON.stringify(r.body)))).toBe(true);
  });

  it('draws integer query values within their range and pattern-matching strings (test document)', () => {
    const requests = fc.sample(validRequestArbitrary(subjects.widgets.operation, { seed: 1, fixtures: FIXTURES }), { seed: 2, numRuns: 300 });
    const limits = requests
      .map((r) => r.query.limit)
      .filter((v): v is string => v !== undefined)
      .map(Number);
    expect(limits.length).toBeGreaterThan(0);
    expect(limits.every((n) => Number.isInteger(n) && n >= 1 && n <= 50)).toBe(true);
    const skus = requests.map((r) => (r.body as { json: { part: { sku: string } } }).json.part.sku);
    expect(skus.every((s) => /^[A-Z]{3}-[0-9]{3,5}$/.test(s))).toBe(true);
    expect(new Set(skus).size).toBeGreaterThan(10);
  });
});

describe('validRequestArbitrary on the document that uses every keyword', () => {
  const DOC = fileURLToPath(new URL('../keywords/fixtures/every-keyword.openapi.yaml', import.meta.url));
  let thing: { operation: Operation; constraints: readonly Constraint[]; validators: OperationValidators };
  beforeAll(async () => {
    const [operation] = (await loadSpecs([DOC])).flatMap((s) => s.operations);
    thing = { operation: operation!, constraints: catalogueOperation(operation!), validators: new OperationValidators(operation!) };
  });

  it('draws only requests that keep every keyword (multipleOf, uniqueItems, min/maxProperties, dependentRequired...)', () => {
    fc.assert(
      fc.property(validRequestArbitrary(thing.operation, { seed: 1, fixtures: { thingId: 't-1' } }, thing.validators), (request) => {
        expect(classifyRequest(thing.constraints, thing.validators, request)).toEqual({ valid: true });
      }),
      { seed: 7, numRuns: 1500 },
    );
  });

  it('the keyword modules alone draw valid bodies, first time: nothing is drawn again', () => {
    const body = thing.operation.requestBody!.schema;
    const drawn = fc.sample(schemaArbitrary(body), { seed: 3, numRuns: 2000 });
    expect(drawn.filter((value) => !thing.validators.validateBody(value).valid)).toEqual([]);
    // And the draws still vary where the keywords leave room: counts of members and items, the dependent member.
    const objects = drawn as Array<Record<string, unknown>>;
    expect(new Set(objects.map((o) => Object.keys(o).length))).toEqual(new Set([2, 3, 4, 5]));
    expect(new Set(objects.map((o) => (Array.isArray(o['tags']) ? o['tags'].length : 0)))).toEqual(new Set([0, 1, 2, 3]));
    expect(objects.some((o) => 'email' in o)).toBe(true);
    expect(objects.some((o) => 'name' in o && !('email' in o))).toBe(true);
  });

  it('draws as fast whatever the limits: a maxLength of 350000, a maxItems of 100000, a maxProperties of 100000', () => {
    const node: SchemaNode = {
      type: 'object',
      maxProperties: 100000,
      properties: { text: { type: 'string', maxLength: 350000 }, list: { type: 'array', items: { type: 'integer' }, maxItems: 100000, uniqueItems: true } },
    };
    const started = performance.now();
    const drawn = fc.sample(schemaArbitrary(node), { seed: 1, numRuns: 200 });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(JSON.stringify(drawn).length).toBeLessThan(200 * 2000);
  });
});
