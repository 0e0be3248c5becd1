import type { Exchange } from '../model/Exchange.ts';

/**
 * What an exchange shows of a server that is down rather than wrong: `no-answer` (a timeout, a reset, a
 * refused connection: nothing came back), `error-answer` (a 5xx or a redirect), or nothing.
 */
export type Outage = 'no-answer' | 'error-answer';

const NO_ANSWER = new Set(['timeout', 'connection-reset', 'connection-refused']);

export function outageOf(exchange: Pick<Exchange, 'response' | 'failure'>): Outage | undefined {
  const { response, failure } = exchange;
  if (response === undefined) return failure !== undefined && NO_ANSWER.has(failure.kind) ? 'no-answer' : undefined;
  const { status } = response;
  return status >= 500 || (status >= 300 && status < 400 && status !== 304) ? 'error-answer' : undefined;
}
