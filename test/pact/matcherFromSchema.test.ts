import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MatchersV3 } from '@pact-foundation/pact';
import { integerRangePattern } from '../../contracts/integerRangePattern.ts';
import { matcherFromSchema } from '../../contracts/matcherFromSchema.ts';

describe('integerRangePattern', () => {
  it('accepts exactly the integers of the range', () => {
    const bound = fc.option(fc.integer({ min: -100_000, max: 100_000 }), { nil: undefined });
    fc.assert(
      fc.property(bound, bound, fc.integer({ min: -200_000, max: 200_000 }), (a, b, n) => {
        const [lo, hi] = a !== undefined && b !== undefined && a > b ? [b, a] : [a, b];
        const pattern = integerRangePattern(lo, hi);
        if (lo === undefined && hi === undefined) return pattern === undefined;
        const inRange = (lo === undefined || n >= lo) && (hi === undefined || n <= hi);
        return new RegExp(pattern!).test(String(n)) === inRange;
      }),
      { seed: 7, numRuns: 2000 },
    );
  });

  it('covers the documented bounds of vlan and bandwidth', () => {
    const vlan = new RegExp(integerRangePattern(0, 3999)!);
    expect([0, 441, 3999].map((n) => vlan.test(String(n)))).toEqual([true, true, true]);
    expect([-1, 4000, 10000].map((n) => vlan.test(String(n)))).toEqual([false, false, false]);
    const bandwidth = new RegExp(integerRangePattern(2, 400000)!);
    expect([1, 2, 400000, 400001].map((n) => bandwidth.test(String(n)))).toEqual([false, true, true, false]);
  });
});

describe('matcherFromSchema', () => {
  it('matches a string by its enum, its pattern or its length limits', () => {
    expect(matcherFromSchema({ type: 'string', enum: ['ACTIVE', 'DOWN'] }, 'ACTIVE')).toEqual(MatchersV3.regex('^(ACTIVE|DOWN)$', 'ACTIVE'));
    expect(matcherFromSchema({ type: 'string', pattern: '^[0-9]+$' }, '12')).toEqual(MatchersV3.regex('^[0-9]+$', '12'));
    expect(matcherFromSchema({ type: 'string', minLength: 36, maxLength: 36 }, 'x'.repeat(36))).toEqual(MatchersV3.regex('^[\\s\\S]{36,36}$', 'x'.repeat(36)));
    expect(matcherFromSchema({ type: 'string' }, 'free')).toEqual(MatchersV3.string('free'));
  });

  it('matches an integer by type and, when bounded, by its range', () => {
    expect(matcherFromSchema({ type: 'integer' }, 5)).toEqual({ 'pact:matcher:type': 'integer', value: 5 });
    expect(matcherFromSchema({ type: 'integer', minimum: 0, maximum: 3999 }, 441)).toEqual({
      'pact:matcher:type': [{ 'pact:matcher:type': 'integer' }, { 'pact:matcher:type': 'regex', regex: integerRangePattern(0, 3999) }],
      value: 441,
    });
  });

  it("keeps the example's required keys, walks nested objects, and matches arrays by item shape with no minimum", () => {
    const schema = {
      type: 'object',
      required: ['flag', 'items'],
      properties: {
        flag: { type: 'boolean' },
        items: { type: 'array', items: { type: 'object', required: ['code'], properties: { code: { type: 'string' } } } },
      },
    };
    const matcher = matcherFromSchema(schema, { flag: true, items: [], extra: 1 }) as Record<string, unknown>;
    expect(matcher['flag']).toEqual(MatchersV3.boolean(true));
    expect(matcher['items']).toEqual(MatchersV3.atLeastLike({ code: MatchersV3.string('abcdef01') }, 0, 1));
    // A member only the example shows is not one the page promises.
    expect(Object.keys(matcher)).toEqual(['flag', 'items']);
  });

  it('holds only what the page states: members its required names, limits of page provenance', () => {
    const schema = {
      type: 'object',
      required: ['id', 'status'],
      'x-provenance': { required: 'reading' },
      properties: {
        id: { type: 'string' },
        status: { type: 'string', enum: ['ACTIVE', 'DOWN'] },
        nested: { type: 'object', required: ['code'], 'x-provenance': 'page', properties: { code: { type: 'integer', minimum: 0, maximum: 9, 'x-provenance': { maximum: 'convention' } } } },
      },
    };
    // `required` read into the page: a provider may leave the members out, so none is expected.
    expect(matcherFromSchema(schema, { id: 'a', status: 'ACTIVE' })).toEqual({});
    const stated = { ...schema, required: ['status', 'nested'], 'x-provenance': { enum: 'reading' } };
    const matcher = matcherFromSchema(stated, { id: 'a', status: 'ACTIVE', nested: { code: 3 } }) as Record<string, unknown>;
    expect(Object.keys(matcher)).toEqual(['status', 'nested']);
    // An enum read into the page: the type only.
    expect(matcher['status']).toEqual(MatchersV3.string('ACTIVE'));
    // A stated minimum with a conventional maximum: the range regex holds the minimum alone.
    expect((matcher['nested'] as Record<string, unknown>)['code']).toEqual({
      'pact:matcher:type': [{ 'pact:matcher:type': 'integer' }, { 'pact:matcher:type': 'regex', regex: integerRangePattern(0, undefined) }],
      value: 3,
    });
  });

  it('leaves values that already are matchers alone', () => {
    const echo = MatchersV3.fromProviderState('${id}', 'abc');
    expect((matcherFromSchema({ type: 'object', properties: { id: { type: 'string' } } }, { id: echo }) as Record<string, unknown>)['id']).toBe(echo);
  });
});
