import { MatchersV3 } from '@pact-foundation/pact';
import type { Case, CaseIntent } from '../src/model/Case.ts';
import { severityOf } from '../src/model/Provenance.ts';
import type { Operation, ResponseSpec } from '../src/openapi/Operation.ts';
import { pointerSegments, valueAt } from '../src/openapi/pointer.ts';
import { isPathValueCase } from '../src/plan/pathValueDrafts.ts';
import { credentialHeaderNames } from '../src/runner/credentialHeaderNames.ts';
import { TOKEN_PLACEHOLDER, WRONG_TOKEN_PLACEHOLDER } from './contractSettings.ts';
import { exampleFromSchema } from './exampleFromSchema.ts';
import type { InteractionDefinition, StatusExpectation } from './InteractionDefinition.ts';
import { matcherFromSchema } from './matcherFromSchema.ts';

export interface BuildInteractionsOptions {
  /** Ids the cases were planned with, keyed by path-parameter name; they become provider-state values. */
  readonly fixtures: Readonly<Record<string, string>>;
  readonly providerState: string;
}

/** Statuses that say "no or wrong credential" in HTTP itself. */
const AUTH_STATUSES = [401, 403];

const statusNumber = (r: ResponseSpec): number | undefined => (/^\d{3}$/.test(r.status) ? Number(r.status) : undefined);
const isClientError = (r: ResponseSpec): boolean => /^4(\d\d|XX)$/i.test(r.status);

/** Sets the value at a JSON pointer in place, creating missing parents as objects. */
function setAt(root: unknown, pointer: string, value: unknown): void {
  const keys = pointerSegments(pointer);
  let node = root as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) {
    if (node[key] === null || typeof node[key] !== 'object') node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}

/** The documented example of a response, or a small value of its schema. */
function exampleOf(response: ResponseSpec): unknown {
  return structuredClone(response.examples[0] ?? (response.schema ? exampleFromSchema(response.schema) : undefined));
}

/** The page states this response's body (a body only read into it, or a vendor convention, is no contract). */
const bodyStated = (r: ResponseSpec): boolean => r.schema !== undefined && severityOf(r.provenance, false) === 'failure';

/** Body matchers shared by a set of responses: only when every one states a body, from the first. */
function commonBody(responses: readonly ResponseSpec[]): unknown {
  if (responses.length === 0 || !responses.every(bodyStated)) return undefined;
  const first = responses[0]!;
  return matcherFromSchema(first.schema!, exampleOf(first), first.provenanceScope);
}

/**
 * Turns the planner's cases (and the documents' example exchange) into Pact interactions: the request
 * exactly as planned with fixture ids as provider-state expressions and a credential placeholder; the
 * response as the documents promise it (success body as schema matchers with echoed values exact, a
 * client error for a broken rule or an unknown resource, 401/403 without a valid credential).
 */
