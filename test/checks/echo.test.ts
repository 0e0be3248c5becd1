import { beforeAll, describe, expect, it } from 'vitest';
import { echo } from '../../src/checks/echo.ts';
import type { CaseIntent } from '../../src/model/Case.ts';
import { loadSubjects, mutate, outcomes, verdictsOf, type ExchangeSpec, type Subject } from './fixtures.ts';

let hcx: Subject;
let dc: Subject;
beforeAll(async () => ({ hcx, dc } = await loadSubjects()));

const invalid: CaseIntent = { kind: 'invalid', constraintId: 'DC.body.hosted_connect.name.maxLength', label: 'name of 65' };
const bandwidthMax: CaseIntent = { kind: 'boundary', constraintId: 'DC.body.hosted_connect.bandwidth.maximum', label: 'bandwidth 400000' };

describe('echo', () => {
  const table: Array<[string, 'hcx' | 'dc', () => ExchangeSpec, string[]]> = [
    ['HCX 202 repeats the appliance id', 'hcx', () => ({}), ['pass']],
    ['HCX 202 names another appliance', 'hcx', () => ({ json: mutate(hcx.example, (b) => (b.data.applianceId = 'other')) }), ['fail']],
    // data.applianceId is optional on the page: its absence is not an echo violation.
    ['HCX 202 without data.applianceId', 'hcx', () => ({ json: mutate(hcx.example, (b) => delete b.data.applianceId) }), ['skip']],
    ['HCX 400 (no echo rule for it)', 'hcx', () => ({ status: 400, json: { errors: [] } }), []],
    ['DC 200 repeats the id and the update', 'dc', () => ({}), ['pass', 'pass']],
    ['DC 200 with another id', 'dc', () => ({ json: mutate(dc.example, (b) => (b.hosted_connect.id = '1278b472-ffa5-4eb3-8c0d-979d479f8ef6')) }), ['fail', 'pass']],
    ['DC 200 that did not apply the new name', 'dc', () => ({ json: mutate(dc.example, (b) => (b.hosted_connect.name = 'old-name')) }), ['pass', 'fail']],
    [
      'DC boundary bandwidth reflected',
      'dc',
      () => ({ intent: bandwidthMax, request: { body: { json: { hosted_connect: { bandwidth: 400000 } } } }, json: mutate(dc.example, (b) => (b.hosted_connect.bandwidth = 400000)) }),
      ['pass', 'pass'],
    ],
    ['DC boundary bandwidth not reflected', 'dc', () => ({ intent: bandwidthMax, request: { body: { json: { hosted_connect: { bandwidth: 400000 } } } } }), ['pass', 'fail']],
    // An accepted invalid request is no known update, but the answer must still be about the resource the path named.
    ['DC invalid case answered with another id', 'dc', () => ({ intent: invalid, json: mutate(dc.example, (b) => (b.hosted_connect.id = 'x')) }), ['fail']],
    ['DC invalid case answered with its id', 'dc', () => ({ intent: invalid }), ['pass']],
    [
      'DC unknown resource answered as another one',
      'dc',
      () => ({ intent: { kind: 'unknown-resource', label: 'unknown' }, json: mutate(dc.example, (b) => (b.hosted_connect.id = '1278b472-ffa5-4eb3-8c0d-979d479f8ef6')) }),
      ['fail'],
    ],
    ['DC invalid case refused (nothing to compare)', 'dc', () => ({ intent: invalid, status: 400, json: { error_code: 'DC.0001', error_msg: 'bad' } }), []],
    ['DC 200 not JSON', 'dc', () => ({ text: 'ok' }), ['skip']],
  ];
  it.each(table)('%s', (_label, which, spec, expected) => {
    expect(outcomes(verdictsOf(echo, which === 'hcx' ? hcx : dc, spec()))).toEqual(expected);
  });

  it('names the field, the sent value and the answered value', () => {
    const verdicts = verdictsOf(echo, dc, { json: mutate(dc.example, (b) => (b.hosted_connect.name = 'old-name')) });
    expect(verdicts[1]?.message).toContain('name: sent "client-dc-faf1", got "old-name"');
  });
});
