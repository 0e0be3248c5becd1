import { beforeAll, describe, expect, it } from 'vitest';
import { transport } from '../../src/checks/transport.ts';
import { loadSubjects, outcomes, verdictsOf, type Subject } from './fixtures.ts';

let hcx: Subject;
let dc: Subject;
beforeAll(async () => ({ hcx, dc } = await loadSubjects()));

describe('transport', () => {
  it.each(['hcx', 'dc'] as const)('%s: fails with the kind and message of the failure', (which) => {
    const subject = which === 'hcx' ? hcx : dc;
    const verdicts = verdictsOf(transport, subject, { failure: { kind: 'rate-limited', message: '429 after 3 retries', durationMs: 900 } });
    expect(outcomes(verdicts)).toEqual(['fail']);
    expect(verdicts[0]?.message).toContain('rate-limited');
    expect(verdicts[0]?.message).toContain('429 after 3 retries');
  });

  it.each(['hcx', 'dc'] as const)('%s: passes any response, even a 500', (which) => {
    const subject = which === 'hcx' ? hcx : dc;
    expect(outcomes(verdictsOf(transport, subject))).toEqual(['pass']);
    expect(outcomes(verdictsOf(transport, subject, { status: 500, text: 'boom' }))).toEqual(['pass']);
  });
});
