import type { Case, PlannedRequest } from '../model/Case.ts';
import { compilePathTemplate } from '../openapi/compilePathTemplate.ts';
import type { Operation } from '../openapi/Operation.ts';
import { credentialHeaderNames } from '../runner/credentialHeaderNames.ts';
import { REDACTED } from '../runner/redact.ts';
import { requestTarget } from '../runner/requestTarget.ts';
import type { CorpusEntry } from './CorpusEntry.ts';

/** Headers the runner sets itself or that carried a credential (stored redacted, so useless to resend). */
const DROPPED_HEADERS = new Set(['content-length', 'host', 'connection', 'transfer-encoding']);

/** Matches a URL path against a path template at its end (the base URL may carry a prefix). */
function matchPath(template: string, pathname: string): { path: string; params: Record<string, string> } | undefined {
  const { source, parameterNames } = compilePathTemplate(template);
  // An empty parameter is a case of its own (an empty segment sent on purpose).
  const match = new RegExp(`(${source.replaceAll('([^/]+)', '([^/]*)')})$`).exec(pathname);
  if (!match) return undefined;
  const params: Record<string, string> = {};
  parameterNames.forEach((name, i) => {
    const raw = match[i + 2] ?? '';
    try {
      params[name] = decodeURIComponent(raw);
    } catch {
      params[name] = raw;
    }
  });
  return { path: match[1]!, params };
}

/**
 * Turns a stored failing case back into a case the engine can send first on the next run. The request is
 * rebuilt from what was sent (minus credentials, which the runner adds again as the intent asks), so it
 * replays even when the planner changed. Undefined when the entry no longer fits the operation.
 */
export function corpusCase(entry: CorpusEntry, operation: Operation): Case | undefined {
  if (entry.operationId !== operation.operationId || entry.request.method.toUpperCase() !== operation.method.toUpperCase()) return undefined;
  let url: URL;
  try {
    url = new URL(entry.request.url);
  } catch {
    return undefined;
  }
  // The path as sent, not as a URL parser normalises it (an id of `%2E%2E` stays one).
  const matched = matchPath(operation.pathTemplate, requestTarget(entry.request.url).replace(/\?.*$/, ''));
  if (!matched) return undefined;
  const credentialHeaders = credentialHeaderNames([operation]);
  const headers = Object.fromEntries(
    Object.entries(entry.request.headers).filter(([name, value]) => {
      const lower = name.toLowerCase();
      return !DROPPED_HEADERS.has(lower) && !credentialHeaders.has(lower) && value !== REDACTED;
    }),
  );
  let body: PlannedRequest['body'];
  if (entry.request.bodyText !== undefined) {
    const text = entry.request.bodyText;
    try {
      const json: unknown = JSON.parse(text);
      // Only as JSON when it re-serialises to the same bytes; otherwise the exact bytes matter.
      body = JSON.stringify(json) === text ? { json } : { raw: text };
    } catch {
      body = { raw: text };
    }
  }
  const auth: PlannedRequest['auth'] = entry.intent.kind === 'no-auth' ? 'none' : entry.intent.kind === 'wrong-auth' ? 'wrong' : 'configured';
  const wrongAs = entry.intent.kind === 'wrong-auth' ? entry.intent.wrongAs : undefined;
  return {
    id: entry.caseId,
    operationId: entry.operationId,
    intent: entry.intent,
    request: {
      method: entry.request.method,
      path: matched.path,
      pathParams: matched.params,
      query: Object.fromEntries(url.searchParams),
      headers,
      ...(body !== undefined ? { body } : {}),
      auth,
      ...(wrongAs ? { wrongAs } : {}),
    },
    seed: entry.seed,
    needsFixture: false,
    ...(entry.sequence ? { replaysSequence: entry.sequence } : {}),
  };
}
