import { beforeAll, describe, expect, it } from 'vitest';
import { statusDocumented } from '../../src/checks/statusDocumented.ts';
import { loadSubjects, outcomes, verdictsOf, type Subject } from './fixtures.ts';

let hcx: Subject;
let dc: Subject;
beforeAll(async () => ({ hcx, dc } = await loadSubjects()));

describe('status-documented', () => {
  const table: Array<[string, 'hcx' | 'dc', number, string]> = [
    ['HCX 202', 'hcx', 202, 'pass'],
    ['HCX 404 (documented without a body)', 'hcx', 404, 'pass'],
    ['HCX 200 instead of 202', 'hcx', 200, 'fail'],
    ['HCX 409 (no range key)', 'hcx', 409, 'fail'],
    ['DC 200', 'dc', 200, 'pass'],
    ['DC 409 through 4XX', 'dc', 409, 'pass'],
    ['DC 503 through 5XX', 'dc', 503, 'pass'],
    ['DC 201 instead of 200', 'dc', 201, 'fail'],
    ['DC 302', 'dc', 302, 'fail'],
  ];
  it.each(table)('%s → %s', (_label, which, status, expected) => {
    expect(outcomes(verdictsOf(statusDocumented, which === 'hcx' ? hcx : dc, { status }))).toEqual([expected]);
  });

  it('names the documented set when it fires', () => {
    const [verdict] = verdictsOf(statusDocumented, dc, { status: 201 });
    expect(verdict?.message).toContain('201');
    expect(verdict?.message).toContain('200, 400, 401, 403, 404, 4XX, 5XX');
  });

  it('accepts the statuses the user adds, exact or as a range', () => {
    expect(outcomes(verdictsOf(statusDocumented, hcx, { status: 429 }))).toEqual(['fail']);
    expect(outcomes(verdictsOf(statusDocumented, hcx, { status: 429 }, { acceptedStatuses: ['429'] }))).toEqual(['pass']);
    expect(outcomes(verdictsOf(statusDocumented, hcx, { status: 409 }, { acceptedStatuses: ['4XX'] }))).toEqual(['pass']);
  });

  it('skips transport failures', () => {
    expect(verdictsOf(statusDocumented, hcx, { failure: { kind: 'connection-reset', message: 'socket hang up', durationMs: 3 } })).toEqual([]);
  });
});
