import type { HostOverrides } from './hostOverrides.ts';
import type { SessionCredentials } from './SessionCredentials.ts';

/** Everything the HTTP runner needs; built once per run from the resolved configuration. */
export interface RunnerOptions {
  /**
   * `--header` values: sent with every request (but see `headerRoutes`), all treated as credentials (always
   * redacted) but `REPRESENTATION_HEADERS` (`Accept`, `Content-Type`, ...).
   */
  readonly headers: Readonly<Record<string, string>>;
  /**
   * Headers of `headers` that go only to some operations: lower-case name → the operationIds that take a
   * credential in it (`credentialRoutes`). A header not listed goes to every operation.
   */
  readonly headerRoutes?: ReadonlyMap<string, ReadonlySet<string>>;
  /** `--token`: sent in each operation's first credential scheme, with the scheme's prefix. */
  readonly token?: string;
  /** Tokens from logins (`auth:`): an operation a login serves gets its token instead of `token`. */
  readonly sessions?: SessionCredentials;
  readonly timeouts: { readonly connectMs: number; readonly headersMs: number; readonly bodyMs: number };
  /** Requests in flight at most (also the size of each origin's connection pool). */
  readonly concurrency: number;
  /** Retries on 429 and 503 (429 only for a request that is not idempotent), each waiting `Retry-After` (seconds or HTTP date) capped at `maxDelayMs`. */
  readonly retry: { readonly maxRetries: number; readonly maxDelayMs: number };
  /** Body bytes read at most; a longer body is cut, marked truncated and reported as `too-large`. */
  readonly maxResponseBytes: number;
  readonly tls?: { readonly caFile?: string; readonly insecure?: boolean };
  /** HTTP(S) proxy URL. */
  readonly proxy?: string;
  /** `--resolve`: connections to these `host:port` go to another address (the name is kept everywhere else). */
  readonly resolve?: HostOverrides;
  /** Client-side pacing: requests started per second at most (retries included). */
  readonly rateLimitPerSecond?: number;
  /** Request budget (retries included); once spent, `send()` throws `RequestBudgetError`. */
  readonly maxRequests?: number;
  /**
   * `--max-accepted`: accepted (2xx) state-changing requests per resource at most; once reached, `send()`
   * of a request to that resource throws `AcceptedLimitError` without sending. Absent: no limit.
   */
  readonly maxAccepted?: number;
  /** The run's interrupt: once aborted, requests in flight are cut and `send()` throws `RunInterruptedError`. */
  readonly signal?: AbortSignal;
}
