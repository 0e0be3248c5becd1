import { beforeAll, describe, expect, it } from 'vitest';
import { tenantIsolation } from '../../src/checks/tenantIsolation.ts';
import type { CaseIntent } from '../../src/model/Case.ts';
import { loadSubjects, outcomes, verdictsOf, type ExchangeSpec, type Subject } from './fixtures.ts';

let dc: Subject;
beforeAll(async () => ({ dc } = await loadSubjects()));

const otherOwner: CaseIntent = { kind: 'other-owner', label: 'the resource under another project_id' };

describe('tenant-isolation', () => {
  const table: Array<[string, ExchangeSpec, string[]]> = [
    ['200: reached through another project', { intent: otherOwner }, ['fail']],
    ['404', { intent: otherOwner, status: 404, json: { error_code: 'DC.0002', error_msg: 'no such connection' } }, ['pass']],
    ['400 (Huawei answers 400 for what does not exist)', { intent: otherOwner, status: 400, json: { error_code: 'DC.0002', error_msg: 'x' } }, ['pass']],
    ['403', { intent: otherOwner, status: 403, json: { error_code: 'APIGW.0302', error_msg: 'x' } }, ['pass']],
    ['500 (not-server-error reports it)', { intent: otherOwner, status: 500, json: { error_code: 'DC.9999', error_msg: 'x' } }, ['skip']],
    ['a valid request (not this check)', {}, []],
  ];
  it.each(table)('%s', (_label, spec, expected) => {
    expect(outcomes(verdictsOf(tenantIsolation, dc, spec))).toEqual(expected);
  });

  it('is a robustness rule: a failure whatever the document reads into its page', () => {
    expect(tenantIsolation.provenance).toBe('robustness');
  });
});
