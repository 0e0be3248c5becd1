import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keywordFor } from '../../src/keywords/keywordFor.ts';
import type { ValueSite } from '../../src/keywords/Keyword.ts';
import { locateIssue } from '../../src/keywords/locateIssue.ts';
import { type RawBody } from '../../src/keywords/RawBody.ts';
import { keywordRegistry } from '../../src/keywords/registry.ts';
import { CONSTRAINT_KINDS, type Constraint, type ConstraintKind } from '../../src/model/Constraint.ts';
import type { SchemaNode } from '../../src/openapi/SchemaNode.ts';
import { schemaArbitrary } from '../../src/plan/arbitraries/schemaArbitrary.ts';
import { createAjv } from '../../src/validation/createAjv.ts';
import type { ValidationIssue } from '../../src/validation/ValidationIssue.ts';

const rule = (kind: ConstraintKind, value: unknown, where: Constraint['where'] = 'body'): Constraint => ({
  id: `T.${kind}`,
  operationId: 'op',
  where,
  name: 'x',
  target: '/x',
  pointer: '',
  kind,
  value,
  source: '',
  credential: false,
  provenance: 'page',
});
const site = (node: SchemaNode, current?: unknown, over: Partial<ValueSite> = {}): ValueSite => ({ node, channel: 'text', current, asText: false, ...over });

/** Each sample of a violation family breaks the node's schema, and (for the keyword's own ajv errors) is recognised as that kind. */
function expectAllBreak(node: SchemaNode, kind: ConstraintKind, values: readonly unknown[]): void {
  const validate = createAjv([]).compile(node as object);
  for (const value of values) {
    expect(validate(value), `${JSON.stringify(value)} should break ${kind}`).toBe(false);
    const kinds = (validate.errors ?? []).map((e) => locateIssue({ where: 'body', at: e.instancePath, keyword: e.keyword, params: e.params, schemaPath: e.schemaPath, message: '' })?.kind);
    expect(kinds, JSON.stringify(value)).toContain(kind);
  }
}

describe('the keyword registry', () => {
  it('owns every catalogue kind exactly once (auth aside: the auth cases own credentials)', () => {
    const owned = keywordRegistry.flatMap((k) => k.kinds);
    expect(new Set(owned).size).toBe(owned.length);
    expect([...owned, 'auth'].sort()).toEqual([...CONSTRAINT_KINDS].sort());
  });

  it('the report schema lists the same kinds', () => {
    const schema = JSON.parse(readFileSync(new URL('../../src/model/report.schema.json', import.meta.url), 'utf8')) as { $defs: Record<string, { properties?: { kind?: { enum?: string[] } } }> };
    const kinds = Object.values(schema.$defs)
      .flatMap((d) => d.properties?.kind?.enum ?? [])
      .filter((k) => (CONSTRAINT_KINDS as readonly string[]).includes(k));
    expect([...new Set(kinds)].sort()).toEqual([...CONSTRAINT_KINDS].sort());
  });

  it('recognises ajv issues from keyword and params, never the message', () => {
    const issue = (keyword: string, params: Record<string, unknown>, schemaPath = '#/x'): ValidationIssue => ({ where: 'body', at: '/a', keyword, params, schemaPath, message: 'ignored' });
    expect(locateIssue(issue('required', { missingProperty: 'b/c' }))).toEqual({ kind: 'required', target: '/a/b~1c' });
    expect(locateIssue(issue('required', { missingProperty: 'name' }, '#/anyOf/0/required'))).toEqual({ kind: 'atLeastOne', target: '/a' });
    expect(locateIssue(issue('anyOf', {}))).toEqual({ kind: 'atLeastOne', target: '/a' });
    expect(locateIssue(issue('exclusiveMinimum', { comparison: '>', limit: 1 }))).toEqual({ kind: 'exclusiveMinimum', target: '/a' });
    expect(locateIssue(issue('additionalProperties', { additionalProperty: 'z' }))).toEqual({ kind: 'additionalProperties', target: '/a' });
    expect(locateIssue(issue('json', {}))).toEqual({ kind: 'mediaType', target: '' });
    expect(locateIssue(issue('if', {}))).toBeUndefined();
  });
});

