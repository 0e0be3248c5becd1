import type { Case, CaseIntent, PlannedRequest } from '../model/Case.ts';
import type { CaseResult } from '../model/CaseResult.ts';
import type { Exchange, RecordedResponse, SentRequest } from '../model/Exchange.ts';
import type { Verdict } from '../model/Verdict.ts';
import { familyFromCaseId } from '../model/familyFromCaseId.ts';
import type { PreparedOperation } from '../engine/PreparedOperation.ts';
import { credentialHeaderNames } from '../runner/credentialHeaderNames.ts';
import { credentialRoutes } from '../runner/credentialRoutes.ts';
import { REDACTED } from '../runner/redact.ts';
import { checkRegistry } from '../checks/registry.ts';
import { runChecks } from '../checks/runChecks.ts';
import { PACT_CHECK } from './pactCheck.ts';
import { PACT_DOCUMENT_CHECKS } from './pactDocumentChecks.ts';
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

/** The document's response checks on one answer, as in a run (the config's `skipChecks` still apply). */
function documentVerdicts(exchange: Exchange, prepared: PreparedOperation): Verdict[] {
  const skipped = [...checkRegistry.keys()].filter((name) => !PACT_DOCUMENT_CHECKS.includes(name));
  const expectations = { ...prepared.expectations, skipChecks: [...prepared.expectations.skipChecks, ...skipped] };
  return runChecks(exchange, { operation: prepared.operation, validators: prepared.validators, expectations }, prepared.constraints);
}

/**
 * A pact verification as the case results of a run, so the engine's collector builds its report: one
 * case per interaction with one `pact-verification` verdict carrying the verifier's mismatches and the
 * provenance of the constraint it names, then the verdicts of the document's response checks
 * (`PACT_DOCUMENT_CHECKS`) on the provider's full answer, as the tap between verifier and provider saw
 * it (its real URL, credentials redacted). An interaction whose request the budget kept back is not run.
 * Without a recorded answer the response is the provider's status alone, so the collector still sees
 * what `run` shows it: a credential refused 401/403 makes the verification inconclusive. A recorded
 * request that lines up with no interaction is judged by the document's checks alone.
 */
export function pactCaseResults(result: PactVerificationResult, infos: readonly PactInteractionInfo[], prepared: readonly PreparedOperation[]): CaseResult[] {
  const operations = prepared.map((p) => p.operation);
  const catalogue = prepared.flatMap((p) => p.constraints);
  const preparedOf = (operationId: string): PreparedOperation | undefined => prepared.find((p) => p.operation.operationId === operationId);
  const credentialHeaders = credentialHeaderNames(operations);
  // As the request filter sends them: an extra header some operation takes a credential in goes to that operation only.
  const routes = credentialRoutes(operations, result.extraHeaders);
  const used = new Set<number>();
  const results = result.interactions.map((outcome, index): CaseResult => {
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
    const caseId = outcome.caseId ?? `${operationId}:pact:${index}`;
    // A pact names the planned case an interaction came from, not its value family.
    const intent = familyFromCaseId(operationId, caseId, intentOf(outcome));
    const planned = plannedOf(request, headers, intent);
    const recorded = outcome.providerRequest === undefined ? undefined : result.providerRequests[outcome.providerRequest];
    if (outcome.providerRequest !== undefined) used.add(outcome.providerRequest);
    if (recorded?.kind === 'not-sent') return { status: 'not-run', case: { id: caseId, operationId, intent, request: planned, seed: 0, needsFixture: false }, reason: recorded.reason };
    const observed = recorded?.kind === 'exchange' && recorded.exchange.case.operationId === operationId ? recorded.exchange : undefined;
    // The request the provider received (fixture ids in its path), with the credential the intent says.
    const testCase: Case = { id: caseId, operationId, intent, request: observed ? { ...observed.case.request, auth: planned.auth } : planned, seed: 0, needsFixture: false };
    const exchange: Exchange = observed ? { ...observed, case: testCase } : { case: testCase, sent, ...(outcome.status !== undefined ? { response: statusOnly(outcome.status) } : {}) };
    const provenance = catalogue.find((c) => c.id === outcome.constraintId)?.provenance ?? 'page';
    const contract: Verdict = {
      check: PACT_CHECK,
      outcome: outcome.passed ? 'pass' : 'fail',
      ...(outcome.constraintId ? { constraintId: outcome.constraintId } : {}),
      provenance,
      message: outcome.passed ? outcome.description : `${outcome.description}: ${outcome.mismatches.join('; ') || 'failed'}`,
    };
    const own = preparedOf(operationId);
    return { status: 'ran', case: testCase, exchange, verdicts: [contract, ...(observed && own ? documentVerdicts(exchange, own) : [])] };
  });
  const unmatched = result.providerRequests.flatMap((recorded, index): CaseResult[] => {
    if (used.has(index) || recorded.kind !== 'exchange') return [];
    const own = preparedOf(recorded.exchange.case.operationId);
    return own ? [{ status: 'ran', case: recorded.exchange.case, exchange: recorded.exchange, verdicts: documentVerdicts(recorded.exchange, own) }] : [];
  });
  return [...results, ...unmatched];
}
