import { readFileSync } from 'node:fs';
import { Agent, ProxyAgent, interceptors, type Dispatcher } from 'undici';
import { ConfigError } from '../errors/ConformanceError.ts';
import { overridingConnector } from './hostOverrides.ts';
import type { RunnerOptions } from './RunnerOptions.ts';
import { requestDeadline } from './requestDeadline.ts';
import { NON_IDEMPOTENT_RETRY_STATUSES, RETRY_STATUSES, throttleRetry, type ThrottleRetryOptions } from './throttleRetry.ts';

/** TLS settings for connections to the target (also used by the reachability probe). */
export function tlsConnectOptions(options: RunnerOptions): { ca?: Buffer; rejectUnauthorized: boolean } {
  const { caFile, insecure } = options.tls ?? {};
  let ca: Buffer | undefined;
  if (caFile) {
    try {
      ca = readFileSync(caFile);
    } catch (cause) {
      throw new ConfigError(`cannot read CA file ${caFile}: ${(cause as NodeJS.ErrnoException).code ?? String(cause)}`);
    }
  }
  return { ...(ca ? { ca } : {}), rejectUnauthorized: insecure !== true };
}

/** undici's fast timers fire with about this much delay: timeouts under it need a timer of their own. */
const UNDICI_TIMER_RESOLUTION_MS = 1000;

/**
 * The one dispatcher of a runner: a keep-alive Agent (or ProxyAgent) with a pool per origin sized to
 * the concurrency and the three timeouts, composed with a precise per-attempt deadline
 * (`requestDeadline`) and the retry interceptor: `dispatcher` retries 429/503 (idempotent requests),
 * `nonIdempotent` only 429, over the same connections. No redirect interceptor: a 3xx comes back as it
 * is, so the runner reports it instead of following it.
 */
export function createDispatcher(
  options: RunnerOptions,
  retry: Omit<ThrottleRetryOptions, 'maxRetries' | 'maxDelayMs' | 'statuses'>,
): { dispatcher: Dispatcher; nonIdempotent: Dispatcher; close: () => Promise<void> } {
  const connect = { ...tlsConnectOptions(options), timeout: options.timeouts.connectMs };
  const poolOptions = {
    connections: options.concurrency,
    pipelining: 1,
    headersTimeout: options.timeouts.headersMs,
    bodyTimeout: options.timeouts.bodyMs,
  };
  const base: Agent | ProxyAgent = options.proxy
    ? new ProxyAgent({ uri: options.proxy, ...poolOptions, requestTls: connect, proxyTls: { timeout: options.timeouts.connectMs } })
    : new Agent({ ...poolOptions, connect: options.resolve ? overridingConnector(options.resolve, connect) : connect });
  // undici's own timers tick about once a second: a shorter timeout gets a precise timer per attempt
  // (under the retry interceptor, so each attempt has its own); longer ones cost nothing extra.
  const { connectMs, headersMs, bodyMs } = options.timeouts;
  const precise = Math.min(connectMs, headersMs, bodyMs) < UNDICI_TIMER_RESOLUTION_MS;
  const deadline: Dispatcher.DispatcherComposeInterceptor = precise ? requestDeadline(options.timeouts) : (dispatch) => dispatch;
  const retrying = (statuses: readonly number[]): Dispatcher =>
    options.retry.maxRetries > 0
      ? base.compose(
          deadline,
          interceptors.retry({
            throwOnError: false,
            maxRetries: options.retry.maxRetries,
            retry: throttleRetry({ maxRetries: options.retry.maxRetries, maxDelayMs: options.retry.maxDelayMs, statuses, claimRetry: retry.claimRetry }),
          }),
        )
      : base.compose(deadline);
  return { dispatcher: retrying(RETRY_STATUSES), nonIdempotent: retrying(NON_IDEMPOTENT_RETRY_STATUSES), close: () => base.close() };
}
