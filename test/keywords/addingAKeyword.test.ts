import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Keyword } from '../../src/keywords/Keyword.ts';
import type * as Registry from '../../src/keywords/registry.ts';
import type { SchemaNode } from '../../src/openapi/SchemaNode.ts';

/**
 * docs/ARCHITECTURE.md, "Adding a keyword", done here: a module for `dependentRequired` written in this
 * file (as a contributor writes src/keywords/dependentRequiredKeyword.ts) and one line in the registry are
 * all it takes for a document's rule to be catalogued, kept by random valid requests and broken by a
 * planned case. Its kind is in CONSTRAINT_KINDS and the report schema already (keywords.test.ts keeps the
 * two equal); no other file knows the keyword.
 */
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DOC = fileURLToPath(new URL('./fixtures/every-keyword.openapi.yaml', import.meta.url));
const REGISTRY = '../../src/keywords/registry.ts';
const WALK = ['src/keywords/dependentRequiredKeyword.ts', 'src/keywords/registry.ts', 'src/model/Constraint.ts', 'src/model/report.schema.json'];

type Needs = Record<string, readonly string[]>;
const needsOf = (node: SchemaNode): Needs | undefined => (node['dependentRequired'] as Needs | undefined) ?? undefined;
const smallest = (node: SchemaNode, name: string): unknown => {
  const schema = node.properties?.[name];
  return schema?.enum?.[0] ?? schema?.const ?? (schema?.format === 'email' ? 'a@example.com' : schema?.type === 'integer' ? 3 : 'a');
};
const object = (value: unknown): Record<string, unknown> => (value !== null && typeof value === 'object' && !Array.isArray(value) ? { ...(value as Record<string, unknown>) } : {});

/** A small module: when a member is present, the members it names must be too. */
const smallModule: Keyword = {
  kinds: ['dependentRequired'],
  rules: (node) => (needsOf(node) ? [{ kind: 'dependentRequired', value: needsOf(node), keywordPointer: '/dependentRequired' }] : []),
  boundaries: () => [],
  violations: (rule, site) =>
    Object.entries(rule.value as Needs).map(([member, needed]) => {
      const value = { ...object(site.current), [member]: smallest(site.node, member) };
      for (const name of needed) delete value[name];
      return { variant: `${member}-alone`, label: `with ${member} alone`, value };
    }),
  valid: (node, values, draw) =>
    draw.type !== 'object' || !needsOf(node)
      ? values
      : values.map((drawn) => {
          const out = object(drawn);
          for (const [member, needed] of Object.entries(needsOf(node)!)) if (member in out) for (const name of needed) if (!(name in out)) out[name] = smallest(node, name);
          return out;
        }),
  locate: (issue) => (issue.keyword === 'dependentRequired' ? { kind: 'dependentRequired', target: issue.at } : undefined),
  describe: () => 'lacks a member another one needs',
};

/** The suite's modules as if `registry` were the registry: fresh imports, every one of them seeing it. */
async function withRegistry(edit: (shipped: readonly Keyword[]) => readonly Keyword[]) {
  vi.resetModules();
  vi.doMock(REGISTRY, async () => {
    const actual = await vi.importActual<typeof Registry>(REGISTRY);
    return { keywordRegistry: edit(actual.keywordRegistry.filter((k) => !k.kinds.includes('dependentRequired'))) };
  });
  const { loadSpecs } = await import('../../src/openapi/loadSpecs.ts');
  const { catalogueOperation } = await import('../../src/catalogue/buildCatalogue.ts');
  const { OperationValidators } = await import('../../src/validation/OperationValidators.ts');
  const { validRequestArbitrary } = await import('../../src/plan/validRequestArbitrary.ts');
  const { schemaArbitrary } = await import('../../src/plan/arbitraries/schemaArbitrary.ts');
  const { planCases } = await import('../../src/plan/planCases.ts');
  const { classifyRequest } = await import('../../src/plan/classifyRequest.ts');
  const [operation] = (await loadSpecs([DOC])).flatMap((s) => s.operations);
  const constraints = catalogueOperation(operation!);
  const validators = new OperationValidators(operation!);
  const options = { seed: 1, fixtures: { thingId: 't-1' } };
  return {
    constraints,
    random: () => fc.sample(validRequestArbitrary(operation!, options, validators), { seed: 4, numRuns: 400 }).map((r) => classifyRequest(constraints, validators, r)),
    // The bodies the keyword modules' valid sides draw, before any second draw of a whole request.
    bodyIssues: fc.sample(schemaArbitrary(operation!.requestBody!.schema), { seed: 4, numRuns: 400 }).flatMap((body) => validators.validateBody(body).issues.map((i) => i.keyword)),
    cases: planCases(operation!, constraints, validators, options).map((c) => ({ c, verdict: classifyRequest(constraints, validators, c.request) })),
  };
}

afterAll(() => {
  vi.doUnmock(REGISTRY);
  vi.resetModules();
});

describe('adding a keyword is one module and one line in the registry', () => {
  it('without the module: the rule is not catalogued, and the drawn bodies break it', async () => {
    const { constraints, bodyIssues } = await withRegistry((shipped) => shipped);
    expect(constraints.map((c) => c.kind)).not.toContain('dependentRequired');
    expect(bodyIssues).toContain('dependentRequired');
  });

  it('with it (placed before the member counts, which trim last): catalogued, kept by random requests, broken by a planned case', async () => {
    const { constraints, random, bodyIssues, cases } = await withRegistry((shipped) => {
      const at = shipped.findIndex((k) => k.kinds.includes('maxProperties'));
      return [...shipped.slice(0, at), smallModule, ...shipped.slice(at)];
    });
    expect(constraints.filter((c) => c.kind === 'dependentRequired').map((c) => [c.id, c.value])).toEqual([['K.body.dependentRequired', { email: ['name'] }]]);
    expect(bodyIssues).toEqual([]);
    expect(random().filter((v) => !v.valid)).toEqual([]);
    const planned = cases.filter(({ c }) => c.intent.kind === 'invalid' && c.intent.constraintId === 'K.body.dependentRequired');
    expect(planned.length).toBeGreaterThan(0);
    for (const { verdict } of planned) expect(verdict).toEqual({ valid: false, constraintIds: ['K.body.dependentRequired'] });
  });

  it('no other file of the suite names the keyword', () => {
    const files = ['src', 'mock', 'reporters', 'contracts'].flatMap((dir) => (readdirSync(join(ROOT, dir), { recursive: true }) as string[]).map((f) => join(dir, f).split('\\').join('/')));
    const naming = files.filter((f) => /\.(ts|json)$/.test(f) && readFileSync(join(ROOT, f), 'utf8').includes('dependentRequired'));
    expect(naming.sort()).toEqual([...WALK].sort());
  });
});
