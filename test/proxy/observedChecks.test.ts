import { beforeAll, describe, expect, it } from 'vitest';
import { authRequired } from '../../src/checks/authRequired.ts';
import { echo } from '../../src/checks/echo.ts';
import { negativeRejection } from '../../src/checks/negativeRejection.ts';
import { notFound } from '../../src/checks/notFound.ts';
import { positiveAcceptance } from '../../src/checks/positiveAcceptance.ts';
import { requestValid } from '../../src/checks/requestValid.ts';
import { runChecks } from '../../src/checks/runChecks.ts';
import { tenantIsolation } from '../../src/checks/tenantIsolation.ts';
import type { CaseIntent } from '../../src/model/Case.ts';
import { contextFor, exchangeFor, loadSubjects, mutate, outcomes, verdictsOf, type Subject } from '../checks/fixtures.ts';

const OBSERVED: CaseIntent = { kind: 'observed', label: 'PUT /v3/...' };

let dc: Subject;
let hcx: Subject;
beforeAll(async () => {
  ({ dc, hcx } = await loadSubjects());
});

describe('checks on observed traffic', () => {
  it('the checks that judge a planned intent stay silent on observed traffic, whatever the answer', () => {
    // negative-rejection judges the rules an observed request breaks: a valid one breaks none.
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
    expect(outcomes(verdictsOf(requestValid, dc, { intent: OBSERVED, request: tooSmall, failure: { kind: 'connection-refused', message: 'down', durationMs: 1 } }))).toEqual([
      'fail:DC.body.hosted_connect.bandwidth.minimum',
    ]);
  });

  it('request-valid never judges a planned case (those break rules on purpose)', () => {
    expect(
      verdictsOf(requestValid, dc, {
        intent: { kind: 'invalid', constraintId: 'DC.body.hosted_connect.bandwidth.minimum', label: '1' },
        request: { body: { json: { hosted_connect: { bandwidth: 1 } } } },
      }),
    ).toEqual([]);
  });

  it('echo on an observed 2xx: the update only where the request validates, the connection the path named always', () => {
    const wrongId = mutate(dc.example, (body) => (body.hosted_connect.id = '11111111-2222-3333-4444-555555555555'));
    // A valid request: the answer names the path's connection and shows the update (the id rule, then the update's).
    expect(outcomes(verdictsOf(echo, dc, { intent: OBSERVED, json: wrongId }))).toEqual(['fail', 'pass']);
    expect(outcomes(verdictsOf(echo, dc, { intent: OBSERVED, request: { body: { json: { hosted_connect: { name: 'renamed' } } } } }))).toEqual(['pass', 'fail']);
    // An invalid request accepted is no known update (that it was accepted is negative-rejection's finding):
    // the answer's bandwidth 10, not the 1 sent, is not compared. Whatever was sent, an answer about another
    // connection than the path named breaks the page.
    const invalid = { body: { json: { hosted_connect: { bandwidth: 1 } } } };
    expect(outcomes(verdictsOf(echo, dc, { intent: OBSERVED, request: invalid }))).toEqual(['pass']);
    expect(outcomes(verdictsOf(echo, dc, { intent: OBSERVED, request: invalid, json: wrongId }))).toEqual(['fail']);
    // Refused: no answer about a connection to compare.
    expect(verdictsOf(echo, dc, { intent: OBSERVED, request: invalid, status: 400, json: { error_code: 'DC.0001', error_msg: 'bad' } })).toEqual([]);
  });

  it('negative-rejection fails a server that accepts an observed request breaking a rule, naming the rule', () => {
    const tooLong = { body: { json: { hosted_connect: { name: 'n'.repeat(65) } } } };
    expect(outcomes(verdictsOf(negativeRejection, dc, { intent: OBSERVED, request: tooLong, status: 200 }))).toEqual(['fail:DC.body.hosted_connect.name.maxLength']);
    const [accepted] = verdictsOf(negativeRejection, dc, { intent: OBSERVED, request: tooLong, status: 200 });
    expect(accepted!.message).toMatch(/name\.maxLength .*accepted with 200/);
    expect(outcomes(verdictsOf(negativeRejection, hcx, { intent: OBSERVED, request: { query: { force: 'maybe' } }, status: 202 }))).toEqual(['fail:HCX.query.force.enum']);
    // Rejected: the rule held. Refused for the credential, or a server error: the rule is not judged.
    expect(outcomes(verdictsOf(negativeRejection, dc, { intent: OBSERVED, request: tooLong, status: 400 }))).toEqual(['pass']);
    for (const status of [401, 403, 429, 500]) expect(outcomes(verdictsOf(negativeRejection, dc, { intent: OBSERVED, request: tooLong, status })), String(status)).toEqual(['skip']);
    expect(verdictsOf(negativeRejection, dc, { intent: OBSERVED, request: tooLong, failure: { kind: 'timeout', message: 'slow', durationMs: 1 } })).toEqual([]);
  });

  it("negative-rejection on observed traffic takes the severity of the broken rule's provenance", () => {
    // A body without hosted_connect breaks DC.body.hosted_connect.required, a reading of the page.
    const empty = exchangeFor(dc, { intent: OBSERVED, request: { body: { json: {} } }, status: 200 });
    const rejection = runChecks(empty, contextFor(dc), dc.catalogue).filter((v) => v.check === 'negative-rejection');
    expect(rejection.map((v) => [v.outcome, v.constraintId, v.provenance])).toEqual([['fail', 'DC.body.hosted_connect.required', 'reading']]);
    const tooLong = exchangeFor(dc, { intent: OBSERVED, request: { body: { json: { hosted_connect: { name: 'n'.repeat(65) } } } }, status: 200 });
    expect(
      runChecks(tooLong, contextFor(dc), dc.catalogue)
        .filter((v) => v.check === 'negative-rejection')
        .map((v) => v.provenance),
    ).toEqual(['page']);
  });

  it('a request body cut when recorded is not judged; the rest of the request is', () => {
    const cut = { body: { raw: '{"hosted_connect":{"name":"' + 'n'.repeat(20) } };
    for (const check of [negativeRejection, requestValid]) {
      expect(
        outcomes(verdictsOf(check, dc, { intent: OBSERVED, request: cut, status: 200, bodyCut: true })).filter((o) => o !== 'pass'),
        check.name,
      ).toEqual([]);
    }
    // Whole, the same bytes are malformed JSON, and accepting them breaks DC.body.json.
    expect(outcomes(verdictsOf(negativeRejection, dc, { intent: OBSERVED, request: cut, status: 200 }))).toEqual(['fail:DC.body.json']);
    const cutWithBadQuery = { ...cut, query: { force: 'maybe' } };
    expect(outcomes(verdictsOf(negativeRejection, hcx, { intent: OBSERVED, request: cutWithBadQuery, status: 202, bodyCut: true }))).toEqual(['fail:HCX.query.force.enum']);
    // Never known valid: the update is not compared (the answer's name is not the 'edge' kept). The path was
    // kept whole: the answer must still be about the connection it names.
    const edge = { body: { json: { hosted_connect: { name: 'edge' } } } };
    expect(outcomes(verdictsOf(echo, dc, { intent: OBSERVED, request: edge, bodyCut: true }))).toEqual(['pass']);
    const wrongId = mutate(dc.example, (body) => (body.hosted_connect.id = '11111111-2222-3333-4444-555555555555'));
    expect(outcomes(verdictsOf(echo, dc, { intent: OBSERVED, request: edge, json: wrongId, bodyCut: true }))).toEqual(['fail']);
  });
});
