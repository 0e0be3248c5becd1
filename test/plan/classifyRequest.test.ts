import { beforeAll, describe, expect, it } from 'vitest';
import type { PlannedRequest } from '../../src/model/Case.ts';
import { caseId } from '../../src/plan/caseId.ts';
import { classifyRequest } from '../../src/plan/classifyRequest.ts';
import { FIXTURES, loadPlanSubjects } from './subjects.ts';

let subjects: Awaited<ReturnType<typeof loadPlanSubjects>>;
beforeAll(async () => {
  subjects = await loadPlanSubjects();
});

const dcRequest = (hosted_connect: unknown, extra: Partial<PlannedRequest> = {}): PlannedRequest => ({
  method: 'PUT',
  path: `/v3/${FIXTURES.project_id}/dcaas/hosted-connects/${FIXTURES.hosted_connect_id}`,
  pathParams: { project_id: FIXTURES.project_id, hosted_connect_id: FIXTURES.hosted_connect_id },
  query: {},
  headers: {},
  body: { json: { hosted_connect } },
  auth: 'configured',
  ...extra,
});

describe('classifyRequest', () => {
  const classify = (request: PlannedRequest) => classifyRequest(subjects.dc.constraints, subjects.dc.validators, request);

  it('passes a valid request and maps an empty group to the at-least-one constraint alone', () => {
    expect(classify(dcRequest({ name: 'x' }))).toEqual({ valid: true });
    expect(classify(dcRequest({}))).toEqual({ valid: false, constraintIds: ['DC.body.hosted_connect.atLeastOne'] });
  });

  it('names every broken constraint, in the body and the path', () => {
    const request = dcRequest({ name: 'n'.repeat(65), bandwidth: 1 }, { pathParams: { project_id: FIXTURES.project_id, hosted_connect_id: 'short' } });
    expect(classify(request)).toEqual({ valid: false, constraintIds: ['DC.path.hosted_connect_id.minLength', 'DC.body.hosted_connect.name.maxLength', 'DC.body.hosted_connect.bandwidth.minimum'] });
  });

  it('counts lengths in code points, as ajv does', () => {
    expect(classify(dcRequest({ name: '😀'.repeat(64) }))).toEqual({ valid: true });
    expect(classify(dcRequest({ name: '😀'.repeat(65) }))).toEqual({ valid: false, constraintIds: ['DC.body.hosted_connect.name.maxLength'] });
  });

  it('maps a missing body, malformed JSON and a missing member', () => {
    const { body: _none, ...withoutBody } = dcRequest({});
    expect(classify(withoutBody)).toEqual({ valid: false, constraintIds: ['DC.body.required'] });
    expect(classify({ ...withoutBody, body: { raw: '{"hosted_connect": ' } })).toEqual({ valid: false, constraintIds: ['DC.body.json'] });
    expect(classify({ ...withoutBody, body: { json: {} } })).toEqual({ valid: false, constraintIds: ['DC.body.hosted_connect.required'] });
  });

  it('keeps an issue no constraint explains as an unknown id, so it never passes for a known one', () => {
    const s = subjects.dc;
    const verdict = classifyRequest(
      s.constraints.filter((c) => c.id !== 'DC.body.hosted_connect.bandwidth.maximum'),
      s.validators,
      dcRequest({ bandwidth: 400001 }),
    );
    expect(verdict).toEqual({ valid: false, constraintIds: ['?body:/hosted_connect/bandwidth:maximum'] });
  });
});

describe('caseId', () => {
  it('is readable and stable, with the seed last', () => {
    const intent = { kind: 'invalid', constraintId: 'DC.body.hosted_connect.name.maxLength', label: 'name length 65' } as const;
    expect(caseId({ operationId: 'updateHostedConnect', intent, variant: 'length-65', seed: 42 })).toBe('updateHostedConnect:invalid:DC.body.hosted_connect.name.maxLength:length-65@42');
    expect(caseId({ operationId: 'op', intent: { kind: 'valid', label: 'body absent' }, variant: '1', seed: 7 })).toBe('op:valid:body-absent:1@7');
    expect(() => caseId({ operationId: 'op', intent, variant: 'a:b', seed: 1 })).toThrow(/variant/);
  });
});