export function buildInteractions(operation: Operation, cases: readonly Case[], options: BuildInteractionsOptions): InteractionDefinition[] {
  const success = operation.responses.find((r) => /^2\d\d$/.test(r.status));
  if (!success) throw new Error(`${operation.operationId}: no documented 2xx response`);
  const clientErrors = operation.responses.filter(isClientError);
  const badRequest = clientErrors.find((r) => r.status === '400') ?? clientErrors[0];
  const authResponses = operation.responses.filter((r) => AUTH_STATUSES.includes(statusNumber(r) ?? 0));
  const notFound = operation.responses.filter((r) => operation.hints.notFoundStatuses.includes(r.status));
  const scheme = operation.credentialSchemes[0];
  const pathParameters = operation.parameters.filter((p) => p.in === 'path').map((p) => p.name);
  const stateParams = Object.fromEntries(pathParameters.filter((n) => options.fixtures[n] !== undefined).map((n) => [n, options.fixtures[n]!]));

  const pathOf = (params: Readonly<Record<string, string>>): { path: string; pathMatcher: unknown } => {
    let expression = operation.pathTemplate;
    let path = operation.pathTemplate;
    let usesState = false;
    for (const name of pathParameters) {
      const value = params[name] ?? '';
      const fromFixture = options.fixtures[name] !== undefined && value === options.fixtures[name];
      usesState ||= fromFixture;
      path = path.replace(`{${name}}`, encodeURIComponent(value));
      expression = expression.replace(`{${name}}`, fromFixture ? `\${${name}}` : encodeURIComponent(value));
    }
    return { path, pathMatcher: usesState ? MatchersV3.fromProviderState(expression, path) : path };
  };

  const credentialHeaders = (auth: Case['request']['auth']): { headers: Record<string, string>; headerMatchers: Record<string, unknown> } => {
    if (!scheme || auth === 'none') return { headers: {}, headerMatchers: {} };
    const value = `${scheme.prefix}${auth === 'wrong' ? WRONG_TOKEN_PLACEHOLDER : TOKEN_PLACEHOLDER}`;
    return { headers: { [scheme.header]: value }, headerMatchers: { [scheme.header]: auth === 'wrong' ? value : MatchersV3.regex(`^${scheme.prefix}.+$`, value) } };
  };

  const successBody = (params: Readonly<Record<string, string>>, query: Readonly<Record<string, string>>, body: unknown): unknown => {
    if (!bodyStated(success)) return undefined;
    const example = exampleOf(success);
    // Only an echo the page states is exact in the contract; one read into the page is a warning of `run`.
    for (const echo of operation.hints.echoes.filter((e) => e.status === success.status && severityOf(e.provenance, false) === 'failure')) {
      if (echo.equals) {
        const value = echo.equals.in === 'path' ? params[echo.equals.name] : query[echo.equals.name];
        if (value === undefined) continue;
        const fromFixture = echo.equals.in === 'path' && options.fixtures[echo.equals.name] === value;
        setAt(example, echo.pointer, fromFixture ? MatchersV3.fromProviderState(`\${${echo.equals.name}}`, value) : MatchersV3.equal(value));
      }
      if (echo.reflects) {
        const sent = valueAt(body, echo.reflects.pointer);
        if (sent === null || typeof sent !== 'object' || Array.isArray(sent)) continue;
        // Every updated field comes back with the value sent.
        for (const [key, value] of Object.entries(sent)) setAt(example, `${echo.pointer}/${key}`, MatchersV3.equal(value));
      }
    }
    return matcherFromSchema(success.schema!, example, success.provenanceScope);
  };

  const responseFor = (c: { readonly intent: Exclude<CaseIntent, { kind: 'observed' }>; readonly request: Case['request'] }): InteractionDefinition['response'] => {
    const { intent, request } = c;
    switch (intent.kind) {
      case 'valid':
      case 'boundary': {
        const body = successBody(request.pathParams, request.query, request.body && 'json' in request.body ? request.body.json : undefined);
        return { status: { kind: 'exact', status: Number(success.status) }, ...(body === undefined ? {} : { body }) };
      }
      case 'invalid': {
        const body = commonBody(clientErrors);
        return { status: { kind: 'clientError', example: badRequest ? (statusNumber(badRequest) ?? 400) : 400 }, ...(body === undefined ? {} : { body }) };
      }
      case 'no-auth':
      case 'wrong-auth': {
        const statuses = authResponses.map((r) => statusNumber(r)!);
        const status: StatusExpectation = statuses.length > 1 ? { kind: 'oneOf', statuses, example: statuses[0]! } : { kind: 'exact', status: statuses[0] ?? 401 };
        const body = commonBody(authResponses);
        return { status, ...(body === undefined ? {} : { body }) };
      }
      case 'unknown-resource':
      case 'other-owner': {
        // Any 4xx passes (a service may name a missing resource, or one under another owner, 400, 403 or 404);
        // the documented statuses give the example.
        const example = statusNumber(notFound[0] ?? badRequest ?? success) ?? 404;
        const body = commonBody(notFound);
        return { status: { kind: 'clientError', example }, ...(body === undefined ? {} : { body }) };
      }
    }
  };

  const credentialNames = credentialHeaderNames([operation]);
  const out: InteractionDefinition[] = [];
  const seenRequests = new Set<string>();
  const seenDescriptions = new Set<string>();
  const add = (definition: Omit<InteractionDefinition, 'description'>, description: string): void => {
    const key = JSON.stringify([definition.request.method, definition.request.path, definition.request.query, definition.request.headers, definition.request.body]);
    if (seenRequests.has(key)) return;
    seenRequests.add(key);
    let unique = description;
    for (let n = 2; seenDescriptions.has(unique); n++) unique = `${description} (${n})`;
    seenDescriptions.add(unique);
    out.push({ ...definition, description: unique });
  };

  // The documents' example exchange first: the request every reader of the reference page knows.
  const exampleParams = Object.fromEntries(pathParameters.map((n) => [n, options.fixtures[n] ?? String(operation.parameters.find((p) => p.name === n)?.example ?? '')]));
  const exampleBody = operation.requestBody?.examples[0];
  const exampleRequest = {
    method: operation.method.toUpperCase(),
    ...pathOf(exampleParams),
    query: {},
    ...credentialHeaders('configured'),
    ...(exampleBody === undefined ? {} : { body: { json: structuredClone(exampleBody) } }),
  };
  const exampleIntent = { kind: 'valid', label: "the reference page's example request" } as const;
  add(
    {
      intent: exampleIntent,
      providerState: { name: options.providerState, params: stateParams },
      request: exampleRequest,
      response: responseFor({ intent: exampleIntent, request: { ...exampleRequest, pathParams: exampleParams, auth: 'configured', ...(exampleBody === undefined ? {} : { body: { json: exampleBody } }) } }),
    },
    `${operation.operationId}: the reference page's example request`,
  );

  const promised = new Set<string>();
  for (const c of cases) {
    // Traffic the suite only observed carries no documented promise to write down.
    if (c.intent.kind === 'observed') continue;
    // A step of a state sequence is judged by what the steps before it stored: a pact interaction stands alone.
    if (c.sequence !== undefined) continue;
    // The same promise in another context of the other inputs (the same intent): the contract holds it once.
    const promise = JSON.stringify(c.intent);
    if (c.context !== undefined && promised.has(promise)) continue;
    promised.add(promise);
    // A path id's edges and odd shapes make the unknown-resource and other-owner promises again, with
    // other ids (some no Pact path carries as sent): the conformance run keeps them.
    if (isPathValueCase(c)) continue;
    // Bytes that are not JSON cannot travel through Pact's JSON bodies (its mock server and the verifier's proxy
    // parse them), and Pact's content sniffing takes a bare JSON scalar for text: both stay with the conformance run.
    if (c.request.body && ('raw' in c.request.body || c.request.body.json === null || typeof c.request.body.json !== 'object')) continue;
    // The pacts never carry a credential value, not even a deliberately malformed one.
    if (Object.keys(c.request.headers).some((h) => credentialNames.has(h.toLowerCase()))) continue;
    const constraint = 'constraintId' in c.intent ? ` ${c.intent.constraintId}` : '';
    add(
      {
        intent: c.intent,
        caseId: c.id,
        providerState: { name: options.providerState, params: stateParams },
        request: {
          method: c.request.method.toUpperCase(),
          ...pathOf(c.request.pathParams),
          query: { ...c.request.query },
          ...mergeHeaders(credentialHeaders(c.request.auth), c.request.headers, operation),
          ...(c.request.body ? { body: { json: c.request.body.json } } : {}),
        },
        response: responseFor({ intent: c.intent, request: c.request }),
      },
      `${operation.operationId} ${c.intent.kind}${constraint}: ${c.intent.label}`,
    );
  }
  return out;
}

/** Adds the case's own headers (never a credential: those are placeholders) to the credential placeholder. */
function mergeHeaders(
  credential: { headers: Record<string, string>; headerMatchers: Record<string, unknown> },
  planned: Readonly<Record<string, string>>,
  operation: Operation,
): { headers: Record<string, string>; headerMatchers: Record<string, unknown> } {
  const secret = credentialHeaderNames([operation]);
  const headers = { ...credential.headers };
  const headerMatchers = { ...credential.headerMatchers };
  for (const [name, value] of Object.entries(planned)) {
    if (secret.has(name.toLowerCase()) || name.toLowerCase() === 'content-type') continue;
    headers[name] = value;
    headerMatchers[name] = value;
  }
  return { headers, headerMatchers };
}
