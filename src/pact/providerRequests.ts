import type { Spec } from '../openapi/Spec.ts';
import { credentialSecrets } from '../runner/credentialSecrets.ts';
import { observedExchange } from '../proxy/observedExchange.ts';
import { observedOperations } from '../proxy/observedOperations.ts';
import { operationMatcher } from '../proxy/operationMatcher.ts';
import { credentialHeaderNames } from '../runner/credentialHeaderNames.ts';
import { redactText } from '../runner/redact.ts';
import { REPRESENTATION_HEADERS } from '../runner/representationHeaders.ts';
import type { PactProviderRequest } from './PactVerificationResult.ts';
import type { TappedRequest } from './providerTap.ts';
import type { PactInteractionInfo } from './readPactFiles.ts';

export interface ProviderRequests {
  readonly requests: readonly PactProviderRequest[];
  /**
   * For each interaction, the index of its request: the verifier sends them one at a time in file
   * order, so they line up when there are as many, each of the same method and documented operation
   * (the paths hold the fixture ids, not the pact's). All undefined when they do not line up.
   */
  readonly lineUp: readonly (number | undefined)[];
}

/**
 * What the tap saw, as data safe to report: every credential header `[REDACTED]` (the documents' and
 * every `--header`) and every credential value scrubbed from URLs and bodies, each request matched to its
 * documented operation.
 */
export function providerRequests(
  tapped: readonly TappedRequest[],
  interactions: readonly PactInteractionInfo[],
  specs: readonly Spec[],
  target: string,
  options: { readonly secrets: readonly string[]; readonly extraHeaders: readonly string[] },
): ProviderRequests {
  const operations = observedOperations(specs, target);
  const match = operationMatcher(operations);
  // `Accept`, `Content-Type` and the like given with `--header` describe the request, they are no secret.
  const names = new Set([...credentialHeaderNames(operations.map((p) => p.operation)), ...options.extraHeaders.map((h) => h.toLowerCase()).filter((h) => !REPRESENTATION_HEADERS.has(h))]);
  // Every value seen in any credential header is scrubbed from every request, also the ones before it.
  const secrets = new Set(options.secrets);
  for (const t of tapped) if ('traffic' in t) for (const secret of credentialSecrets(t.traffic.requestHeaders, names)) secrets.add(secret);
  const operationOf = (method: string, url: string): string | undefined => match(method, new URL(url, 'http://pact.invalid').pathname)?.prepared.operation.operationId;
  const requests = tapped.map((t, index): PactProviderRequest => {
    if (!('traffic' in t)) return { kind: 'not-sent', method: t.method, url: redactText(t.url, secrets), reason: t.notSent };
    const found = match(t.traffic.method, new URL(t.traffic.url).pathname);
    if (!found) return { kind: 'unmatched', method: t.traffic.method, url: redactText(t.traffic.url, secrets) };
    return { kind: 'exchange', exchange: observedExchange(t.traffic, found, index + 1, names, secrets) };
  });
  const lined =
    requests.length === interactions.length &&
    interactions.every((info, i) => {
      const request = requests[i]!;
      const method = request.kind === 'exchange' ? request.exchange.sent.method : request.method;
      const operation = request.kind === 'exchange' ? request.exchange.case.operationId : operationOf(request.method, request.url);
      return method.toUpperCase() === info.request.method.toUpperCase() && operation === operationOf(info.request.method, info.request.path);
    });
  return { requests, lineUp: interactions.map((_, i) => (lined ? i : undefined)) };
}
