import fc from 'fast-check';

class RetriedArbitrary<T> extends fc.Arbitrary<T> {
  constructor(
    private readonly arbitrary: fc.Arbitrary<T>,
    private readonly keeps: (value: T) => boolean,
    private readonly attempts: number,
  ) {
    super();
  }

  generate(random: fc.Random, biasFactor: number | undefined): fc.Value<T> {
    let drawn = this.arbitrary.generate(random, biasFactor);
    for (let i = 1; i < this.attempts && !this.keeps(drawn.value); i += 1) drawn = this.arbitrary.generate(random, biasFactor);
    return drawn;
  }

  canShrinkWithoutContext(value: unknown): value is T {
    return this.arbitrary.canShrinkWithoutContext(value);
  }

  shrink(value: T, context: unknown): fc.Stream<fc.Value<T>> {
    return this.arbitrary.shrink(value, context).filter((candidate) => this.keeps(candidate.value));
  }
}

/**
 * Values of `arbitrary` drawn again, at most `attempts` times in all, until `keeps` holds; shrinking
 * only offers values that keep it. The keyword modules' valid sides make a second draw rare (two
 * keywords that pull one object apart: a member one adds, the other's count trims); the bound keeps a
 * schema construct no keyword draws (`oneOf`, `not`) from stalling generation: its last draw goes as it is.
 */
export function retriedUntil<T>(arbitrary: fc.Arbitrary<T>, keeps: (value: T) => boolean, attempts = 20): fc.Arbitrary<T> {
  if (!Number.isInteger(attempts) || attempts < 1) throw new RangeError(`retriedUntil: attempts must be a positive integer, got ${attempts}`);
  return new RetriedArbitrary(arbitrary, keeps, attempts);
}
