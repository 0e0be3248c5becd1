import { beforeAll, describe, expect, it } from 'vitest';
import { positiveAcceptance } from '../../src/checks/positiveAcceptance.ts';
import type { CaseIntent } from '../../src/model/Case.ts';
import type { Verdict } from '../../src/model/Verdict.ts';
import { contextFor, exchangeFor, loadSubjects, outcomes, verdictsOf, type ExchangeSpec, type Subject } from './fixtures.ts';

let hcx: Subject;
let dc: Subject;
beforeAll(async () => ({ hcx, dc } = await loadSubjects()));

const inService: CaseIntent = { kind: 'boundary', constraintId: 'HCX.query.method.enum', label: 'method=inService' };
const name64: CaseIntent = { kind: 'boundary', constraintId: 'DC.body.hosted_connect.name.maxLength', label: 'name of 64' };
const dcError = { error_code: 'DC.0001', error_msg: 'Invalid parameter.' };

describe('positive-acceptance', () => {
  const table: Array<[string, 'hcx' | 'dc', ExchangeSpec, string[]]> = [
    ['HCX valid answered 202', 'hcx', {}, ['pass']],
    ['HCX inService answered 202', 'hcx', { intent: inService, request: { query: { method: 'inService' } } }, ['pass']],
    ['HCX inService answered 400', 'hcx', { intent: inService, request: { query: { method: 'inService' } }, status: 400, json: { errors: [] } }, ['fail:HCX.query.method.enum']],
    ['HCX valid answered 500', 'hcx', { status: 500, json: { errors: [] } }, ['fail']],
    ['HCX valid still 429 after retries', 'hcx', { status: 429, text: '' }, ['skip']],
    ['HCX valid answered 422 (documented state conflict: an upgrade running)', 'hcx', { status: 422, json: { errors: [{ code: 'UPGRADE_IN_PROGRESS', message: 'busy' }] } }, ['skip']],
    ['DC valid answered 422 (no state conflict documented for DC)', 'dc', { status: 422, json: dcError }, ['fail']],
    ['DC valid answered 200', 'dc', {}, ['pass']],
    [
      'DC name of 64 answered 400',
      'dc',
      { intent: name64, request: { body: { json: { hosted_connect: { name: 'n'.repeat(64) } } } }, status: 400, json: dcError },
      ['fail:DC.body.hosted_connect.name.maxLength'],
    ],
    ['DC valid still 503 after retries', 'dc', { status: 503, json: dcError }, ['skip']],
    ['DC invalid case answered 200 (not this check)', 'dc', { intent: { kind: 'invalid', constraintId: 'DC.body.hosted_connect.name.maxLength', label: 'name of 65' } }, []],
  ];
  it.each(table)('%s', (_label, which, spec, expected) => {
    expect(outcomes(verdictsOf(positiveAcceptance, which === 'hcx' ? hcx : dc, spec))).toEqual(expected);
  });

  it('does not blame the server for a "valid" case the document forbids', () => {
    const spec: ExchangeSpec = { intent: name64, request: { body: { json: { hosted_connect: { name: 'n'.repeat(65) } } } }, status: 400, json: dcError };
    expect(outcomes(verdictsOf(positiveAcceptance, dc, spec))).toEqual(['skip']);
  });

  it('uses the validation the planner carried with the case instead of validating again', () => {
    const exchange = exchangeFor(dc, { intent: name64, status: 400, json: dcError });
    const carried = { ...exchange, case: { ...exchange.case, breaks: ['DC.body.hosted_connect.name.maxLength'] } };
    const verdict = positiveAcceptance.run(carried, contextFor(dc)) as Verdict;
    expect(verdict).toMatchObject({ outcome: 'skip' });
    expect(verdict.message).toContain('breaks DC.body.hosted_connect.name.maxLength');
  });

  it('skips transport failures', () => {
    expect(verdictsOf(positiveAcceptance, hcx, { failure: { kind: 'timeout', message: 'no answer', durationMs: 5 } })).toEqual([]);
  });
});
