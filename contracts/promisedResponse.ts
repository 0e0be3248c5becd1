import { MatchersV3 } from '@pact-foundation/pact';
import type { Case, CaseIntent } from '../src/model/Case.ts';
import { severityOf } from '../src/model/Provenance.ts';
import type { Operation, ResponseSpec } from '../src/openapi/Operation.ts';
import { setAt, valueAt } from '../src/openapi/pointer.ts';
import { minimalValue } from '../src/values/minimalValue.ts';
import type { InteractionDefinition, StatusExpectation } from './InteractionDefinition.ts';
import { matcherFromSchema } from './matcherFromSchema.ts';

/** Statuses that say "no or wrong credential" in HTTP itself. */
const AUTH_STATUSES = [401, 403];

const statusNumber = (r: ResponseSpec): number | undefined => (/^\d{3}$/.test(r.status) ? Number(r.status) : undefined);
const isClientError = (r: ResponseSpec): boolean => /^4(\d\d|XX)$/i.test(r.status);
/** An echo's missing parents in the example are objects. */
const asObject = (): unknown => ({});

/** The documented example of a response, or a small value of its schema. */
function exampleOf(response: ResponseSpec): unknown {
  return structuredClone(response.examples[0] ?? (response.schema ? minimalValue(response.schema, 'ascii') : undefined));
}

/** The page states this response's body (a body only read into it, or a vendor convention, is no contract). */
const bodyStated = (r: ResponseSpec): boolean => r.schema !== undefined && severityOf(r.provenance, false) === 'failure';

/** Body matchers shared by a set of responses: only when every one states a body, from the first. */
function commonBody(responses: readonly ResponseSpec[]): unknown {
  if (responses.length === 0 || !responses.every(bodyStated)) return undefined;
  const first = responses[0]!;
  return matcherFromSchema(first.schema!, exampleOf(first), first.provenanceScope);
}

export type PromisedCase = { readonly intent: Exclude<CaseIntent, { kind: 'observed' }>; readonly request: Case['request'] };

/**
 * What the documents promise in answer to a case, as a contract's response: the success status and
 * body (schema matchers, echoed values exact) for a valid or boundary request; a client error for a
 * broken rule, an unknown resource or another owner; 401/403 without a valid credential. Only what the
 * page states becomes a body matcher.
 */
export function promisedResponse(operation: Operation, fixtures: Readonly<Record<string, string>>): (c: PromisedCase) => InteractionDefinition['response'] {
  const success = operation.responses.find((r) => /^2\d\d$/.test(r.status));
  if (!success) throw new Error(`${operation.operationId}: no documented 2xx response`);
  const clientErrors = operation.responses.filter(isClientError);
  const badRequest = clientErrors.find((r) => r.status === '400') ?? clientErrors[0];
  const authResponses = operation.responses.filter((r) => AUTH_STATUSES.includes(statusNumber(r) ?? 0));
  const notFound = operation.responses.filter((r) => operation.hints.notFoundStatuses.includes(r.status));

  const successBody = (params: Readonly<Record<string, string>>, query: Readonly<Record<string, string>>, body: unknown): unknown => {
    if (!bodyStated(success)) return undefined;
    const example = exampleOf(success);
    // Only an echo the page states is exact in the contract; one read into the page is a warning of `run`.
    for (const echo of operation.hints.echoes.filter((e) => e.status === success.status && severityOf(e.provenance, false) === 'failure')) {
      if (echo.equals) {
        const value = echo.equals.in === 'path' ? params[echo.equals.name] : query[echo.equals.name];
        if (value === undefined) continue;
        const fromFixture = echo.equals.in === 'path' && fixtures[echo.equals.name] === value;
        setAt(example, echo.pointer, fromFixture ? MatchersV3.fromProviderState(`\${${echo.equals.name}}`, value) : MatchersV3.equal(value), asObject);
      }
      if (echo.reflects) {
        const sent = valueAt(body, echo.reflects.pointer);
        if (sent === null || typeof sent !== 'object' || Array.isArray(sent)) continue;
        // Every updated field comes back with the value sent.
        for (const [key, value] of Object.entries(sent)) setAt(example, `${echo.pointer}/${key}`, MatchersV3.equal(value), asObject);
      }
    }
    return matcherFromSchema(success.schema!, example, success.provenanceScope);
  };

  return ({ intent, request }) => {
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
}
