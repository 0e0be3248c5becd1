import { describe, expect, it } from 'vitest';
import type { CaseIntent } from '../../src/model/Case.ts';
import { familyFromCaseId } from '../../src/model/familyFromCaseId.ts';
import { findingKey, keyTarget, type FindingIdentity } from '../../src/model/findingKey.ts';
import { valueFamily } from '../../src/model/valueFamily.ts';

const MAX = 'DC.body.hosted_connect.bandwidth.maximum';

/** A finding's identity, nothing else: no case id, request, seed or message to read a key from. */
function identity(partial: Partial<FindingIdentity> & Pick<FindingIdentity, 'check' | 'intent'>): FindingIdentity {
  return { operationId: 'op', target: 'http://127.0.0.1:4010', targetNamed: false, response: { status: 500, bodyExcerpt: '' }, ...partial };
}

describe('findingKey, computed from fields', () => {
  it('names the case kind and value family when the finding breaks the rule the case tests', () => {
    const boundary: CaseIntent = { kind: 'boundary', constraintId: MAX, label: 'bandwidth = 400000', family: 'at-edge' };
    expect(findingKey(identity({ check: 'positive-acceptance', constraintId: MAX, intent: boundary }))).toBe(`op|positive-acceptance|${MAX}|boundary:at-edge|5xx|`);
    // Another rule than the case's (a response rule, a check naming none): no family.
    expect(findingKey(identity({ check: 'not-server-error', intent: boundary }))).toBe('op|not-server-error|||5xx|');
    expect(findingKey(identity({ check: 'response-schema', constraintId: 'R.vlan.maximum', intent: boundary }))).toBe('op|response-schema|R.vlan.maximum||5xx|');
    // No family (a numbered draft): the kind alone.
    expect(findingKey(identity({ check: 'positive-acceptance', constraintId: MAX, intent: { kind: 'boundary', constraintId: MAX, label: 'l' } }))).toBe(`op|positive-acceptance|${MAX}|boundary|5xx|`);
  });

  it('keys a random valid request at a rule edge as that edge boundary case, and one elsewhere as any valid case', () => {
    const boundary: CaseIntent = { kind: 'boundary', constraintId: MAX, label: 'bandwidth = 400000', family: 'at-edge' };
    const random: CaseIntent = { kind: 'valid', label: 'random #4', edge: { constraintId: MAX, family: 'at-edge' } };
    for (const check of ['positive-acceptance', 'not-server-error']) {
      const constraintId = check === 'positive-acceptance' ? { constraintId: MAX } : {};
      expect(findingKey(identity({ check, ...constraintId, intent: random }))).toBe(findingKey(identity({ check, ...constraintId, intent: boundary })));
    }
    expect(findingKey(identity({ check: 'positive-acceptance', intent: { kind: 'valid', label: 'random #5' } }))).toBe(
      findingKey(identity({ check: 'positive-acceptance', intent: { kind: 'valid', label: 'pairwise-2' } })),
    );
    expect(findingKey(identity({ check: 'positive-acceptance', constraintId: MAX, intent: random }))).not.toBe(
      findingKey(identity({ check: 'positive-acceptance', intent: { kind: 'valid', label: 'random #5' } })),
    );
  });

  it('holds the target name only when it was given', () => {
    expect(keyTarget({ target: 'eu-west', targetNamed: true })).toBe('eu-west');
    expect(keyTarget({ target: 'http://127.0.0.1:4011', targetNamed: false })).toBe('');
    const named = identity({ check: 'not-server-error', intent: { kind: 'valid', label: 'v' }, target: 'eu-west', targetNamed: true });
    expect(findingKey(named)).toBe('op|not-server-error|||5xx|eu-west');
    expect(findingKey({ ...named, target: 'ap-south' })).not.toBe(findingKey(named));
    expect(findingKey({ ...named, target: 'http://10.0.0.1:8080', targetNamed: false })).toBe(findingKey({ ...named, target: 'http://127.0.0.1:9', targetNamed: false }));
  });

  it('classes the answer, or its absence', () => {
    const intent: CaseIntent = { kind: 'valid', label: 'v' };
    expect(findingKey(identity({ check: 'status-documented', intent, response: { status: 201, bodyExcerpt: '' } }))).toBe('op|status-documented|||2xx|');
    const { response: _none, ...unanswered } = identity({ check: 'transport', intent });
    expect(findingKey({ ...unanswered, failure: { kind: 'timeout', message: 'slow' } })).toBe('op|transport|||transport:timeout|');
    expect(findingKey(unanswered)).toBe('op|transport|||no-answer|');
  });
});

describe('value families', () => {
  it('are variants without their numbers', () => {
    expect(valueFamily('length-65')).toBe('length');
    expect(valueFamily('length-64-wide')).toBe('length-wide');
    expect(valueFamily('value-2')).toBe('value');
    expect(valueFamily('at-edge')).toBe('at-edge');
    expect(valueFamily('3')).toBe('');
  });

  it('are read from the planned case id of a case stored without one, and only then', () => {
    const intent: CaseIntent = { kind: 'invalid', constraintId: 'C', label: 'l' };
    expect(familyFromCaseId('op', 'op:invalid:C:length-65@1', intent)).toEqual({ ...intent, family: 'length' });
    expect(familyFromCaseId('op', 'op:invalid:C:7@1', intent)).toBe(intent);
    expect(familyFromCaseId('op', 'other:invalid:C:length-65@1', intent)).toBe(intent);
    const has: CaseIntent = { ...intent, family: 'empty' };
    expect(familyFromCaseId('op', 'op:invalid:C:length-65@1', has)).toBe(has);
    const valid: CaseIntent = { kind: 'valid', label: 'v' };
    expect(familyFromCaseId('op', 'op:valid:pairwise-1@1', valid)).toBe(valid);
  });
});
