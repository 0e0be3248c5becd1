import { beforeAll, describe, expect, it } from 'vitest';
import { authRequired } from '../../src/checks/authRequired.ts';
import type { CaseIntent } from '../../src/model/Case.ts';
import { loadSubjects, outcomes, verdictsOf, type ExchangeSpec, type Subject } from './fixtures.ts';

let hcx: Subject;
let dc: Subject;
beforeAll(async () => ({ hcx, dc } = await loadSubjects()));

const hcxNone: CaseIntent = { kind: 'no-auth', constraintId: 'HCX.auth', label: 'no credential' };
const hcxWrong: CaseIntent = { kind: 'wrong-auth', constraintId: 'HCX.auth', label: 'wrong credential' };
const dcNone: CaseIntent = { kind: 'no-auth', constraintId: 'DC.auth', label: 'no credential' };
const dcWrong: CaseIntent = { kind: 'wrong-auth', constraintId: 'DC.auth', label: 'wrong credential' };
const apigw = { error_code: 'APIGW.0301', error_msg: 'Incorrect IAM authentication information.' };

describe('auth-required', () => {
  const table: Array<[string, 'hcx' | 'dc', ExchangeSpec, string[]]> = [
    ['HCX no credential → 401 empty', 'hcx', { intent: hcxNone, status: 401, text: '' }, ['pass']],
    ['HCX wrong credential → 403', 'hcx', { intent: hcxWrong, status: 403, text: '' }, ['pass']],
    ['HCX no credential → 202', 'hcx', { intent: hcxNone }, ['fail:HCX.auth']],
    ['HCX wrong credential → 400', 'hcx', { intent: hcxWrong, status: 400, json: { errors: [] } }, ['fail:HCX.auth']],
    ['DC no credential → 401', 'dc', { intent: dcNone, status: 401, json: apigw }, ['pass']],
    ['DC wrong credential → 200', 'dc', { intent: dcWrong }, ['fail:DC.auth']],
    ['DC no credential still 429', 'dc', { intent: dcNone, status: 429, json: apigw }, ['skip']],
    ['DC valid (not this check)', 'dc', {}, []],
  ];
  it.each(table)('%s', (_label, which, spec, expected) => {
    expect(outcomes(verdictsOf(authRequired, which === 'hcx' ? hcx : dc, spec))).toEqual(expected);
  });
});
