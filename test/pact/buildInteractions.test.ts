import { beforeAll, describe, expect, it } from 'vitest';
import { buildInteractions } from '../../contracts/buildInteractions.ts';
import { exampleFixtures } from '../../contracts/writePacts.ts';
import type { Case, CaseIntent, PlannedRequest } from '../../src/model/Case.ts';
import type { Operation } from '../../src/openapi/Operation.ts';
import { loadSpecs } from '../../src/openapi/loadSpecs.ts';

let dc: Operation;
let hcx: Operation;
beforeAll(async () => {
  const operations = (await loadSpecs()).flatMap((s) => s.operations);
  dc = operations.find((o) => o.operationId === 'updateHostedConnect')!;
  hcx = operations.find((o) => o.operationId === 'upgradeInterconnectAppliance')!;
});

function dcCase(id: string, intent: CaseIntent, body: PlannedRequest['body'], auth: PlannedRequest['auth'] = 'configured', hostedId?: string): Case {
  const fixtures = exampleFixtures(dc);
  const pathParams = { project_id: fixtures['project_id']!, hosted_connect_id: hostedId ?? fixtures['hosted_connect_id']! };
  return {
    id,
    operationId: dc.operationId,
    intent,
    seed: 1,
    needsFixture: true,
    request: { method: 'PUT', path: `/v3/${pathParams.project_id}/dcaas/hosted-connects/${pathParams.hosted_connect_id}`, pathParams, query: {}, headers: {}, ...(body ? { body } : {}), auth },
  };
}

describe('buildInteractions', () => {
  it('starts with the reference example and turns each case into one interaction with the promised response', () => {
    const long = 'n'.repeat(64);
    const cases = [
      dcCase('b1', { kind: 'boundary', constraintId: 'DC.body.hosted_connect.name.maxLength', label: 'name of 64' }, { json: { hosted_connect: { name: long } } }),
      dcCase('b1-again', { kind: 'boundary', constraintId: 'DC.body.hosted_connect.name.maxLength', label: 'same request' }, { json: { hosted_connect: { name: long } } }),
      dcCase('i1', { kind: 'invalid', constraintId: 'DC.body.hosted_connect.name.maxLength', label: 'name of 65' }, { json: { hosted_connect: { name: `${long}n` } } }),
      dcCase('raw', { kind: 'invalid', constraintId: 'DC.body.json', label: 'malformed' }, { raw: '{"hosted_connect":' }),
      dcCase('a1', { kind: 'no-auth', constraintId: 'DC.auth', label: 'no token' }, { json: { hosted_connect: { name: 'x' } } }, 'none'),
      dcCase('u1', { kind: 'unknown-resource', label: 'unknown id' }, { json: { hosted_connect: { name: 'x' } } }, 'configured', '11111111-2222-4333-8444-555555555555'),
    ];
    const fixtures = exampleFixtures(dc);
    const out = buildInteractions(dc, cases, { fixtures, providerState: 'a hosted connection exists' });
    expect(out.map((i) => i.caseId ?? 'example')).toEqual(['example', 'b1', 'i1', 'a1', 'u1']);
    expect(new Set(out.map((i) => i.description)).size).toBe(out.length);
    for (const i of out) expect(i.providerState).toEqual({ name: 'a hosted connection exists', params: fixtures });

    const [example, boundary, invalid, noAuth, unknown] = out;
    expect(example!.request.body).toEqual({ json: { hosted_connect: { name: 'client-dc-faf1', description: '' } } });
    expect(example!.request.pathMatcher).toMatchObject({ 'pact:generator:type': 'ProviderState', expression: '/v3/${project_id}/dcaas/hosted-connects/${hosted_connect_id}' });
    expect(example!.request.headers).toEqual({ 'x-auth-token': 'REDACTED-TOKEN' });

    // The page marks no member of the 200 body mandatory and its echo is a reading: the contract holds a
    // JSON object, no member a page-faithful provider may leave out, no echo it may answer pending.
    expect(boundary!.response).toEqual({ status: { kind: 'exact', status: 200 }, body: {} });

    // Huawei's error envelope is a vendor convention, not the page's: any 4xx, whatever its body.
    expect(invalid!.response).toEqual({ status: { kind: 'clientError', example: 400 } });

    expect(noAuth!.request.headers).toEqual({});
    expect(noAuth!.response.status).toEqual({ kind: 'oneOf', statuses: [401, 403], example: 401 });

    expect(unknown!.request.path).toContain('11111111-2222-4333-8444-555555555555');
    expect(unknown!.request.pathMatcher).toMatchObject({ expression: '/v3/${project_id}/dcaas/hosted-connects/11111111-2222-4333-8444-555555555555' });
    expect(unknown!.response.status).toEqual({ kind: 'clientError', example: 400 });
  });

  it('expects no member the page leaves unstated, and no error body (HCX)', () => {
    const fixtures = exampleFixtures(hcx);
    const [example] = buildInteractions(hcx, [], { fixtures, providerState: 'an appliance exists' });
    expect(example!.request.body).toEqual({ json: [{}] });
    // `data` and its task id are read into the page, not stated by it: a 202 with a JSON body.
    expect(example!.response).toEqual({ status: { kind: 'exact', status: 202 }, body: {} });
    const invalid = buildInteractions(
      hcx,
      [
        {
          ...dcCase('i', { kind: 'invalid', constraintId: 'HCX.query.force.enum', label: 'force=maybe' }, undefined),
          operationId: hcx.operationId,
          request: {
            method: 'POST',
            path: `/hybridity/api/interconnect/appliances/${fixtures['applianceId']}/upgrade`,
            pathParams: fixtures,
            query: { force: 'maybe' },
            headers: {},
            auth: 'configured',
          },
        },
      ],
      { fixtures, providerState: 'an appliance exists' },
    )[1]!;
    expect(invalid.response).toEqual({ status: { kind: 'clientError', example: 400 } });
    expect(invalid.request.headers).toEqual({ 'x-hm-authorization': 'REDACTED-TOKEN' });
  });
});
