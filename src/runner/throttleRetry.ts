import type { RetryHandler } from 'undici';
import { parseRetryAfter } from './parseRetryAfter.ts';

/** Statuses that mean "come back later". */
export const RETRY_STATUSES: readonly number[] = [429, 503];

/**
 * Statuses a non-idempotent request is retried on: a 429 says the request was not acted on; a 503 does
 * not (a gateway may answer it after the server applied the request), so sending it again could apply
 * it twice.
 */
export const NON_IDEMPOTENT_RETRY_STATUSES: readonly number[] = [429];

const BACKOFF_MS = 250;

export interface ThrottleRetryOptions {
  readonly maxRetries: number;
  /** The statuses retried (default `RETRY_STATUSES`). */
  readonly statuses?: readonly number[];
  readonly maxDelayMs: number;
  /**
   * Called before each retry: claims a request from the budget and a pacing slot. Returns the extra wait
   * the pacer asks for, or `undefined` when the budget is spent (the last answer is then kept).
   */
  readonly claimRetry: () => number | undefined;
}

/**
 * The `retry` decision for undici's retry interceptor: only a 429/503 answer (429 alone for a
 * non-idempotent request, `NON_IDEMPOTENT_RETRY_STATUSES`) is retried (never a
 * network error: a reset or timeout is a finding, and retrying a non-idempotent PUT/PATCH after a
 * lost answer could apply it twice), after `Retry-After` (seconds or HTTP date) capped at `maxDelayMs`,
 * or a short exponential backoff when the server gives none.
 */
export function throttleRetry(options: ThrottleRetryOptions): RetryHandler.RetryCallback {
  const statuses = options.statuses ?? RETRY_STATUSES;
  return (err, { state }, callback) => {
    const { statusCode, headers } = err as Error & { statusCode?: number; headers?: Record<string, string | string[] | undefined> };
    // `state.counter` counts answers so far: 1 after the first attempt.
    if (statusCode === undefined || !statuses.includes(statusCode) || state.counter > options.maxRetries) {
      callback(err);
      return;
    }
    const header = headers?.['retry-after'];
    const asked = parseRetryAfter(Array.isArray(header) ? header[0] : header);
    const wait = Math.min(asked ?? BACKOFF_MS * 2 ** (state.counter - 1), options.maxDelayMs);
    const paced = options.claimRetry();
    if (paced === undefined) {
      callback(err);
      return;
    }
    setTimeout(() => callback(null), Math.max(wait, paced));
  };
}
