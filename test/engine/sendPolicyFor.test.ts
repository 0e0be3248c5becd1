import { beforeAll, describe, expect, it } from 'vitest';
import { SpecError } from '../../src/errors/ConformanceError.ts';
import type { Case } from '../../src/model/Case.ts';
import type { Operation } from '../../src/openapi/Operation.ts';
import { hintsOf } from '../../src/openapi/hintsOf.ts';
import { loadSpecs } from '../../src/openapi/loadSpecs.ts';
import { sendPolicyFor } from '../../src/engine/sendPolicyFor.ts';

let hcx: Operation;
let dc: Operation;
beforeAll(async () => {
  const operations = (await loadSpecs()).flatMap((s) => s.operations);
  hcx = operations.find((o) => o.operationId === 'upgradeInterconnectAppliance')!;
  dc = operations.find((o) => o.operationId === 'updateHostedConnect')!;
});

const caseOf = (method: string, pathParams: Record<string, string>, path = '/x'): Case => ({
  id: 'c',
  operationId: 'op',
  intent: { kind: 'valid', label: 'c' },
  seed: 1,
  needsFixture: false,
  request: { method, path, pathParams, query: {}, headers: {}, auth: 'configured' },
});

describe('sendPolicyFor', () => {
  it('an HCX upgrade POST is not idempotent and changes its appliance; a DC PUT is idempotent and changes its connection', () => {
    expect(sendPolicyFor(hcx, caseOf('POST', { applianceId: 'a-1' }))).toEqual({ idempotent: false, resource: 'applianceId=a-1' });
    expect(sendPolicyFor(dc, caseOf('PUT', { project_id: 'p', hosted_connect_id: 'h-1' }))).toEqual({ idempotent: true, resource: 'hosted_connect_id=h-1' });
  });

  it('the document may say otherwise (x-conformance.idempotent); a safe method or a non-mutating operation changes nothing; no resource parameter: the path', () => {
    const saysIdempotent: Operation = { ...hcx, hints: { ...hcx.hints, idempotent: true } };
    expect(sendPolicyFor(saysIdempotent, caseOf('POST', { applianceId: 'a-1' })).idempotent).toBe(true);
    expect(sendPolicyFor(hcx, caseOf('GET', { applianceId: 'a-1' }))).toEqual({ idempotent: true });
    expect(sendPolicyFor({ ...hcx, hints: { ...hcx.hints, mutating: false } }, caseOf('POST', { applianceId: 'a-1' }))).toEqual({ idempotent: false });
    const { resourceParameter: _none, ...hints } = hcx.hints;
    expect(sendPolicyFor({ ...hcx, hints }, caseOf('POST', {}, '/things/1')).resource).toBe('/things/1');
  });

  it('x-conformance.idempotent must be a boolean', () => {
    expect(hintsOf({ idempotent: true }, 'op', 'doc#/paths/~1x/post').idempotent).toBe(true);
    expect(hintsOf({}, 'op', 'doc#/paths/~1x/post').idempotent).toBeUndefined();
    expect(() => hintsOf({ idempotent: 'yes' }, 'op', 'doc#/paths/~1x/post')).toThrow(SpecError);
  });
});
