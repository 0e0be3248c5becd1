import type { IncomingHttpHeaders } from 'node:http';
import type { PlannedRequest } from '../src/model/Case.ts';
import type { ValidationIssue } from '../src/validation/OperationValidators.ts';
import type { FaultHooks } from './FaultHooks.ts';
import { flatIncomingHeaders } from './flatIncomingHeaders.ts';
import type { MockResponse } from './MockResponse.ts';
import type { MockState } from './MockState.ts';
import type { RequestContext } from './RequestContext.ts';
import type { Route } from './Route.ts';
import { startTasks } from './startTasks.ts';

export interface IncomingCall {
  readonly method: string;
  readonly path: string;
  readonly rawParams: readonly string[];
  readonly search: string;
  readonly headers: IncomingHttpHeaders;
  readonly rawBody: string;
  readonly requestId: string;
}

export interface ServeEnv {
  readonly token: string;
  readonly state: MockState;
  /** Tokens the login APIs issued (`MockLogins`): accepted beside `token`, each counting one use. */
  readonly issued?: (schemes: Route['credentialSchemes'], headers: IncomingHttpHeaders) => boolean;
  /** How long a task an accepted request starts runs. */
  readonly taskDurationMs: number;
}

function authenticated(route: Route, headers: IncomingHttpHeaders, token: string, accept: FaultHooks['acceptCredential']): boolean {
  // An operation whose document names no security scheme needs no credential.
  if (route.credentialSchemes.length === 0) return true;
  for (const scheme of route.credentialSchemes) {
    const value = headers[scheme.header];
    if (accept && typeof value === 'string') {
      const prefixed = value.slice(0, scheme.prefix.length).toLowerCase() === scheme.prefix.toLowerCase();
      if (accept(prefixed ? value.slice(scheme.prefix.length) : value, token)) return true;
      continue;
    }
    if (typeof value !== 'string' || value.length !== scheme.prefix.length + token.length) continue;
    // Auth schemes are case-insensitive (RFC 9110 11.1); the token itself is not.
    if (value.slice(0, scheme.prefix.length).toLowerCase() === scheme.prefix.toLowerCase() && value.endsWith(token)) return true;
  }
  return false;
}

function finish(response: MockResponse, hooks: FaultHooks, ctx: RequestContext): MockResponse {
  const changed = changedByClass(response, hooks, ctx);
  return hooks.transformResponse ? hooks.transformResponse(changed, ctx) : changed;
}

function changedByClass(response: MockResponse, hooks: FaultHooks, ctx: RequestContext): MockResponse {
  if (response.status >= 200 && response.status < 300) {
    const status = hooks.successStatus ? hooks.successStatus(response.status) : response.status;
    const json = hooks.transformSuccess && response.json !== undefined ? hooks.transformSuccess(response.json, ctx) : response.json;
    return status === response.status && json === response.json ? response : { ...response, status, json };
  }
  if (response.status >= 400 && response.status < 500 && hooks.transformError) return hooks.transformError(response);
  return response;
}

/**
 * The contract part of serving one routed request: credential, validation against the document, resource
 * lookup, then the handler; fault hooks at each step. No I/O here.
 */
export function serveRequest(route: Route, call: IncomingCall, env: ServeEnv): MockResponse {
  const { handler, hooks } = route;
  const issues: ValidationIssue[] = [];

  const decoded: Record<string, string> = {};
  route.parameterNames.forEach((name, i) => {
    const raw = call.rawParams[i]!;
    try {
      decoded[name] = decodeURIComponent(raw);
    } catch {
      decoded[name] = raw;
      issues.push({ where: 'path', at: name, keyword: 'encoding', params: {}, schemaPath: '', message: 'is not valid percent-encoding' });
    }
  });
  const pathParams = hooks.readPathParams ? { ...hooks.readPathParams(decoded) } : decoded;

  const query: Record<string, string> = {};
  if (call.search !== '') {
    for (const [name, value] of new URLSearchParams(call.search)) {
      if (name in query && route.queryNames.includes(name)) {
        issues.push({ where: 'query', at: name, keyword: 'duplicate', params: {}, schemaPath: '', message: 'must be given at most once' });
      }
      query[name] = value;
    }
  }

  let body: PlannedRequest['body'];
  let parsed: unknown;
  if (call.rawBody !== '') {
    try {
      parsed = JSON.parse(call.rawBody);
      body = { json: parsed };
    } catch {
      body = { raw: call.rawBody };
    }
  }

  const ctx: RequestContext = {
    operationId: route.operationId,
    method: call.method,
    pathParams,
    query,
    headers: flatIncomingHeaders(call.headers),
    body: parsed,
    requestId: call.requestId,
    lenient: false,
  };

  if (
    !authenticated(route, call.headers, env.token, hooks.acceptCredential) &&
    !(route.credentialSchemes.length > 0 && env.issued?.(route.credentialSchemes, call.headers)) &&
    !hooks.acceptUnauthenticated?.(ctx)
  ) {
    return finish(handler.errors.unauthorized(ctx.requestId), hooks, ctx);
  }

  if (route.validators) {
    const headers: Record<string, string> = {};
    for (const name of route.headerNames) {
      const value = call.headers[name];
      if (typeof value === 'string') headers[name] = value;
    }
    const result = route.validators.validateRequest({ method: call.method, path: call.path, pathParams, query, headers, ...(body ? { body } : {}), auth: 'configured' });
    issues.push(...result.issues);
  }
  if (hooks.rejectValid) issues.push(...hooks.rejectValid(ctx));
  if (issues.length > 0) {
    if (!hooks.acceptRequestDespite?.(issues, ctx)) return finish(handler.errors.badRequest(issues, ctx.requestId), hooks, ctx);
    ctx.lenient = true;
  }
  for (const name in route.queryDefaults) if (!(name in query)) query[name] = route.queryDefaults[name]!;

  let resource: unknown;
  if (route.resourceParameter !== undefined && handler.lookup) {
    const id = pathParams[route.resourceParameter] ?? '';
    const lookup = handler.lookup(env.state, ctx);
    resource = hooks.lookupResource ? hooks.lookupResource(id, lookup, ctx) : lookup.get(id);
    if (resource === undefined) return finish(handler.errors.notFound(ctx.requestId), hooks, ctx);
  }

  const override = hooks.overrideResponse?.(ctx);
  if (override) return hooks.transformResponse ? hooks.transformResponse(override, ctx) : override;
  const answered = finish(handler.handle(ctx, resource, env.state, hooks), hooks, ctx);
  // What the answer links to as a task runs from now (an answer changed by a fault links to what it says).
  if (route.taskLinks) startTasks(route.taskLinks, answered, ctx, route.resourceParameter, env.state.linkTasks, env.taskDurationMs, hooks);
  return answered;
}
