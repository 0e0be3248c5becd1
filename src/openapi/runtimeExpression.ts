import type { PlannedRequest } from '../model/Case.ts';
import type { RecordedResponse } from '../model/Exchange.ts';
import { valueAt } from './pointer.ts';
import { jsonText } from './jsonText.ts';

/** What a runtime expression of an OpenAPI link reads: the request sent and the answer it got. */
export interface ExpressionSource {
  readonly request: PlannedRequest;
  readonly url: string;
  readonly response: RecordedResponse;
  /** The answer's parsed JSON body. */
  readonly body: unknown;
}

function headerOf(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  const wanted = name.toLowerCase();
  return Object.entries(headers).find(([key]) => key.toLowerCase() === wanted)?.[1];
}

function bodyOf(request: PlannedRequest): unknown {
  return request.body && 'json' in request.body ? request.body.json : undefined;
}

/** One expression (`$response.body#/data/id`, `$request.path.id`, `$statusCode`, ...); undefined when it reads nothing. */
function evaluateOne(expression: string, source: ExpressionSource): unknown {
  if (expression === '$url') return source.url;
  if (expression === '$method') return source.request.method;
  if (expression === '$statusCode') return source.response.status;
  const match = /^\$(request|response)\.(header|query|path|body)(?:\.(.+)|#(.*))?$/.exec(expression);
  if (!match) return undefined;
  const [, side, part, name, pointer] = match as unknown as [string, 'request' | 'response', string, string | undefined, string | undefined];
  if (side === 'response') {
    if (part === 'header' && name !== undefined) return headerOf(source.response.headers, name);
    if (part === 'body') return pointer === undefined ? source.body : valueAt(source.body, decodeURIComponent(pointer));
    return undefined;
  }
  if (part === 'header' && name !== undefined) return headerOf(source.request.headers, name);
  if (part === 'query' && name !== undefined) return source.request.query[name];
  if (part === 'path' && name !== undefined) return source.request.pathParams[name];
  if (part === 'body') return pointer === undefined ? bodyOf(source.request) : valueAt(bodyOf(source.request), decodeURIComponent(pointer));
  return undefined;
}

/**
 * The value of a link parameter (OpenAPI 3.1, "Runtime Expressions"): a whole expression, a string
 * with expressions embedded in braces (`jobs/{$response.body#/id}`), or a constant.
 */
export function evaluateRuntimeExpression(value: unknown, source: ExpressionSource): unknown {
  if (typeof value !== 'string') return value;
  if (value.startsWith('$')) return evaluateOne(value, source);
  if (!value.includes('{$')) return value;
  let missing = false;
  const text = value.replace(/\{(\$[^}]+)\}/g, (_, inner: string) => {
    const part = evaluateOne(inner, source);
    if (part === undefined || part === null) missing = true;
    return jsonText(part);
  });
  return missing ? undefined : text;
}
