import { catalogueOperation } from '../../src/catalogue/buildCatalogue.ts';
import type { Check, CheckContext, OperationExpectations } from '../../src/checks/Check.ts';
import type { CaseIntent, PlannedRequest } from '../../src/model/Case.ts';
import type { Constraint } from '../../src/model/Constraint.ts';
import type { Exchange, TransportFailure } from '../../src/model/Exchange.ts';
import type { Verdict } from '../../src/model/Verdict.ts';
import type { Operation } from '../../src/openapi/Operation.ts';
import { loadSpecs } from '../../src/openapi/loadSpecs.ts';
import { OperationValidators } from '../../src/validation/OperationValidators.ts';

/** One shipped operation with everything a check needs. */
export interface Subject {
  readonly operation: Operation;
  readonly validators: OperationValidators;
  readonly catalogue: readonly Constraint[];
  /** The request a correct client sends for a valid case. */
  readonly request: PlannedRequest;
  /** The documented example of the success response. */
  readonly example: unknown;
  readonly successStatus: number;
}

export const HCX_ID = '20ef77b0-2a69-4a4e-9a8a-2ac5a4f0c1d3';
export const DC_ID = '0278b472-ffa5-4eb3-8c0d-979d479f8ef6';
export const DC_PROJECT = '6fbe9263116a4b68818cf1edce16bc4f';

export async function loadSubjects(): Promise<{ hcx: Subject; dc: Subject }> {
  const operations = (await loadSpecs()).flatMap((s) => s.operations);
  const subject = (operationId: string, successStatus: number, request: PlannedRequest): Subject => {
    const operation = operations.find((o) => o.operationId === operationId)!;
    const example = operation.responses.find((r) => r.status === String(successStatus))!.examples[0];
    return { operation, validators: new OperationValidators(operation), catalogue: catalogueOperation(operation), request, example, successStatus };
  };
  return {
    hcx: subject('upgradeInterconnectAppliance', 202, {
      method: 'POST',
      path: `/hybridity/api/interconnect/appliances/${HCX_ID}/upgrade`,
      pathParams: { applianceId: HCX_ID },
      query: {},
      headers: {},
      auth: 'configured',
    }),
    dc: subject('updateHostedConnect', 200, {
      method: 'PUT',
      path: `/v3/${DC_PROJECT}/dcaas/hosted-connects/${DC_ID}`,
      pathParams: { project_id: DC_PROJECT, hosted_connect_id: DC_ID },
      query: {},
      headers: { 'content-type': 'application/json' },
      body: { json: { hosted_connect: { name: 'client-dc-faf1', description: '' } } },
      auth: 'configured',
    }),
  };
}

export const VALID: CaseIntent = { kind: 'valid', label: 'typical' };

export interface ExchangeSpec {
  readonly intent?: CaseIntent;
  readonly request?: Partial<PlannedRequest>;
  readonly status?: number;
  readonly headers?: Record<string, string>;
  /** A JSON value (sent as application/json unless headers say otherwise), or raw text with `{ text }`. */
  readonly json?: unknown;
  readonly text?: string;
  readonly failure?: TransportFailure;
  /** Observed traffic whose request body was cut when recorded. */
  readonly bodyCut?: boolean;
}

/** A hand-built exchange for a subject: defaults to its valid request answered with its documented example. */
export function exchangeFor(subject: Subject, spec: ExchangeSpec = {}): Exchange {
  const request = { ...subject.request, ...spec.request };
  const sent = { method: request.method, url: `http://127.0.0.1${request.path}`, headers: {} };
  const testCase = { id: 'case-1', operationId: subject.operation.operationId, intent: spec.intent ?? VALID, request, seed: 1, needsFixture: true, ...(spec.bodyCut ? { bodyCut: true } : {}) };
  if (spec.failure) return { case: testCase, sent, failure: spec.failure };
  const json = 'json' in spec ? spec.json : spec.text === undefined ? subject.example : undefined;
  const bodyText = spec.text ?? (json === undefined ? '' : JSON.stringify(json));
  let parsed: unknown;
  try {
    parsed = bodyText === '' ? undefined : (JSON.parse(bodyText) as unknown);
  } catch {
    parsed = undefined;
  }
  const headers = spec.headers ?? (spec.text === undefined ? { 'content-type': 'application/json; charset=utf-8' } : { 'content-type': 'text/plain' });
  return {
    case: testCase,
    sent,
    response: { status: spec.status ?? subject.successStatus, headers, bodyText, ...(parsed === undefined ? {} : { json: parsed }), truncated: false, durationMs: 1 },
  };
}

export function contextFor(subject: Subject, expectations: Partial<OperationExpectations> = {}): CheckContext {
  return {
    operation: subject.operation,
    validators: subject.validators,
    expectations: { acceptedStatuses: [], skipChecks: [], ...expectations },
    catalogue: subject.catalogue,
  };
}

/** Runs one check and returns its verdicts as a list (none when it does not apply). */
export function verdictsOf(check: Check, subject: Subject, spec: ExchangeSpec = {}, expectations: Partial<OperationExpectations> = {}): Verdict[] {
  const result = check.run(exchangeFor(subject, spec), contextFor(subject, expectations));
  return result === undefined ? [] : Array.isArray(result) ? [...(result as readonly Verdict[])] : [result as Verdict];
}

/** The outcomes of a check, with the constraint id of each failure. */
export function outcomes(verdicts: readonly Verdict[]): string[] {
  return verdicts.map((v) => (v.outcome === 'fail' && v.constraintId ? `fail:${v.constraintId}` : v.outcome));
}

/** A deep copy with one change, for breaking a documented example. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the change reaches any member of the copy
export function mutate<T>(value: T, change: (copy: any) => void): T {
  const copy = structuredClone(value);
  change(copy);
  return copy;
}
