import { beforeAll, describe, expect, it } from 'vitest';
import { authRequired } from '../../src/checks/authRequired.ts';
import { echo } from '../../src/checks/echo.ts';
import { negativeRejection } from '../../src/checks/negativeRejection.ts';
import { notFound } from '../../src/checks/notFound.ts';
import { positiveAcceptance } from '../../src/checks/positiveAcceptance.ts';
import { requestValid } from '../../src/checks/requestValid.ts';
import { tenantIsolation } from '../../src/checks/tenantIsolation.ts';
import type { CaseIntent } from '../../src/model/Case.ts';
import { loadSubjects, mutate, outcomes, verdictsOf, type Subject } from '../checks/fixtures.ts';

const OBSERVED: CaseIntent = { kind: 'observed', label: 'PUT /v3/...' };

let dc: Subject;
let hcx: Subject;
beforeAll(async () => {
  ({ dc, hcx } = await loadSubjects());
});

describe('checks on observed traffic', () => {
  it('the checks that judge a planned intent stay silent on observed traffic, whatever the answer', () => {
    for (const check of [positiveAcceptance, negativeRejection, authRequired, notFound, tenantIsolation]) {
      for (const status of [200, 400, 401, 404]) expect(verdictsOf(check, dc, { intent: OBSERVED, status, json: {} }), `${check.name} ${status}`).toEqual([]);
    }
  });

  it('request-valid passes a request the document allows and names the constraint of one it does not', () => {
    expect(outcomes(verdictsOf(requestValid, dc, { intent: OBSERVED }))).toEqual(['pass']);
    const tooSmall = { body: { json: { hosted_connect: { bandwidth: 1 } } } };
    expect(outcomes(verdictsOf(requestValid, dc, { intent: OBSERVED, request: tooSmall, status: 400 }))).toEqual(['fail:DC.body.hosted_connect.bandwidth.minimum']);
    const badQuery = { query: { force: 'maybe' } };
    expect(outcomes(verdictsOf(requestValid, hcx, { intent: OBSERVED, request: badQuery, status: 400 }))).toEqual(['fail:HCX.query.force.enum']);
    // Judged without an answer too: the request is the client's, whatever came back.
    expect(outcomes(verdictsOf(requestValid, dc, { intent: OBSERVED, request: tooSmall, failure: { kind: 'connection-refused', message: 'down', durationMs: 1 } }))).toEqual(['fail:DC.body.hosted_connect.bandwidth.minimum']);
  });

  it('request-valid never judges a planned case (those break rules on purpose)', () => {
    expect(verdictsOf(requestValid, dc, { intent: { kind: 'invalid', constraintId: 'DC.body.hosted_connect.bandwidth.minimum', label: '1' }, request: { body: { json: { hosted_connect: { bandwidth: 1 } } } } })).toEqual([]);
  });

  it('echo judges an observed 2xx whose request validates, and nothing else observed', () => {
    const wrongId = mutate(dc.example, (body) => (body.hosted_connect.id = '11111111-2222-3333-4444-555555555555'));
    expect(outcomes(verdictsOf(echo, dc, { intent: OBSERVED, json: wrongId }))).toContain('fail');
    const invalid = { body: { json: { hosted_connect: { bandwidth: 1 } } } };
    expect(verdictsOf(echo, dc, { intent: OBSERVED, request: invalid, json: wrongId })).toEqual([]);
  });
});
