import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogueOperation } from '../../src/catalogue/buildCatalogue.ts';
import type { Case } from '../../src/model/Case.ts';
import type { Operation } from '../../src/openapi/Operation.ts';
import { loadSpecs } from '../../src/openapi/loadSpecs.ts';
import { pathHierarchy } from '../../src/openapi/pathHierarchy.ts';
import { buildPath, encodePathSegment } from '../../src/plan/buildPath.ts';
import { OVERLONG_PATH_VALUE } from '../../src/plan/oddPathValues.ts';
import { isPathValueCase } from '../../src/plan/pathValueDrafts.ts';
import { planCases } from '../../src/plan/planCases.ts';
import { valuesTried } from '../../src/plan/valuesTried.ts';
import { OperationValidators } from '../../src/validation/OperationValidators.ts';
import { FIXTURES, loadPlanSubjects, type PlanSubject } from './subjects.ts';

const TENANTS_DOC = fileURLToPath(new URL('./fixtures/tenants.openapi.yaml', import.meta.url));
const TENANT_FIXTURES = { tenant: 'acme', widgetId: '7d444840-9dc0-11d1-b245-5ffdce74fad2' };

let subjects: Awaited<ReturnType<typeof loadPlanSubjects>>;
let tenants: PlanSubject;
let versions: Operation;
beforeAll(async () => {
  subjects = await loadPlanSubjects();
  const operations = (await loadSpecs([TENANTS_DOC])).flatMap((s) => s.operations);
  const rename = operations.find((o) => o.operationId === 'renameWidget')!;
  tenants = { operation: rename, constraints: catalogueOperation(rename), validators: new OperationValidators(rename) };
  versions = operations.find((o) => o.operationId === 'getThing')!;
});

const plan = (s: PlanSubject, fixtures: Record<string, string> = FIXTURES): Case[] => planCases(s.operation, s.constraints, s.validators, { seed: 3, fixtures });
const variantOf = (c: Case): string => c.id.split(':').at(-1)!.split('@')[0]!;
const oddOf = (cases: Case[], parameter: string): Case[] => cases.filter((c) => variantOf(c).startsWith(`odd-${parameter}-`));

describe('path segments', () => {
  it('percent-encodes a value as one segment, and a value of dots whole, so it is never a dot-segment', () => {
    expect(encodePathSegment('..')).toBe('%2E%2E');
    expect(encodePathSegment('.')).toBe('%2E');
    expect(encodePathSegment('a/../b')).toBe('a%2F..%2Fb');
    expect(encodePathSegment('x?\n\u0000é')).toBe('x%3F%0A%00%C3%A9');
    expect(buildPath('/a/{id}/b', { id: '' })).toBe('/a//b');
  });
});

describe('the path hierarchy', () => {
  it('takes the resource and the owner the document names', () => {
    expect(pathHierarchy(subjects.dc.operation)).toEqual({ resource: 'hosted_connect_id', owner: 'project_id', ownerDeclared: true, resourceDeclared: true, ancestors: ['project_id'] });
    expect(pathHierarchy(subjects.hcx.operation)).toEqual({ resource: 'applianceId', ownerDeclared: false, resourceDeclared: true, ancestors: [] });
  });

  it('reads the owner from the path of a document without x-conformance: the id before the resource, never an enumerated one', () => {
    expect(pathHierarchy(tenants.operation)).toEqual({ resource: 'widgetId', owner: 'tenant', ownerDeclared: false, resourceDeclared: false, ancestors: ['tenant'] });
    expect(pathHierarchy(versions)).toEqual({ resource: 'thingId', ownerDeclared: false, resourceDeclared: false, ancestors: ['version'] });
  });
});

