import { describe, expect, it } from 'vitest';
import type { CaseResult } from '../../src/model/CaseResult.ts';
import type { Accumulator } from '../../src/report/Accumulator.ts';
import { cellOutcome, checkTally, combineCells, type TalliedCase } from '../../src/report/checkTally.ts';
import { coverageFold, type CoverageMark } from '../../src/report/coverageFold.ts';
import { combineCoverage, strongerOutcome } from '../../src/report/coverageOutcome.ts';
import { findingEntries, findingSet, type FindingEntry } from '../../src/report/findingSet.ts';
import { operationEvidence, type EvidenceItem, type OperationEvidence } from '../../src/report/operationEvidence.ts';
import { HCX, makeFinding } from '../reporters/fixtures.ts';

/** The laws every accumulator keeps, over one list of items and every split of it. */
function obeysLaws<A, I>(name: string, acc: Accumulator<A, I>, items: readonly I[], view: (a: A) => unknown): void {
  const fold = (list: readonly I[]): A => list.reduce((a, item) => acc.add(a, item), acc.empty());
  describe(`${name} is a monoid`, () => {
    it('has empty as its identity', () => {
      const whole = fold(items);
      expect(view(acc.combine(acc.empty(), whole))).toEqual(view(whole));
      expect(view(acc.combine(whole, acc.empty()))).toEqual(view(whole));
    });
    it('combines the folds of any split as the fold of the whole (legs, shards)', () => {
      for (let cut = 0; cut <= items.length; cut += 1) {
        expect(view(acc.combine(fold(items.slice(0, cut)), fold(items.slice(cut))))).toEqual(view(fold(items)));
      }
    });
    it('is associative and leaves its arguments alone', () => {
      const [a, b, c] = [fold(items.slice(0, 1)), fold(items.slice(1, 3)), fold(items.slice(3))];
      const before = [view(a), view(b), view(c)];
      expect(view(acc.combine(acc.combine(a, b), c))).toEqual(view(acc.combine(a, acc.combine(b, c))));
      expect([view(a), view(b), view(c)]).toEqual(before);
    });
  });
}

const tallied: TalliedCase[] = [
  { kind: 'passed', unanswered: false },
  { kind: 'failed', unanswered: true },
  { kind: 'warned', unanswered: false },
  { kind: 'refused', unanswered: false },
  { kind: 'failed', unanswered: false },
];
obeysLaws('the check tally', checkTally, tallied, (t) => t);

const marks: CoverageMark[] = [
  { column: 'boundary', key: 'op|C', outcome: 'not-run' },
  { column: 'boundary', key: 'op|C', outcome: 'pass' },
  { column: 'violation', key: 'op|C', outcome: 'fail' },
  { column: 'conflict', key: 'op|D', status: 422 },
  { column: 'response', key: 'op|status:200', outcome: 'pass' },
  { column: 'conflict', key: 'op|D', status: 409 },
];
const plainFold = (f: ReturnType<typeof coverageFold.empty>): unknown => ({
  boundary: Object.fromEntries(f.boundary),
  violation: Object.fromEntries(f.violation),
  response: Object.fromEntries(f.response),
  conflicts: Object.fromEntries([...f.conflicts].map(([k, v]) => [k, [...v].sort()])),
});
obeysLaws('the coverage fold', coverageFold, marks, plainFold);

const big = (n: number): FindingEntry['finding'] =>
  makeFinding({ operationId: HCX, check: 'negative-rejection', constraintId: 'C', caseId: `case-${n}`, request: { method: 'POST', url: `http://x/${'a'.repeat(n)}`, headers: {} } });
const entries: FindingEntry[] = [
  { finding: big(5), count: 1, tags: [] },
  { finding: big(2), count: 3, tags: [] },
  { finding: { ...big(1), severity: 'warning' }, count: 1, tags: [] },
  { finding: big(9), count: 1, tags: ['refused'] },
  { finding: big(2), count: 1, tags: [] },
];
obeysLaws('the finding set', findingSet, entries, (s) => findingEntries(s));

