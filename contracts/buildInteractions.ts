import type { Case } from '../src/model/Case.ts';
import type { Operation } from '../src/openapi/Operation.ts';
import { isPathValueCase } from '../src/plan/pathValueDrafts.ts';
import { credentialHeaderNames } from '../src/runner/credentialHeaderNames.ts';
import { credentialPlaceholders } from './credentialPlaceholders.ts';
import type { InteractionDefinition } from './InteractionDefinition.ts';
import { InteractionList } from './InteractionList.ts';
import { promisedResponse } from './promisedResponse.ts';
import { providerStatePath } from './providerStatePath.ts';
import { jsonText } from '../src/openapi/jsonText.ts';

export interface BuildInteractionsOptions {
  /** Ids the cases were planned with, keyed by path-parameter name; they become provider-state values. */
  readonly fixtures: Readonly<Record<string, string>>;
  readonly providerState: string;
}

/** Whether a planned case can be written down as a contract, and is not a promise the contract already holds. */
function contractable(c: Case, credentialNames: ReadonlySet<string>, promised: Set<string>): boolean {
  // Traffic the suite only observed carries no documented promise to write down.
  if (c.intent.kind === 'observed') return false;
  // A step of a state sequence is judged by what the steps before it stored: a pact interaction stands alone.
  if (c.sequence !== undefined) return false;
  // The same promise in another context of the other inputs (the same intent): the contract holds it once.
  const promise = JSON.stringify(c.intent);
  if (c.context !== undefined && promised.has(promise)) return false;
  promised.add(promise);
  // A path id's edges and odd shapes make the unknown-resource and other-owner promises again, with
  // other ids (some no Pact path carries as sent): the conformance run keeps them.
  if (isPathValueCase(c)) return false;
  // Bytes that are not JSON cannot travel through Pact's JSON bodies (its mock server and the verifier's proxy
  // parse them), and Pact's content sniffing takes a bare JSON scalar for text: both stay with the conformance run.
  if (c.request.body && ('raw' in c.request.body || c.request.body.json === null || typeof c.request.body.json !== 'object')) return false;
  // The pacts never carry a credential value, not even a deliberately malformed one.
  return !Object.keys(c.request.headers).some((h) => credentialNames.has(h.toLowerCase()));
}

/**
 * Turns the planner's cases (and the documents' example exchange) into Pact interactions: the request
 * exactly as planned with fixture ids as provider-state expressions (providerStatePath.ts) and a
 * credential placeholder (credentialPlaceholders.ts); the response as the documents promise it
 * (promisedResponse.ts); each request once (InteractionList.ts).
 */
export function buildInteractions(operation: Operation, cases: readonly Case[], options: BuildInteractionsOptions): InteractionDefinition[] {
  const { fixtures } = options;
  const responseFor = promisedResponse(operation, fixtures);
  const pathParameters = operation.parameters.filter((p) => p.in === 'path').map((p) => p.name);
  const stateParams = Object.fromEntries(pathParameters.filter((n) => fixtures[n] !== undefined).map((n) => [n, fixtures[n]!]));
  const interactions = new InteractionList();

  // The documents' example exchange first: the request every reader of the reference page knows.
  const exampleParams = Object.fromEntries(pathParameters.map((n) => [n, fixtures[n] ?? jsonText(operation.parameters.find((p) => p.name === n)?.example ?? '')]));
  const exampleBody = operation.requestBody?.examples[0];
  const exampleRequest = {
    method: operation.method.toUpperCase(),
    ...providerStatePath(operation, fixtures, exampleParams),
    query: {},
    ...credentialPlaceholders(operation, 'configured'),
    ...(exampleBody === undefined ? {} : { body: { json: structuredClone(exampleBody) } }),
  };
  const exampleIntent = { kind: 'valid', label: "the reference page's example request" } as const;
  interactions.add(
    {
      intent: exampleIntent,
      providerState: { name: options.providerState, params: stateParams },
      request: exampleRequest,
      response: responseFor({
        intent: exampleIntent,
        request: { ...exampleRequest, pathParams: exampleParams, auth: 'configured', ...(exampleBody === undefined ? {} : { body: { json: exampleBody } }) },
      }),
    },
    `${operation.operationId}: the reference page's example request`,
  );

  const credentialNames = credentialHeaderNames([operation]);
  const promised = new Set<string>();
  for (const c of cases) {
    if (!contractable(c, credentialNames, promised) || c.intent.kind === 'observed') continue;
    const constraint = 'constraintId' in c.intent ? ` ${c.intent.constraintId}` : '';
    interactions.add(
      {
        intent: c.intent,
        caseId: c.id,
        providerState: { name: options.providerState, params: stateParams },
        request: {
          method: c.request.method.toUpperCase(),
          ...providerStatePath(operation, fixtures, c.request.pathParams),
          query: { ...c.request.query },
          ...credentialPlaceholders(operation, c.request.auth, c.request.headers),
          ...(c.request.body && 'json' in c.request.body ? { body: { json: c.request.body.json } } : {}),
        },
        response: responseFor({ intent: c.intent, request: c.request }),
      },
      `${operation.operationId} ${c.intent.kind}${constraint}: ${c.intent.label}`,
    );
  }
  return interactions.list();
}
