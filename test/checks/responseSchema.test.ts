import { beforeAll, describe, expect, it } from 'vitest';
import { responseSchema } from '../../src/checks/responseSchema.ts';
import { loadSubjects, mutate, outcomes, verdictsOf, type Subject } from './fixtures.ts';

let hcx: Subject;
let dc: Subject;
beforeAll(async () => ({ hcx, dc } = await loadSubjects()));

describe('response-schema', () => {
  it('passes the documented example responses', () => {
    expect(outcomes(verdictsOf(responseSchema, hcx))).toEqual(['pass']);
    expect(outcomes(verdictsOf(responseSchema, dc))).toEqual(['pass']);
  });

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each case reaches into the body's members
  const dcCases: Array<[string, (body: any) => void, string]> = [
    ['vlan 4000', (b) => (b.hosted_connect.vlan = 4000), 'DC.response.200.hosted_connect.vlan.maximum'],
    ['missing request_id', (b) => delete b.request_id, 'DC.response.200.request_id.required'],
    ['status RUNNING', (b) => (b.hosted_connect.status = 'RUNNING'), 'DC.response.200.hosted_connect.status.enum'],
    ['apply_time without T', (b) => (b.hosted_connect.apply_time = '2022-07-13 08:25:38'), 'DC.response.200.hosted_connect.apply_time.pattern'],
    ['missing hosted_connect.id', (b) => delete b.hosted_connect.id, 'DC.response.200.hosted_connect.id.required'],
    ['fractional bandwidth', (b) => (b.hosted_connect.bandwidth = 2.5), 'DC.response.200.hosted_connect.bandwidth.type'],
    ['id of 35 characters', (b) => (b.hosted_connect.id = b.hosted_connect.id.slice(1)), 'DC.response.200.hosted_connect.id.minLength'],
  ];
  it.each(dcCases)('DC 200 with %s names %s', (_label, change, id) => {
    expect(outcomes(verdictsOf(responseSchema, dc, { json: mutate(dc.example, change) }))).toEqual([`fail:${id}`]);
  });

  it('says what broke, in words', () => {
    const [verdict] = verdictsOf(responseSchema, dc, { json: mutate(dc.example, (b) => (b.hosted_connect.vlan = 4000)) });
    expect(verdict?.message).toBe('hosted_connect.vlan = 4000 exceeds maximum 3999');
    const [missing] = verdictsOf(responseSchema, dc, { json: mutate(dc.example, (b) => delete b.request_id) });
    expect(missing?.message).toContain('request_id is missing');
  });

  it('maps array items with *: warnings[0].message = 5 on HCX', () => {
    const body = mutate(hcx.example, (b) => (b.warnings = [{ message: 5 }]));
    const verdicts = verdictsOf(responseSchema, hcx, { json: body });
    expect(outcomes(verdicts)).toEqual(['fail:HCX.response.202.warnings.*.message.type']);
    expect(verdicts[0]?.message).toContain('warnings[0].message = 5');
  });

  it('gives one verdict per distinct constraint', () => {
    const body = mutate(hcx.example, (b) => (b.warnings = [{ message: 5 }, { message: true }]));
    const verdicts = verdictsOf(responseSchema, hcx, { json: body });
    expect(outcomes(verdicts)).toEqual(['fail:HCX.response.202.warnings.*.message.type']);
    expect(verdicts[0]?.message).toContain('and 1 more');
    const two = mutate(dc.example, (b) => {
      delete b.hosted_connect.vlan;
      delete b.hosted_connect.status;
    });
    expect(outcomes(verdictsOf(responseSchema, dc, { json: two })).sort()).toEqual(['fail:DC.response.200.hosted_connect.status.required', 'fail:DC.response.200.hosted_connect.vlan.required']);
  });

  it('uses the range key of the status: a 409 error body is checked against 4XX', () => {
    expect(outcomes(verdictsOf(responseSchema, dc, { status: 409, json: { error_code: 'DC.0409', error_msg: 'conflict' } }))).toEqual(['pass']);
    expect(outcomes(verdictsOf(responseSchema, dc, { status: 409, json: { message: 'conflict' } })).sort()).toEqual([
      'fail:DC.response.4XX.error_code.required',
      'fail:DC.response.4XX.error_msg.required',
    ]);
  });

  it('names the 400 envelope constraint on a bad error body', () => {
    expect(outcomes(verdictsOf(responseSchema, dc, { status: 400, json: { message: 'bad', error_msg: 'x' } }))).toEqual(['fail:DC.response.400.error_code.required']);
  });

  it('stays out of bodies that are not JSON and statuses without a schema', () => {
    expect(outcomes(verdictsOf(responseSchema, dc, { status: 400, text: '<html>bad</html>', headers: { 'content-type': 'text/html' } }))).toEqual(['skip']);
    expect(verdictsOf(responseSchema, hcx, { status: 401, text: '' })).toEqual([]);
    expect(verdictsOf(responseSchema, hcx, { status: 418, json: { anything: 1 } })).toEqual([]);
  });

  it('skips transport failures', () => {
    expect(verdictsOf(responseSchema, dc, { failure: { kind: 'timeout', message: 'no answer in 10s', durationMs: 10_000 } })).toEqual([]);
  });
});
