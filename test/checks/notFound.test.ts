import { beforeAll, describe, expect, it } from 'vitest';
import { notFound } from '../../src/checks/notFound.ts';
import type { CaseIntent } from '../../src/model/Case.ts';
import { loadSubjects, outcomes, verdictsOf, type ExchangeSpec, type Subject } from './fixtures.ts';

let hcx: Subject;
let dc: Subject;
beforeAll(async () => ({ hcx, dc } = await loadSubjects()));

const unknown: CaseIntent = { kind: 'unknown-resource', label: 'unknown id' };
const dc0002 = { error_code: 'DC.0002', error_msg: 'The resource does not exist.' };

describe('not-found', () => {
  const table: Array<[string, 'hcx' | 'dc', ExchangeSpec, string[]]> = [
    ['HCX 404', 'hcx', { intent: unknown, status: 404, text: '' }, ['pass']],
    ['HCX 400 (a refusal outside notFoundStatuses)', 'hcx', { intent: unknown, status: 400, json: { errors: [] } }, ['pass']],
    ['HCX 202', 'hcx', { intent: unknown }, ['fail']],
    ['HCX 500 (not-server-error reports it)', 'hcx', { intent: unknown, status: 500, json: { errors: [] } }, ['skip']],
    ['DC 400 DC.0002 (Huawei answers 400)', 'dc', { intent: unknown, status: 400, json: dc0002 }, ['pass']],
    ['DC 404', 'dc', { intent: unknown, status: 404, json: dc0002 }, ['pass']],
    ['DC 200', 'dc', { intent: unknown }, ['fail']],
    ['DC valid 200 (not this check)', 'dc', {}, []],
  ];
  it.each(table)('%s', (_label, which, spec, expected) => {
    expect(outcomes(verdictsOf(notFound, which === 'hcx' ? hcx : dc, spec))).toEqual(expected);
  });

  it('notes a refusal outside the documented statuses, and not one inside', () => {
    expect(verdictsOf(notFound, hcx, { intent: unknown, status: 400, json: { errors: [] } })[0]?.message).toContain('not one of the documented 404');
    expect(verdictsOf(notFound, dc, { intent: unknown, status: 400, json: dc0002 })[0]?.message).not.toContain('not one of');
  });
});
