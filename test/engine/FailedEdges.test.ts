import { describe, expect, it } from 'vitest';
import { FailedEdges } from '../../src/engine/FailedEdges.ts';
import type { Case } from '../../src/model/Case.ts';
import type { CaseResult } from '../../src/model/CaseResult.ts';
import type { Verdict } from '../../src/model/Verdict.ts';

const MAX = 'DC.body.hosted_connect.bandwidth.maximum';
const boundary: Case = {
  id: `op:boundary:${MAX}:at-edge@1`,
  operationId: 'op',
  intent: { kind: 'boundary', constraintId: MAX, label: 'bandwidth = 400000', family: 'at-edge' },
  request: { method: 'PUT', path: '/x', pathParams: {}, query: {}, headers: {}, auth: 'configured' },
  seed: 1,
  needsFixture: false,
};
const ran = (testCase: Case, verdicts: Verdict[]): CaseResult => ({ status: 'ran', case: testCase, exchange: { case: testCase, sent: { method: 'PUT', url: 'http://h/x', headers: {} } }, verdicts });

describe('FailedEdges', () => {
  it('notes a boundary case that failed on its own rule, and nothing else', () => {
    const failed = new FailedEdges();
    failed.note(ran(boundary, [{ check: 'not-server-error', outcome: 'fail', message: '500' }]));
    expect(failed.has('op', { constraintId: MAX, family: 'at-edge' })).toBe(false);
    failed.note(ran({ ...boundary, intent: { kind: 'valid', label: 'v' } }, [{ check: 'positive-acceptance', outcome: 'fail', constraintId: MAX, message: '500' }]));
    expect(failed.has('op', { constraintId: MAX, family: 'at-edge' })).toBe(false);
    failed.note(ran(boundary, [{ check: 'positive-acceptance', outcome: 'fail', constraintId: MAX, message: '500' }]));
    expect(failed.has('op', { constraintId: MAX, family: 'at-edge' })).toBe(true);
    expect(failed.has('other', { constraintId: MAX, family: 'at-edge' })).toBe(false);
    expect(failed.has('op', { constraintId: MAX, family: 'value' })).toBe(false);
  });
});
