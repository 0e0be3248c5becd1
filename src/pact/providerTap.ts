import type { ObservedTraffic } from '../proxy/ObservedTraffic.ts';
import { startProxy } from '../proxy/startProxy.ts';
import { Pacer } from '../runner/Pacer.ts';
import { RequestBudgetError } from '../runner/RequestBudgetError.ts';

/** One request of the verifier to the provider, in the order sent: what passed, or why it was not sent. */
export type TappedRequest = { readonly traffic: ObservedTraffic } | { readonly method: string; readonly url: string; readonly notSent: string };

export interface ProviderTapOptions {
  /** The provider's base URL. */
  readonly upstream: string;
  /** Bytes of each body kept for judging. */
  readonly maxBodyBytes: number;
  /** Requests that may reach the provider; past it, the tap answers 503 itself. */
  readonly maxRequests?: number;
  readonly rateLimitPerSecond?: number;
  readonly timeouts: { readonly connectMs: number; readonly headersMs: number; readonly bodyMs: number };
}

export interface ProviderTap {
  /** Where the verifier sends its requests instead of the provider. */
  readonly url: string;
  /** Every request so far, in the order the verifier sent them (it sends one at a time). */
  requests(): readonly TappedRequest[];
  close(): Promise<void>;
}

/**
 * A forwarding proxy on loopback between Pact's verifier and the provider, changing nothing it
 * forwards: each answer the verifier receives is kept (capped) for the document's checks, and the
 * request budget and rate limit of a run apply to what reaches the provider.
 */
export async function startProviderTap(options: ProviderTapOptions): Promise<ProviderTap> {
  const requests: TappedRequest[] = [];
  const pacer = options.rateLimitPerSecond !== undefined ? new Pacer(options.rateLimitPerSecond) : undefined;
  let sent = 0;
  const base = options.upstream.replace(/\/+$/, '');
  const proxy = await startProxy({
    upstream: options.upstream,
    host: '127.0.0.1',
    port: 0,
    maxBodyBytes: options.maxBodyBytes,
    timeouts: options.timeouts,
    admit() {
      if (options.maxRequests !== undefined && sent >= options.maxRequests) return undefined;
      sent += 1;
      return pacer?.reserve() ?? 0;
    },
    onRefused: (method, url) => requests.push({ method, url, notSent: new RequestBudgetError(options.maxRequests ?? 0).message }),
    onExchange: (traffic) => requests.push({ traffic }),
    // The verifier stopped waiting (its own timeout): the provider gave it no answer in time.
    onAbandoned: (method, path) =>
      requests.push({
        traffic: { method, url: `${base}${path}`, requestHeaders: {}, failure: { kind: 'timeout', message: "no answer before the verifier's timeout" }, durationMs: options.timeouts.headersMs },
      }),
  });
  return { url: proxy.url, requests: () => requests, close: () => proxy.close() };
}
