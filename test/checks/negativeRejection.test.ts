import { beforeAll, describe, expect, it } from 'vitest';
import { negativeRejection } from '../../src/checks/negativeRejection.ts';
import type { CaseIntent } from '../../src/model/Case.ts';
import { DC_ID, loadSubjects, outcomes, verdictsOf, type ExchangeSpec, type Subject } from './fixtures.ts';

let hcx: Subject;
let dc: Subject;
beforeAll(async () => ({ hcx, dc } = await loadSubjects()));

const badForce: CaseIntent = { kind: 'invalid', constraintId: 'HCX.query.force.enum', label: 'force=maybe' };
const malformed: CaseIntent = { kind: 'invalid', constraintId: 'DC.body.json', label: 'malformed JSON' };
const longName: CaseIntent = { kind: 'invalid', constraintId: 'DC.body.hosted_connect.name.maxLength', label: 'name of 65' };
const shortId: CaseIntent = { kind: 'invalid', constraintId: 'DC.path.hosted_connect_id.minLength', label: 'id of 35' };
const dcError = { error_code: 'DC.0001', error_msg: 'Invalid parameter.' };

describe('negative-rejection', () => {
  const forceMaybe = { query: { force: 'maybe' } };
  const name65 = { body: { json: { hosted_connect: { name: 'n'.repeat(65) } } } };
  const table: Array<[string, 'hcx' | 'dc', ExchangeSpec, string[]]> = [
    ['HCX force=maybe answered 202', 'hcx', { intent: badForce, request: forceMaybe }, ['fail:HCX.query.force.enum']],
    ['HCX force=maybe answered 400', 'hcx', { intent: badForce, request: forceMaybe, status: 400, json: { errors: [] } }, ['pass']],
    ['HCX force=maybe answered 422', 'hcx', { intent: badForce, request: forceMaybe, status: 422, json: { errors: [] } }, ['pass']],
    ['HCX force=maybe answered 500 (not-server-error reports it)', 'hcx', { intent: badForce, request: forceMaybe, status: 500, json: { errors: [] } }, ['skip']],
    ['DC name of 65 answered 200', 'dc', { intent: longName, request: name65 }, ['fail:DC.body.hosted_connect.name.maxLength']],
    ['DC name of 65 answered 400', 'dc', { intent: longName, request: name65, status: 400, json: dcError }, ['pass']],
    ['DC malformed JSON answered 200', 'dc', { intent: malformed, request: { body: { raw: '{"hosted_connect": {' } } }, ['fail:DC.body.json']],
    ['DC id of 35 answered 200', 'dc', { intent: shortId, request: { pathParams: { project_id: 'p', hosted_connect_id: DC_ID.slice(1) } } }, ['fail:DC.path.hosted_connect_id.minLength']],
    ['DC name of 65 still 429', 'dc', { intent: longName, request: name65, status: 429, json: dcError }, ['skip']],
    ['DC valid answered 200 (not this check)', 'dc', {}, []],
    // A media-type answer does not show that the value's rule was judged; for the media type rule it does.
    ['DC name of 65 answered 415', 'dc', { intent: longName, request: name65, status: 415, json: dcError }, ['skip']],
    ['DC name of 65 answered 406', 'dc', { intent: longName, request: name65, status: 406, json: dcError }, ['skip']],
    // A 401 to a request with the accepted credential refuses the credential, not the input: a reading.
    ['HCX force=maybe answered 401 with the credential', 'hcx', { intent: badForce, request: forceMaybe, status: 401 }, ['fail']],
    ['HCX force=maybe answered 403 with the credential', 'hcx', { intent: badForce, request: forceMaybe, status: 403 }, ['pass']],
    ['DC malformed JSON answered 415', 'dc', { intent: malformed, request: { body: { raw: '{"hosted_connect": {' } }, status: 415, json: dcError }, ['pass']],
  ];
  it.each(table)('%s', (_label, which, spec, expected) => {
    expect(outcomes(verdictsOf(negativeRejection, which === 'hcx' ? hcx : dc, spec))).toEqual(expected);
  });

  it('gives the credential-refused answer the reading provenance', () => {
    const [verdict] = verdictsOf(negativeRejection, hcx, { intent: badForce, request: { query: { force: 'maybe' } }, status: 401 });
    expect(verdict?.provenance).toBe('reading');
  });

  it('does not cry wolf when the "invalid" request is in fact valid', () => {
    expect(outcomes(verdictsOf(negativeRejection, dc, { intent: longName, request: { body: { json: { hosted_connect: { name: 'n'.repeat(64) } } } } }))).toEqual(['skip']);
  });
});
