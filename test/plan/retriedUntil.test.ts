import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { retriedUntil } from '../../src/plan/arbitraries/retriedUntil.ts';

describe('retriedUntil', () => {
  it('draws again until the value keeps the rule, and shrinks only to values that keep it', () => {
    const even = retriedUntil(fc.integer({ min: 0, max: 1000 }), (n) => n % 2 === 0);
    expect(fc.sample(even, { seed: 1, numRuns: 300 }).every((n) => n % 2 === 0)).toBe(true);
    // Shrinking as fast-check's own filter shrinks: never through an odd value.
    const details = fc.check(
      fc.property(even, (n) => n < 100),
      { seed: 1 },
    );
    const filtered = fc.check(
      fc.property(
        fc.integer({ min: 0, max: 1000 }).filter((n) => n % 2 === 0),
        (n) => n < 100,
      ),
      { seed: 1 },
    );
    expect(details.failed).toBe(true);
    expect(details.counterexample).toEqual(filtered.counterexample);
    expect(details.counterexample![0] % 2).toBe(0);
  });

  it('is bounded: a rule no draw keeps does not stall generation, the last draw goes as it is', () => {
    let draws = 0;
    const counted = fc.integer().map((n) => {
      draws += 1;
      return n;
    });
    const never = retriedUntil(counted, () => false, 5);
    expect(fc.sample(never, { seed: 1, numRuns: 10 })).toHaveLength(10);
    expect(draws).toBe(50);
  });

  it('keeps the draws of an arbitrary whose values all keep the rule: the same seed, the same values', () => {
    const plain = fc.string();
    expect(
      fc.sample(
        retriedUntil(plain, () => true),
        { seed: 3, numRuns: 50 },
      ),
    ).toEqual(fc.sample(plain, { seed: 3, numRuns: 50 }));
  });

  it('refuses a number of attempts that is not a positive integer', () => {
    expect(() => retriedUntil(fc.integer(), () => true, 0)).toThrow(/retriedUntil: attempts must be a positive integer, got 0/);
  });
});
