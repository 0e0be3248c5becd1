import type { Check } from './Check.ts';

/** No usable response: timeout, reset, redirect, rate limit exhausted, oversize body, garbage. */
export const transport: Check = {
  name: 'transport',
  title: 'A usable HTTP response comes back',
  provenance: 'robustness',
  run(exchange) {
    const { failure } = exchange;
    if (failure) return { check: 'transport', outcome: 'fail', message: `no usable response (${failure.kind}): ${failure.message}` };
    return { check: 'transport', outcome: 'pass', message: `answered ${exchange.response?.status ?? '(no status)'}` };
  },
};