describe('violation families', () => {
  it('integers: the wrong types careless code lets through, and bounds broken by one, zero, a negative, overflows', () => {
    const node: SchemaNode = { type: 'integer', minimum: 2, maximum: 400000 };
    const types = keywordFor('type')!
      .violations(rule('type', 'integer'), site(node))
      .map((s) => s.value);
    expect(types).toEqual([10.5, '10', 'invalid-value', true, null, [], {}]);
    expectAllBreak(node, 'type', types);
    const below = keywordFor('minimum')!
      .violations(rule('minimum', 2), site(node))
      .map((s) => s.value);
    expect(below).toEqual([1, 0, -1, -(2 ** 31) - 1]);
    expectAllBreak(node, 'minimum', below);
    const above = keywordFor('maximum')!
      .violations(rule('maximum', 400000), site(node))
      .map((s) => s.value);
    expect(above).toEqual([400001, 2 ** 31, Number.MAX_SAFE_INTEGER]);
    expectAllBreak(node, 'maximum', above);
  });

  it('parameters travel as text: only a fraction or a word can break a number', () => {
    const samples = keywordFor('type')!.violations(rule('type', 'integer', 'query'), site({ type: 'integer' }, undefined, { asText: true }));
    expect(samples.map((s) => s.value)).toEqual(['10.5', 'invalid-value']);
  });

  it('exclusive bounds: the bound itself is outside; the boundary is the first value inside', () => {
    const node: SchemaNode = { type: 'number', exclusiveMinimum: 100, exclusiveMaximum: 200 };
    const low = keywordFor('exclusiveMinimum')!;
    expect(low.violations(rule('exclusiveMinimum', 100), site(node)).map((s) => s.value)).toEqual([100, 99, 0, -1, -(2 ** 31) - 1]);
    const [edge] = low.boundaries(rule('exclusiveMinimum', 100), site(node)).map((s) => s.value as number);
    expect(edge).toBeGreaterThan(100);
    expect(createAjv([]).compile(node as object)(edge)).toBe(true);
    expectAllBreak(
      node,
      'exclusiveMaximum',
      keywordFor('exclusiveMaximum')!
        .violations(rule('exclusiveMaximum', 200), site(node))
        .map((s) => s.value),
    );
  });

  it('multipleOf: boundaries are multiples inside the range, the violation is not', () => {
    const node: SchemaNode = { type: 'number', minimum: 1, maximum: 2, multipleOf: 0.25 };
    const k = keywordFor('multipleOf')!;
    const validate = createAjv([]).compile(node as object);
    for (const s of k.boundaries(rule('multipleOf', 0.25), site(node))) expect(validate(s.value), String(s.value)).toBe(true);
    expectAllBreak(
      node,
      'multipleOf',
      k.violations(rule('multipleOf', 0.25), site(node)).map((s) => s.value),
    );
  });

  it('strings: valid at the maximum in 3- and 4-byte characters, with control whitespace and decomposed', () => {
    const node: SchemaNode = { type: 'string', maxLength: 64 };
    const samples = keywordFor('maxLength')!.boundaries(rule('maxLength', 64), site(node, 'client-dc'));
    expect(samples.map((s) => [s.variant, [...(s.value as string)].length, s.provenance])).toEqual([
      ['length-64', 64, undefined],
      ['length-64-wide', 64, undefined],
      // UTF-16 counts 128: a refusal is a reading of "characters".
      ['length-64-astral', 64, 'reading'],
      ['length-64-controls', 64, 'reading'],
      ['length-64-combining', 64, undefined],
    ]);
    expect(Buffer.byteLength(samples[1]!.value as string)).toBe(192);
    expect(samples[3]!.value).toMatch(/\t\n/);
    // Header values stay ASCII: only the plain boundary.
    expect(
      keywordFor('maxLength')!
        .boundaries(rule('maxLength', 64), { ...site(node, 'x'), channel: 'ascii' })
        .map((s) => s.variant),
    ).toEqual(['length-64']);
  });

  it('strings: one over the limit and far over it', () => {
    const node: SchemaNode = { type: 'string', maxLength: 64 };
    const samples = keywordFor('maxLength')!.violations(rule('maxLength', 64), site(node, 'client-dc'));
    expect(samples.map((s) => [s.variant, [...(s.value as string)].length, s.provenance])).toEqual([
      ['length-65', 65, undefined],
      // What a normalising server shortens: trimmed (still 65 characters sent: the page's), composed or
      // counted as graphemes (33 characters under that reading of the page's word).
      ['length-65-padded', 65, undefined],
      ['length-65-spaced', 65, undefined],
      ['length-65-decomposed', 65, 'reading'],
      ['length-640', 640, undefined],
    ]);
    expect(samples[1]!.value).toMatch(/^ \S.* $/);
    // A real value stays the prefix.
    expect((samples[0]!.value as string).startsWith('client-dc')).toBe(true);
  });

  it('enums: other letter case, padding, extended, truncated, one letter off, empty, a foreign word; never an allowed value', () => {
    const node: SchemaNode = { type: 'string', enum: ['legacy', 'inService'] };
    const values = keywordFor('enum')!
      .violations(rule('enum', node.enum), site(node))
      .map((s) => s.value);
    expect(values).toEqual(['LEGACY', 'INSERVICE', 'inservice', 'INsERVICE', ' legacy ', 'legacyx', 'legac', 'legacz', '', 'invalid-value']);
    expectAllBreak(node, 'enum', values);
    expect(
      keywordFor('const')!
        .violations(rule('const', 'hosted'), site({ const: 'hosted' }))
        .map((s) => s.value),
    ).toContain('HOSTED');
  });

  it('arrays and objects: sizes, duplicates, undocumented members', () => {
    const array: SchemaNode = { type: 'array', items: { type: 'integer', minimum: 0 }, minItems: 1, maxItems: 3, uniqueItems: true };
    expectAllBreak(
      array,
      'minItems',
      keywordFor('minItems')!
        .violations(rule('minItems', 1), site(array))
        .map((s) => s.value),
    );
    expectAllBreak(
      array,
      'maxItems',
      keywordFor('maxItems')!
        .violations(rule('maxItems', 3), site(array))
        .map((s) => s.value),
    );
    expectAllBreak(
      array,
      'uniqueItems',
      keywordFor('uniqueItems')!
        .violations(rule('uniqueItems', true), site(array))
        .map((s) => s.value),
    );
    const closed: SchemaNode = { type: 'object', properties: { a: { type: 'string' } }, additionalProperties: false };
    expectAllBreak(
      closed,
      'additionalProperties',
      keywordFor('additionalProperties')!
        .violations(rule('additionalProperties', false), site(closed, { a: 'x' }))
        .map((s) => s.value),
    );
    const sized: SchemaNode = { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' }, c: { type: 'string' } }, minProperties: 2, maxProperties: 2 };
    expectAllBreak(
      sized,
      'minProperties',
      keywordFor('minProperties')!
        .violations(rule('minProperties', 2), site(sized, { a: 'x', b: 'y' }))
        .map((s) => s.value),
    );
    expectAllBreak(
      sized,
      'maxProperties',
      keywordFor('maxProperties')!
        .violations(rule('maxProperties', 2), site(sized, { a: 'x', b: 'y' }))
        .map((s) => s.value),
    );
  });

  it('bodies: truncated and trailing text always; an empty body only where a body is required', () => {
    const k = keywordFor('mediaType')!;
    const optional = k.violations(rule('mediaType', 'application/json'), site({}, { a: 1 }, { bodyRequired: false }));
    expect(optional.map((s) => s.variant)).toEqual(['truncated', 'trailing-text']);
    for (const s of optional) expect(() => JSON.parse((s.value as RawBody).text)).toThrow();
    expect(k.violations(rule('mediaType', 'application/json'), site({}, { a: 1 }, { bodyRequired: true })).map((s) => s.variant)).toContain('empty');
  });
});

describe('dependentRequired', () => {
  const node: SchemaNode = {
    type: 'object',
    properties: { start: { type: 'string', minLength: 1 }, end: { type: 'string', minLength: 1 }, zone: { type: 'string', enum: ['utc', 'local'] }, note: { type: 'string' } },
    dependentRequired: { end: ['start', 'zone'] },
  };
  const k = keywordFor('dependentRequired')!;
  const stated = rule('dependentRequired', { end: ['start', 'zone'] });

  it('is catalogued once per object, with the map of what each member needs', () => {
    expect(k.rules(node)).toEqual([{ kind: 'dependentRequired', value: { end: ['start', 'zone'] }, keywordPointer: '/dependentRequired' }]);
    expect(k.rules({ type: 'object', dependentRequired: { end: [] } })).toEqual([]);
    expect(k.rules({ type: 'object' })).toEqual([]);
  });

  it('boundaries keep it; each violation leaves out one needed member, and ajv reports it as this rule', () => {
    const validate = createAjv([]).compile(node as object);
    const boundaries = k.boundaries(stated, site(node, { note: 'n' }));
    expect(boundaries.map((s) => Object.keys(s.value as object))).toEqual([['note', 'end', 'start', 'zone']]);
    for (const s of boundaries) expect(validate(s.value)).toBe(true);
    const violations = k.violations(stated, site(node, { note: 'n' }));
    expect(violations.map((s) => s.variant)).toEqual(['end-without-start', 'end-without-zone']);
    expectAllBreak(
      node,
      'dependentRequired',
      violations.map((s) => s.value),
    );
    expect(
      locateIssue({
        where: 'body',
        at: '/x',
        keyword: 'dependentRequired',
        params: { property: 'end', missingProperty: 'zone', deps: 'start, zone', depsCount: 2 },
        schemaPath: '#/dependentRequired',
        message: '',
      }),
    ).toEqual({ kind: 'dependentRequired', target: '/x' });
    expect(k.describe(stated, { end: 'b', start: 'a' })).toBe('has end without zone (dependentRequired)');
  });

  it('valid side: a drawn object with the member gets every member it needs', () => {
    const validate = createAjv([]).compile(node as object);
    const drawn = fc.sample(schemaArbitrary(node), { seed: 2, numRuns: 500 }) as Array<Record<string, unknown>>;
    expect(drawn.filter((v) => !validate(v))).toEqual([]);
    expect(drawn.some((v) => 'end' in v)).toBe(true);
    expect(drawn.some((v) => 'start' in v && !('end' in v))).toBe(true);
  });
});

describe('valid sides: random values keep every keyword', () => {
  const drawnValid = (node: SchemaNode, runs = 400): unknown[] => {
    const validate = createAjv([]).compile(node as object);
    const drawn = fc.sample(schemaArbitrary(node), { seed: 5, numRuns: runs });
    expect(drawn.filter((v) => !validate(v))).toEqual([]);
    return drawn;
  };

  it('every module says how random values keep it', () => {
    for (const keyword of keywordRegistry) expect(typeof keyword.valid, keyword.kinds.join(',')).toBe('function');
  });

  it('uniqueItems: different items, as JSON Schema compares them (members in any order)', () => {
    const drawn = drawnValid({ type: 'array', items: { type: 'object', properties: { a: { type: 'boolean' }, b: { type: 'boolean' } } }, minItems: 2, maxItems: 4, uniqueItems: true }) as unknown[][];
    expect(new Set(drawn.map((v) => v.length))).toEqual(new Set([2, 3, 4]));
    drawnValid({ type: 'array', items: { enum: ['a', 'b', 'c'] }, minItems: 1, uniqueItems: true });
  });

  it('minProperties and maxProperties: members added and trimmed, undocumented ones only where the object is open', () => {
    const drawn = drawnValid({
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'integer' }, c: { type: 'boolean' }, d: { type: 'null' } },
      minProperties: 2,
      maxProperties: 3,
    }) as object[];
    expect(new Set(drawn.map((v) => Object.keys(v).length))).toEqual(new Set([2, 3]));
    drawnValid({ type: 'object', properties: { a: { type: 'string' } }, minProperties: 3 });
    expect(() => schemaArbitrary({ type: 'object', additionalProperties: false, properties: { a: { type: 'string' } }, minProperties: 2 }, 'text', '/x')).toThrow(/\/x: no value satisfies the schema/);
  });

  it('an at-least-one group together with maxProperties: the group member stays, the count is kept', () => {
    drawnValid({
      type: 'object',
      properties: { a: { type: 'string' }, b: { type: 'string' }, c: { type: 'string' }, d: { type: 'string' } },
      anyOf: [{ required: ['c'] }, { required: ['d'] }],
      maxProperties: 2,
    });
  });

  it('enum and const: the listed values of each type branch', () => {
    const drawn = drawnValid({ type: ['string', 'null'], enum: ['x', 'y', null] });
    expect(new Set(drawn)).toEqual(new Set(['x', 'y', null]));
    expect(new Set(drawnValid({ type: ['string', 'integer'], enum: ['x'] }))).toEqual(new Set(['x']));
    expect(new Set(drawnValid({ const: 3 }))).toEqual(new Set([3]));
    expect(() => schemaArbitrary({ type: 'integer', enum: ['x'] }, 'text', '/n')).toThrow(/\/n: no value satisfies the schema/);
  });

  it('multipleOf and numeric formats: multiples inside the range; int32 without a stated range', () => {
    const drawn = drawnValid({ type: 'integer', exclusiveMinimum: 0, maximum: 50, multipleOf: 5 }) as number[];
    expect(drawn.every((n) => n % 5 === 0 && n > 0 && n <= 50)).toBe(true);
    const int32 = drawnValid({ type: 'integer', format: 'int32' }) as number[];
    expect(int32.every((n) => n >= -(2 ** 31) && n < 2 ** 31)).toBe(true);
  });
});
