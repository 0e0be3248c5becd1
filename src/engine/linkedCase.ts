import type { Case } from '../model/Case.ts';
import type { Exchange } from '../model/Exchange.ts';
import type { LinkSpec } from '../openapi/LinkSpec.ts';
import type { Operation } from '../openapi/Operation.ts';
import { evaluateRuntimeExpression } from '../openapi/runtimeExpression.ts';
import { buildPath } from '../plan/buildPath.ts';
import { responseJson } from '../checks/responseJson.ts';
import { jsonText } from '../openapi/jsonText.ts';

/** A link parameter's name without its location (`path.id` names `id` in the path). */
function parameterTarget(name: string, operation: Operation): { in: string; name: string } | undefined {
  const qualified = /^(path|query|header)\.(.+)$/.exec(name);
  const wanted = qualified ? { in: qualified[1]!, name: qualified[2]! } : undefined;
  const found = operation.parameters.find((p) => (wanted ? p.in === wanted.in && p.name === wanted.name : p.name === name));
  return found ? { in: found.in, name: found.name } : undefined;
}

/**
 * The request a link of an answer leads to: the linked operation with the values the link names, read
 * from the request and its answer; the credential as the case that got the answer carried it. Returns
 * why it cannot be built when a path parameter gets no value (the answer lacks the id).
 */
export function linkedCase(link: LinkSpec, target: Operation, exchange: Exchange): Case | { readonly missing: string } {
  const origin = exchange.case;
  const source = { request: origin.request, url: exchange.sent.url, response: exchange.response!, body: responseJson(exchange.response!) };
  const pathParams: Record<string, string> = {};
  const query: Record<string, string> = {};
  const headers: Record<string, string> = {};
  for (const [name, expression] of Object.entries(link.parameters)) {
    const where = parameterTarget(name, target);
    if (!where) continue;
    const value = evaluateRuntimeExpression(expression, source);
    if (value === undefined || value === null) continue;
    (where.in === 'path' ? pathParams : where.in === 'query' ? query : headers)[where.name] = jsonText(value);
  }
  const missing = target.parameters.find((p) => p.in === 'path' && (pathParams[p.name] === undefined || pathParams[p.name] === ''));
  if (missing) return { missing: `${missing.name}: ${jsonText(link.parameters[missing.name] ?? link.parameters[`path.${missing.name}`] ?? '(not named by the link)')} gives no value` };
  return {
    id: `${origin.id}>${link.name}`,
    operationId: target.operationId,
    intent: { kind: 'valid', label: `link ${link.name} of ${origin.id}` },
    request: { method: target.method, path: buildPath(target.pathTemplate, pathParams), pathParams, query, headers, auth: 'configured' },
    seed: origin.seed,
    needsFixture: false,
    breaks: [],
  };
}
