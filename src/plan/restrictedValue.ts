import type { PlannedRequest } from '../model/Case.ts';
import { valueAt } from '../openapi/pointer.ts';
import type { ValueRestriction } from './ValueRestriction.ts';
import { jsonText } from '../openapi/jsonText.ts';

/** The value a request carries for the restricted input, `undefined` when it carries none. */
export function restrictedValue(request: PlannedRequest, restriction: ValueRestriction): unknown {
  const { site } = restriction;
  switch (site.in) {
    case 'body':
      return request.body && 'json' in request.body ? valueAt(request.body.json, site.pointer) : undefined;
    case 'path':
      return request.pathParams[site.name];
    case 'query':
      return request.query[site.name];
    case 'header': {
      const name = Object.keys(request.headers).find((k) => k.toLowerCase() === site.name.toLowerCase());
      return name === undefined ? undefined : request.headers[name];
    }
  }
}

/** Whether the restriction allows this value (JSON equality; a parameter's values are text). */
export function allowsValue(restriction: ValueRestriction, value: unknown): boolean {
  const text = JSON.stringify(value);
  return restriction.allowed.some((a) => JSON.stringify(a) === text);
}

/**
 * Why the request may not be sent (it carries a value a restriction excludes), or `undefined` when it
 * may. A raw (malformed) body is not read: it carries no member value.
 */
export function excludedBy(request: PlannedRequest, restrictions: readonly ValueRestriction[]): string | undefined {
  for (const r of restrictions) {
    const value = restrictedValue(request, r);
    if (value === undefined || allowsValue(r, value)) continue;
    return `it sends ${r.input}=${jsonText(value)}, and ${r.source} allows only ${r.allowed.map(jsonText).join(', ')}`;
  }
  return undefined;
}
