/** Spaces request starts at least 1/rate seconds apart (no bursts: a remote target sees an even pace). */
export class Pacer {
  readonly #intervalMs: number;
  #nextFree = 0;

  constructor(ratePerSecond: number) {
    if (!(ratePerSecond > 0)) throw new RangeError(`rate limit must be > 0 requests per second, got ${ratePerSecond}`);
    this.#intervalMs = 1000 / ratePerSecond;
  }

  /** Claims the next start slot and returns how long to wait for it (0: now). */
  reserve(): number {
    const now = performance.now();
    const at = Math.max(now, this.#nextFree);
    this.#nextFree = at + this.#intervalMs;
    return at - now;
  }
}
