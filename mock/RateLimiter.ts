/** A fixed one-second window: at most `requestsPerSecond` requests in each. */
export class RateLimiter {
  private readonly limit: number;
  private windowStart = 0;
  private used = 0;

  constructor(requestsPerSecond: number) {
    this.limit = requestsPerSecond;
  }

  take(now: number = Date.now()): boolean {
    if (now - this.windowStart >= 1000) {
      this.windowStart = now;
      this.used = 0;
    }
    if (this.used >= this.limit) return false;
    this.used += 1;
    return true;
  }
}
