import { beforeAll, describe, expect, it } from 'vitest';
import { notServerError } from '../../src/checks/notServerError.ts';
import { loadSubjects, outcomes, verdictsOf, type Subject } from './fixtures.ts';

let hcx: Subject;
let dc: Subject;
beforeAll(async () => ({ hcx, dc } = await loadSubjects()));

describe('not-server-error', () => {
  const table: Array<['hcx' | 'dc', number, string]> = [
    ['hcx', 202, 'pass'],
    ['hcx', 400, 'pass'],
    ['hcx', 500, 'fail'],
    ['dc', 200, 'pass'],
    ['dc', 404, 'pass'],
    ['dc', 503, 'fail'],
  ];
  it.each(table)('%s %i → %s', (which, status, expected) => {
    expect(outcomes(verdictsOf(notServerError, which === 'hcx' ? hcx : dc, { status, json: { errors: [] } }))).toEqual([expected]);
  });

  it('skips transport failures', () => {
    expect(verdictsOf(notServerError, dc, { failure: { kind: 'timeout', message: 'no answer', durationMs: 5 } })).toEqual([]);
  });
});