const sent = { method: 'POST', url: 'http://x/op', headers: { 'x-auth-token': '[REDACTED]' } };
const ran = (kind: 'valid' | 'invalid', status: number | undefined): CaseResult => ({
  status: 'ran',
  case: {
    id: `${kind}-${status}`,
    operationId: HCX,
    intent: kind === 'valid' ? { kind, label: 'v' } : { kind, constraintId: 'C', label: 'i' },
    seed: 1,
    request: { method: 'POST', path: '/op', query: {}, headers: {} },
  } as unknown as CaseResult['case'],
  exchange: { case: undefined, sent, ...(status !== undefined ? { response: { status, headers: {}, bodyText: '' } } : { failure: { kind: 'timeout', message: 'slow' } }) } as unknown as Extract<
    CaseResult,
    { status: 'ran' }
  >['exchange'],
  verdicts: [],
});
const hints = { notFoundStatuses: ['400'], stateConflictStatuses: ['422'] };
const items: EvidenceItem[] = [
  { result: ran('valid', 200), noAnswer: false, hints },
  { result: ran('valid', 401), noAnswer: false, hints },
  { result: ran('invalid', 503), noAnswer: false, hints },
  { result: ran('valid', 422), noAnswer: false, hints },
  { result: ran('valid', undefined), noAnswer: true, hints },
  { result: { status: 'not-run', case: ran('valid', 1).case, reason: 'needs a fixture' }, noAnswer: false, hints },
  { probe: { what: 'the fixture probe', url: '/op/1', status: 404, credentialHeaders: ['x-auth-token'] } },
];
const plain = (e: OperationEvidence): unknown => JSON.parse(JSON.stringify(e, (_k, v: unknown) => (v instanceof Set ? [...v].sort() : v instanceof Map ? Object.fromEntries(v) : v)));
obeysLaws('the operation evidence', operationEvidence, items, plain);

describe('the kernel formulas', () => {
  it('counts evidence by what each answer shows', () => {
    const e = items.reduce(operationEvidence.add, operationEvidence.empty());
    expect(e).toMatchObject({ validAnswered: 3, validAccepted: 1, validRefused: 1, validInConflict: 1, otherAnswered: 1, serverErrors: 1, url: 'http://x/op' });
    expect([...e.unanswered]).toEqual([['timeout', 1]]);
    expect([...e.credentialHeaders]).toEqual(['x-auth-token']);
  });

  it('keeps the smallest reproducer and sums occurrences; tags keep entries apart', () => {
    const set = entries.reduce(findingSet.add, findingSet.empty());
    const failures = findingEntries(set).filter((e) => e.finding.severity === 'failure');
    expect(failures.map((e) => [e.finding.caseId, e.count, e.tags])).toEqual([
      ['case-2', 5, []],
      ['case-9', 1, ['refused']],
    ]);
  });

  it('judges a cell by its worst count, and n/a only where nothing was judged or both cells were n/a', () => {
    expect(cellOutcome({ passed: 3, failed: 1, warned: 1 })).toBe('fail');
    expect(cellOutcome({ passed: 3, failed: 0, warned: 1 })).toBe('warn');
    expect(cellOutcome({ passed: 3, failed: 0, warned: 0 })).toBe('pass');
    expect(cellOutcome({ passed: 0, failed: 0, warned: 0 })).toBe('n/a');
    const cell = { operationId: HCX, target: 't', check: 'c', passed: 0, failed: 0, warned: 0 };
    expect(combineCells({ ...cell, outcome: 'n/a' }, { ...cell, outcome: 'n/a' }).outcome).toBe('n/a');
    expect(combineCells({ ...cell, outcome: 'n/a' }, { ...cell, passed: 2, outcome: 'pass' })).toMatchObject({ outcome: 'pass', passed: 2 });
  });

  it('keeps the better-informed coverage: fail over pass over not-run over n/a', () => {
    expect(strongerOutcome('n/a', 'not-run')).toBe('not-run');
    expect(strongerOutcome('pass', 'not-run')).toBe('pass');
    expect(strongerOutcome('pass', 'fail')).toBe('fail');
    const row = { constraintId: 'C', operationId: HCX, target: 't', where: 'body', kind: 'maxLength', source: 's', responseHonoured: 'n/a' as const };
    expect(combineCoverage({ ...row, boundaryAccepted: 'pass', violationRejected: 'not-run' }, { ...row, boundaryAccepted: 'not-run', violationRejected: 'fail' })).toMatchObject({
      boundaryAccepted: 'pass',
      violationRejected: 'fail',
    });
  });
});
