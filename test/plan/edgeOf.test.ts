import { beforeAll, describe, expect, it } from 'vitest';
import type { Case, PlannedRequest } from '../../src/model/Case.ts';
import { edgeOf } from '../../src/plan/edgeOf.ts';
import { planCases } from '../../src/plan/planCases.ts';
import { FIXTURES, loadPlanSubjects, type PlanSubject } from './subjects.ts';

let subjects: Awaited<ReturnType<typeof loadPlanSubjects>>;
beforeAll(async () => {
  subjects = await loadPlanSubjects();
});

const planOf = (s: PlanSubject, seed = 42): Case[] => planCases(s.operation, s.constraints, s.validators, { seed, fixtures: FIXTURES });
const firstValid = (cases: readonly Case[]): PlannedRequest => cases.find((c) => c.intent.kind === 'valid' && !c.sequence)!.request;
const withHostedConnect = (request: PlannedRequest, members: Record<string, unknown>): PlannedRequest => {
  const json = (request.body as { json: { hosted_connect: Record<string, unknown> } }).json;
  return { ...request, body: { json: { ...json, hosted_connect: { ...json.hosted_connect, ...members } } } };
};

describe('edgeOf: the rule edge a valid request stands for', () => {
  it('finds a value at a range limit, and a text of the limit length whatever its characters', () => {
    const planned = planOf(subjects.dc);
    const edge = edgeOf(subjects.dc.operation, subjects.dc.constraints, planned);
    const base = firstValid(planned);
    expect(edge(withHostedConnect(base, { bandwidth: 400000 }))).toEqual({ constraintId: 'DC.body.hosted_connect.bandwidth.maximum', family: 'at-edge' });
    // The minimum is a planned valid request's own value (its smallest bandwidth): that case's context, no edge.
    const atMinimum = (c: Case): boolean => c.intent.kind === 'valid' && JSON.stringify(c.request.body).includes('"bandwidth":2');
    expect(planned.some(atMinimum)).toBe(true);
    expect(edge(withHostedConnect(base, { bandwidth: 2 }))).toBeUndefined();
    const without = edgeOf(
      subjects.dc.operation,
      subjects.dc.constraints,
      planned.filter((c) => !atMinimum(c)),
    );
    expect(without(withHostedConnect(base, { bandwidth: 2 }))).toEqual({ constraintId: 'DC.body.hosted_connect.bandwidth.minimum', family: 'at-edge' });
    expect(edge(withHostedConnect(base, { name: 'q'.repeat(40) + 'Z'.repeat(24) }))).toEqual({ constraintId: 'DC.body.hosted_connect.name.maxLength', family: 'length' });
    // Inside the limits: no edge.
    expect(edge(withHostedConnect(base, { bandwidth: 399999, name: 'q'.repeat(63) }))).toBeUndefined();
  });

  it('of several edges, takes the first the run prefers (its boundary case failed), else the first in catalogue order', () => {
    const planned = planOf(subjects.dc);
    const minimum = subjects.dc.constraints.find((c) => c.id === 'DC.body.hosted_connect.name.minLength')!.value as number;
    const request = withHostedConnect(firstValid(planned), { name: 'n'.repeat(minimum), bandwidth: 400000 });
    const first = edgeOf(subjects.dc.operation, subjects.dc.constraints, planned)(request);
    expect(first).toEqual({ constraintId: 'DC.body.hosted_connect.name.minLength', family: 'length' });
    const preferred = edgeOf(subjects.dc.operation, subjects.dc.constraints, planned, (e) => e.constraintId.endsWith('bandwidth.maximum'))(request);
    expect(preferred).toEqual({ constraintId: 'DC.body.hosted_connect.bandwidth.maximum', family: 'at-edge' });
  });

  it('leaves a value a planned valid case carries too to that case, and compares a parameter as the text it travels as', () => {
    const planned = planOf(subjects.hcx);
    const request = firstValid(planned);
    // Every query value the planned valid requests carry is their context, not an edge.
    expect(edgeOf(subjects.hcx.operation, subjects.hcx.constraints, planned)(request)).toBeUndefined();
    // Without planned valid cases, the same values stand at the enums' edges (`true` the text of a boolean).
    const query = { ...request.query, force: 'true' };
    const edge = edgeOf(subjects.hcx.operation, subjects.hcx.constraints, [])({ ...request, query });
    expect(edge?.family).toBe('value');
    expect(edge?.constraintId).toMatch(/^HCX\.query\.\w+\.enum$/);
  });

  it('gives a state sequence step at a rule edge that edge: its values are drawn under the seed', () => {
    const steps = planOf(subjects.dc, 3).filter((c) => c.sequence);
    const atMaximum = steps.filter((c) => (c.request.body as { json: { hosted_connect: { bandwidth?: number } } }).json.hosted_connect.bandwidth === 400000);
    expect(atMaximum.length).toBeGreaterThan(0);
    for (const step of atMaximum) expect(step.intent).toMatchObject({ kind: 'valid', edge: { constraintId: 'DC.body.hosted_connect.bandwidth.maximum', family: 'at-edge' } });
    expect(planOf(subjects.dc, 3).filter((c) => !c.sequence && c.intent.kind === 'valid' && c.intent.edge)).toEqual([]);
  });
});
