import type { CaseResult } from '../model/CaseResult.ts';
import type { ObservedTraffic } from './ObservedTraffic.ts';

/**
 * One log line for one exchange: method, redacted URL, status (or what went wrong), the operation and
 * the rules broken, e.g. `PUT http://h/v3/p/dcaas/hosted-connects/x 200 updateHostedConnect 12ms: response-schema DC.response.200.request_id.required`.
 */
export function exchangeLine(traffic: ObservedTraffic, url: string, result: CaseResult | undefined): string {
  const answer = traffic.response ? String(traffic.response.status) : `no answer (${traffic.failure?.kind ?? 'other'})`;
  const head = `${traffic.method} ${url} ${answer} ${Math.round(traffic.durationMs)}ms`;
  if (!result) return `${head}: no documented operation, not judged`;
  const broken = result.status === 'ran' ? result.verdicts.filter((v) => v.outcome === 'fail').map((v) => (v.constraintId ? `${v.check} ${v.constraintId}` : v.check)) : [];
  return `${head} ${result.case.operationId}: ${broken.length === 0 ? 'ok' : broken.join(', ')}`;
}
