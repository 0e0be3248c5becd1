import type { CaseResult } from '../model/CaseResult.ts';
import { describeKinds } from './inconclusiveCauses.ts';
import { outageOf } from './outageOf.ts';

/**
 * Consecutive requests to one target that got no answer at all (timeout, reset, refused connection)
 * before the run stops sending to it. Concurrent requests to a hanging server time out together, so the
 * first wave trips it; a server that drops one request in a few never does.
 */
export const CIRCUIT_BREAKER_THRESHOLD = 5;

/**
 * Watches one target's results in the order they complete and opens after `threshold` unanswered
 * requests in a row: a server that hangs or resets every connection is reported as such at once,
 * instead of every remaining case waiting out its timeout. Any answer closes the streak.
 */
export class CircuitBreaker {
  #streak = 0;
  readonly #kinds = new Map<string, number>();
  #open = false;

  constructor(private readonly threshold: number = CIRCUIT_BREAKER_THRESHOLD) {}

  /** Records one result; returns the reason to stop the first time the breaker opens. */
  record(result: CaseResult): string | undefined {
    if (this.#open || result.status !== 'ran') return undefined;
    if (outageOf(result.exchange) !== 'no-answer') {
      this.#streak = 0;
      this.#kinds.clear();
      return undefined;
    }
    this.#streak += 1;
    const kind = result.exchange.failure?.kind ?? 'other';
    this.#kinds.set(kind, (this.#kinds.get(kind) ?? 0) + 1);
    if (this.#streak < this.threshold) return undefined;
    this.#open = true;
    return `the server stopped answering: ${this.threshold} requests in a row got no answer (${describeKinds(this.#kinds)}), so the circuit breaker stopped sending to it; check the server, --timeout and --connect-timeout`;
  }
}
