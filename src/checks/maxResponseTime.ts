import type { Check } from './Check.ts';
import { whenResponse } from './whenResponse.ts';

/** The settings of `max-response-time` (config file `checks.max-response-time`). */
export interface MaxResponseTimeSettings {
  /** The longest an answer may take, from sending the request to its last byte, in milliseconds. */
  readonly limitMs: number;
}

function limitOf(settings: Readonly<Record<string, unknown>> | undefined): number | undefined {
  const limit = (settings as Partial<MaxResponseTimeSettings> | undefined)?.limitMs;
  return typeof limit === 'number' ? limit : undefined;
}

/**
 * Every answer comes within the limit the config file sets (`checks.max-response-time.limitMs`). No
 * page states a response time: the limit is the user's, so the rule is a `convention` (a warning unless
 * `severity` promotes it), and without a limit the check does not run.
 */
export const maxResponseTime: Check = whenResponse({
  name: 'max-response-time',
  title: 'Answers come within the configured time',
  provenance: 'convention',
  needsSettings: true,
  run(exchange, { settings }) {
    const limitMs = limitOf(settings);
    if (limitMs === undefined) return undefined;
    const took = Math.round(exchange.response.durationMs);
    return took <= limitMs
      ? { check: 'max-response-time', outcome: 'pass', message: `answered in ${took} ms (limit ${limitMs} ms)` }
      : { check: 'max-response-time', outcome: 'fail', message: `answered in ${took} ms, over the limit of ${limitMs} ms (checks.max-response-time.limitMs)` };
  },
});
