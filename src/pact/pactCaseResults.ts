import type { Case, CaseIntent, PlannedRequest } from '../model/Case.ts';
import type { CaseResult } from '../model/CaseResult.ts';
import type { Constraint } from '../model/Constraint.ts';
import type { RecordedResponse, SentRequest } from '../model/Exchange.ts';
import type { Operation } from '../openapi/Operation.ts';
import { credentialHeaderNames } from '../runner/credentialHeaderNames.ts';
import { credentialRoutes } from '../runner/credentialRoutes.ts';
import { REDACTED } from '../runner/redact.ts';
import { PACT_CHECK } from './pactCheck.ts';
import { PACT_TOKEN_PLACEHOLDER } from './pactTokenPlaceholder.ts';
import type { PactInteractionOutcome, PactVerificationResult } from './PactVerificationResult.ts';
import type { PactInteractionInfo } from './readPactFiles.ts';

function intentOf(outcome: PactInteractionOutcome): CaseIntent {
  const { intentKind: kind, constraintId, description: label } = outcome;
  if ((kind === 'boundary' || kind === 'invalid' || kind === 'no-auth' || kind === 'wrong-auth') && constraintId) return { kind, constraintId, label };
  if (kind === 'unknown-resource' || kind === 'other-owner') return { kind, label };
  return { kind: 'valid', label };
}

/** The operation an interaction exercises: the first word of its case id (or description). */
function pactOperationId(outcome: PactInteractionOutcome): string {
  return (outcome.caseId ?? outcome.description).split(/[: ]/)[0] ?? '';
}

/** A response known by its status alone. */
function statusOnly(status: number): RecordedResponse {
  return { status, headers: {}, bodyText: '', truncated: false, durationMs: 0 };
}

function plannedOf(request: PactInteractionInfo['request'] | undefined, headers: Readonly<Record<string, string>>, intent: CaseIntent): PlannedRequest {
  let body: PlannedRequest['body'];
  if (request?.bodyText !== undefined) {
    try {
      body = { json: JSON.parse(request.bodyText) as unknown };
    } catch {
      body = { raw: request.bodyText };
    }
  }
  return {
    method: request?.method ?? 'GET',
    path: request?.path ?? '/',
    pathParams: {},
    query: Object.fromEntries(new URLSearchParams(request?.query ?? '')),
    headers,
    ...(body ? { body } : {}),
    auth: intent.kind === 'no-auth' ? 'none' : intent.kind === 'wrong-auth' ? 'wrong' : 'configured',
  };
}

/**
 * The headers the verifier sent, as the request filter (credentialFilter) made them, every credential
 * `[REDACTED]`: where the pact carries the placeholder, the credential (if one was given) and every
 * `--header` the operation `takes`; elsewhere what the pact says, and the `--header`s that are not
 * credential headers.
 */
function sentHeaders(pactHeaders: Readonly<Record<string, string>>, result: PactVerificationResult, credentialHeaders: ReadonlySet<string>, takes: (name: string) => boolean): Record<string, string> {
  const carrying = Object.values(pactHeaders).some((value) => value.endsWith(PACT_TOKEN_PLACEHOLDER));
  const out = new Map<string, [string, string]>();
  for (const [name, value] of Object.entries(pactHeaders)) {
    if (value.endsWith(PACT_TOKEN_PLACEHOLDER)) {
      if (result.token) out.set(name.toLowerCase(), [name, REDACTED]);
    } else out.set(name.toLowerCase(), [name, credentialHeaders.has(name.toLowerCase()) ? REDACTED : value]);
  }
  for (const name of result.extraHeaders) if (carrying ? takes(name) : !credentialHeaders.has(name.toLowerCase())) out.set(name.toLowerCase(), [name, REDACTED]);
  return Object.fromEntries(out.values());
}

/**
 * A pact verification as the case results of a run, so the engine's collector builds its report: one
 * case per interaction (the request the pact states, credentials redacted) with one `pact-verification`
 * verdict carrying the verifier's mismatches and the provenance of the constraint it names. The response
 * is the provider's status alone (the verifier keeps the body), so the collector sees what `run` shows
 * it: a credential refused 401/403 makes the verification inconclusive, not a list of failures.
 */
export function pactCaseResults(result: PactVerificationResult, infos: readonly PactInteractionInfo[], operations: readonly Operation[], catalogue: readonly Constraint[]): CaseResult[] {
  const credentialHeaders = credentialHeaderNames(operations);
  // As the request filter sends them: an extra header some operation takes a credential in goes to that operation only.
  const routes = credentialRoutes(operations, result.extraHeaders);
  return result.interactions.map((outcome, index): CaseResult => {
    const operationId = pactOperationId(outcome);
    const info = infos.find((i) => i.description === outcome.description && i.provider === outcome.provider) ?? infos[index];
    const request = info?.request;
    const headers = sentHeaders(request?.headers ?? {}, result, credentialHeaders, (name) => routes.get(name.toLowerCase())?.has(operationId) ?? true);
    const sent: SentRequest = {
      method: request?.method ?? 'GET',
      url: `${result.target.replace(/\/+$/, '')}${request?.path ?? '/'}${request?.query ? `?${request.query}` : ''}`,
      headers,
      ...(request?.bodyText !== undefined ? { bodyText: request.bodyText } : {}),
    };
    const intent = intentOf(outcome);
    const testCase: Case = { id: outcome.caseId ?? `${operationId}:pact:${index}`, operationId, intent, request: plannedOf(request, headers, intent), seed: 0, needsFixture: false };
    const provenance = catalogue.find((c) => c.id === outcome.constraintId)?.provenance ?? 'page';
    return {
      status: 'ran',
      case: testCase,
      exchange: { case: testCase, sent, ...(outcome.status !== undefined ? { response: statusOnly(outcome.status) } : {}) },
      verdicts: [
        {
          check: PACT_CHECK,
          outcome: outcome.passed ? 'pass' : 'fail',
          ...(outcome.constraintId ? { constraintId: outcome.constraintId } : {}),
          provenance,
          message: outcome.passed ? outcome.description : `${outcome.description}: ${outcome.mismatches.join('; ') || 'failed'}`,
        },
      ],
    };
  });
}
