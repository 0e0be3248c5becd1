import { REMOTE_DEFAULTS, type ConformanceConfig } from '../config/ConformanceConfig.ts';
import { hostOverridesOf } from '../runner/hostOverrides.ts';
import { isLoopback } from '../runner/isLoopback.ts';
import type { RunnerOptions } from '../runner/RunnerOptions.ts';
import type { PreparedOperation } from './PreparedOperation.ts';

/** The runner settings of the operations sent to one target: a remote one gets the safe defaults. */
export function runnerOptionsFor(config: ConformanceConfig, operations: readonly PreparedOperation[], token: string | undefined): RunnerOptions {
  const remote = operations.some((p) => !isLoopback(p.baseUrl));
  const maxRequests = config.maxRequests ?? (remote ? REMOTE_DEFAULTS.maxRequests : undefined);
  const rateLimit = config.rateLimit ?? (remote ? REMOTE_DEFAULTS.rateLimit : undefined);
  const maxAccepted = config.maxAccepted ?? (remote ? REMOTE_DEFAULTS.maxAccepted : undefined);
  return {
    headers: config.headers,
    ...(token !== undefined ? { token } : {}),
    timeouts: config.timeouts,
    concurrency: config.concurrency,
    retry: { maxRetries: config.retries, maxDelayMs: 10_000 },
    maxResponseBytes: config.maxResponseBytes,
    ...(config.caFile || config.insecure ? { tls: { ...(config.caFile ? { caFile: config.caFile } : {}), insecure: config.insecure } } : {}),
    ...(config.proxy ? { proxy: config.proxy } : {}),
    ...(config.resolve && config.resolve.length > 0 ? { resolve: hostOverridesOf(config.resolve) } : {}),
    ...(rateLimit !== undefined ? { rateLimitPerSecond: rateLimit } : {}),
    ...(maxRequests !== undefined ? { maxRequests } : {}),
    ...(maxAccepted !== undefined ? { maxAccepted } : {}),
  };
}
