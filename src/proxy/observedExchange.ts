import type { Case, PlannedRequest } from '../model/Case.ts';
import type { Exchange, RecordedResponse } from '../model/Exchange.ts';
import { redactHeaders, redactResponseHeaders, redactText } from '../runner/redact.ts';
import type { ObservedTraffic } from './ObservedTraffic.ts';
import type { OperationMatch } from './operationMatcher.ts';

/** The body as the validators read it: none, a JSON value, or bytes that do not parse. */
function bodyOf(text: string | undefined): PlannedRequest['body'] {
  if (text === undefined || text === '') return undefined;
  try {
    return { json: JSON.parse(text) as unknown };
  } catch {
    return { raw: text };
  }
}

/**
 * Observed traffic as the engine's exchange of an `observed` case, with every credential already gone:
 * credential headers (the documents' schemes, Authorization, Cookie, and Set-Cookie in answers) show
 * `[REDACTED]`, and `secrets` (every credential value seen so far) are scrubbed from the URL, every other
 * header value of both sides (a Referer, a Location, a debug header), both bodies and the parsed JSON.
 * Every writer of `proxy` and `check-har` reads this exchange only.
 */
export function observedExchange(traffic: ObservedTraffic, match: OperationMatch, index: number, credentialNames: ReadonlySet<string>, secrets: Iterable<string>): Exchange {
  const scrub = (text: string): string => redactText(text, secrets);
  const url = new URL(traffic.url);
  const requestHeaders = Object.fromEntries(Object.entries(redactHeaders({ ...traffic.requestHeaders }, credentialNames)).map(([name, value]) => [name, scrub(value)]));
  const requestBody = traffic.requestBody === undefined ? undefined : scrub(traffic.requestBody);
  const { operationId } = match.prepared.operation;
  const body = bodyOf(requestBody);
  const request: PlannedRequest = {
    method: traffic.method.toUpperCase(),
    path: scrub(url.pathname),
    pathParams: Object.fromEntries(Object.entries(match.pathParams).map(([k, v]) => [k, scrub(v)])),
    query: Object.fromEntries([...url.searchParams].map(([k, v]) => [k, scrub(v)])),
    headers: requestHeaders,
    ...(body !== undefined ? { body } : {}),
    auth: 'configured',
  };
  const testCase: Case = {
    id: `${operationId}:observed:${index}`,
    operationId,
    intent: { kind: 'observed', label: `${request.method} ${request.path}` },
    request,
    seed: 0,
    needsFixture: false,
    ...(traffic.requestBodyCut ? { bodyCut: true } : {}),
  };
  const sent = { method: request.method, url: scrub(traffic.url), headers: requestHeaders, ...(requestBody !== undefined ? { bodyText: requestBody } : {}) };
  const answer = traffic.response;
  let response: RecordedResponse | undefined;
  if (answer) {
    let json: unknown;
    if (!answer.truncated && answer.body.length > 0) {
      try {
        // Parsed from the bytes received; only string values, where a server could echo a credential, are scrubbed.
        json = JSON.parse(answer.body, (_key, value: unknown) => (typeof value === 'string' ? scrub(value) : value));
      } catch {
        json = undefined;
      }
    }
    const headers = redactResponseHeaders(answer.headers, credentialNames, secrets);
    response = { status: answer.status, headers, bodyText: scrub(answer.body), ...(json !== undefined ? { json } : {}), truncated: answer.truncated, durationMs: traffic.durationMs };
  }
  return {
    case: testCase,
    sent,
    ...(response ? { response } : {}),
    ...(traffic.failure ? { failure: { kind: traffic.failure.kind, message: scrub(traffic.failure.message), durationMs: traffic.durationMs } } : {}),
  };
}