describe('odd shapes of path ids', () => {
  it('sends each id of the Huawei path in every odd shape, as the unknown resource or the resource under another project', () => {
    const cases = plan(subjects.dc);
    const shapes = ['unlike', 'overlong', 'encoded-slash', 'dot-segment', 'encoded-query', 'nul', 'non-ascii', 'line-break'];
    const resource = oddOf(cases, 'hosted_connect_id');
    // The id is the path's last segment: an empty one would name the collection, another route.
    expect(resource.map((c) => variantOf(c).replace('odd-hosted_connect_id-', ''))).toEqual(shapes);
    for (const c of resource) {
      // A 2xx is the not-found rule as the document states it, unless the value carries the real id:
      // then a careless server answered another resource than the id names (robustness).
      const carriesReal = c.request.pathParams.hosted_connect_id!.includes(FIXTURES.hosted_connect_id);
      expect(c.intent).toEqual({ kind: 'unknown-resource', label: expect.stringMatching(/^hosted_connect_id .*: names no resource$/), ...(carriesReal ? { provenance: 'robustness' } : {}) });
      expect(c.request.pathParams.project_id).toBe(FIXTURES.project_id);
    }
    expect(resource.filter((c) => 'provenance' in c.intent).map(variantOf)).toEqual(['odd-hosted_connect_id-encoded-slash', 'odd-hosted_connect_id-encoded-query']);
    const owner = oddOf(cases, 'project_id');
    expect(owner.map((c) => variantOf(c).replace('odd-project_id-', ''))).toEqual([shapes[0], 'empty', ...shapes.slice(1)]);
    for (const c of owner) {
      expect(c.intent).toMatchObject({ kind: 'other-owner', provenance: 'robustness' });
      expect(c.request.pathParams.hosted_connect_id).toBe(FIXTURES.hosted_connect_id);
      expect(c.needsFixture).toBe(true);
    }
    const path = (list: Case[], shape: string): string => list.find((c) => variantOf(c).endsWith(`-${shape}`))!.request.path;
    expect(path(resource, 'encoded-slash')).toMatch(new RegExp(`/hosted-connects/[0-9a-f-]{36}%2F\\.\\.%2F${FIXTURES.hosted_connect_id}$`));
    expect(path(resource, 'dot-segment')).toMatch(/\/hosted-connects\/%2E%2E$/);
    expect(path(resource, 'encoded-query')).toBe(`/v3/${FIXTURES.project_id}/dcaas/hosted-connects/${FIXTURES.hosted_connect_id}%3F`);
    expect(path(owner, 'empty')).toBe(`/v3//dcaas/hosted-connects/${FIXTURES.hosted_connect_id}`);
    expect(path(owner, 'line-break')).toMatch(/^\/v3\/[0-9a-f]{31}%0A\/dcaas\//);
    expect(resource.find((c) => variantOf(c).endsWith('-overlong'))!.request.pathParams.hosted_connect_id).toHaveLength(OVERLONG_PATH_VALUE);
    // Same length as a real id, so a length check lets it reach the lookup.
    expect(resource.find((c) => variantOf(c).endsWith('-non-ascii'))!.request.pathParams.hosted_connect_id).toMatch(/^[0-9a-f-]{35}é$/);
  });

  it('never sends a real id as an odd or edge value, and keeps the cases the plan had before', () => {
    const cases = plan(subjects.dc);
    const values = cases.filter((c) => /:(odd|edge)-/.test(c.id));
    for (const c of values) {
      const changed = c.intent.kind === 'unknown-resource' ? 'hosted_connect_id' : 'project_id';
      expect(Object.values(FIXTURES)).not.toContain(c.request.pathParams[changed]);
    }
    // The rule's edge is another id: the unknown resource judges it.
    expect(values.filter((c) => c.id.includes(':edge-')).map((c) => [variantOf(c), c.intent.kind])).toEqual([['edge-hosted_connect_id-length-36', 'unknown-resource']]);
    expect(cases.filter((c) => c.intent.kind === 'other-owner' && !values.includes(c)).map((c) => c.id)).toEqual(['updateHostedConnect:other-owner:the-resource-under-another-project_id:0@3']);
    // The pacts hold the unknown-resource and other-owner promises once: these repeat them with other ids.
    expect(cases.filter(isPathValueCase)).toEqual(values);
  });

  it('HCX: the appliance id, a segment with more path after it, is also sent empty', () => {
    const odd = oddOf(plan(subjects.hcx), 'applianceId');
    expect(odd.map(variantOf)).toContain('odd-applianceId-empty');
    expect(odd.find((c) => variantOf(c) === 'odd-applianceId-empty')!.request.path).toBe('/hybridity/api/interconnect/appliances//upgrade');
    expect(odd.every((c) => c.intent.kind === 'unknown-resource')).toBe(true);
  });

  it('reads a path without x-conformance as its hierarchy: the owner gets another id, its edges and odd shapes, all readings', () => {
    const cases = plan(tenants, TENANT_FIXTURES);
    const owner = cases.filter((c) => c.intent.kind === 'other-owner');
    expect(owner[0]!.intent).toEqual({ kind: 'other-owner', label: 'the resource under another tenant (the owner as the path reads)', provenance: 'reading' });
    expect(owner.every((c) => c.request.pathParams.widgetId === TENANT_FIXTURES.widgetId && c.request.pathParams.tenant !== 'acme')).toBe(true);
    expect(owner.every((c) => 'provenance' in c.intent && c.intent.provenance === 'reading')).toBe(true);
    expect(owner.filter((c) => c.id.includes(':edge-')).map((c) => c.request.pathParams.tenant!.length)).toEqual([3, 12]);
    expect(oddOf(owner, 'tenant').length).toBeGreaterThan(5);
    // The resource the path only implies gets no odd shapes (a PUT might create it), nor an unknown-resource case.
    expect(cases.filter((c) => c.intent.kind === 'unknown-resource')).toEqual([]);
    // No owner case without the ids of the path known.
    expect(plan(tenants, { tenant: 'acme' }).filter((c) => c.intent.kind === 'other-owner')).toEqual([]);
  });

  it('gives header parameters and a path id with a format their keywords families', () => {
    const cases = plan(tenants, TENANT_FIXTURES);
    const ids = (kind: string, constraintId: string): string[] => cases.filter((c) => c.intent.kind === kind && 'constraintId' in c.intent && c.intent.constraintId === constraintId).map(variantOf);
    expect(ids('boundary', 'renameWidget.header.X-Mode.enum')).toEqual(['value-0', 'value-1']);
    expect(ids('invalid', 'renameWidget.header.X-Mode.enum')).toEqual(expect.arrayContaining(['upper-0', 'empty', 'word']));
    // HTTP trims a header value's surrounding whitespace (RFC 9110 §5.5): " fast " would arrive as fast.
    expect(ids('invalid', 'renameWidget.header.X-Mode.enum')).not.toContain('padded');
    expect(ids('boundary', 'renameWidget.header.X-Request-Id.maxLength')).toEqual(['length-36']);
    expect(ids('invalid', 'renameWidget.header.X-Request-Id.maxLength')).toEqual(expect.arrayContaining(['length-37']));
    expect(ids('invalid', 'renameWidget.path.widgetId.format')).toEqual(expect.arrayContaining(['malformed']));
    // Headers stay what HTTP carries: no line break, no non-ASCII.
    for (const c of cases) for (const value of Object.values(c.request.headers)) expect(value).toMatch(/^[\x20-\x7e]*$/);
  });

  it('lists the values under each path rule and parameter for conformance constraints --values', () => {
    const tried = valuesTried(subjects.dc.operation, subjects.dc.constraints, subjects.dc.validators);
    expect(tried.get('DC.path.hosted_connect_id.minLength')?.boundary).toEqual(['hosted_connect_id length 36 (names no resource)']);
    expect(tried.get('DC.path.project_id.required')?.odd).toEqual(expect.arrayContaining(['project_id empty (an empty segment)', 'project_id as %2E%2E (a dot-segment)']));
    expect(tried.get('DC.body.hosted_connect.name.maxLength')?.odd).toBeUndefined();
  });

  it('keeps the default run small: the odd shapes add one case per shape and path id', () => {
    const count = (s: PlanSubject): number => plan(s).length;
    expect(count(subjects.dc) + count(subjects.hcx)).toBeLessThan(260);
  });
});
