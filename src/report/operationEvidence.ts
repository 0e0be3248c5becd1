import type { CaseResult } from '../model/CaseResult.ts';
import type { OperationHints } from '../openapi/Operation.ts';
import { REDACTED } from '../runner/redact.ts';
import type { Accumulator } from './Accumulator.ts';

/** What one operation's answers showed at one target: what src/engine/inconclusiveCauses.ts reads. */
export interface OperationEvidence {
  /** Valid and boundary requests that got an answer, and how many were accepted (2xx), refused (401/403) or in conflict. */
  validAnswered: number;
  /** Of those, exchanges of observed traffic (a proxy's, a HAR's): the client's credential, not the suite's. */
  observedAnswered: number;
  /** Exchanges of observed traffic, answered or not. */
  observedRan: number;
  validAccepted: number;
  validRefused: number;
  validInConflict: number;
  /** Valid requests answered with the document's not-found status (ids that name nothing), and the statuses. */
  validNotFound: number;
  readonly notFoundStatuses: Set<number>;
  /** Other requests that carried the credential (invalid, unknown resource), and how many were refused 401/403. */
  otherAnswered: number;
  otherRefused: number;
  readonly conflictStatuses: Set<number>;
  /** Of the requests that carried the credential, answers 5xx (and their statuses) and redirects (3xx). */
  serverErrors: number;
  readonly serverErrorStatuses: Set<number>;
  redirects: number;
  /** Requests of any kind that got no answer at all, by kind (timeout, connection-reset, connection-refused). */
  readonly unanswered: Map<string, number>;
  /** Names of the credential headers the refused requests carried. */
  readonly credentialHeaders: Set<string>;
  /** Why cases could not run, with how many each. */
  readonly notRunReasons: Map<string, number>;
  /** Requests sent before planning (the fixture probe). */
  readonly probes: Array<{ readonly what: string; readonly url: string; readonly status?: number; readonly failure?: string }>;
  /** One URL the operation was sent to (redacted), to show the path that was tried. */
  url?: string;
}

/** What the document says of an operation's statuses: not found, and documented state conflicts. */
export type EvidenceHints = Pick<OperationHints, 'notFoundStatuses' | 'stateConflictStatuses'>;

/** What the evidence learns from: a case result (with what its exchange showed of an outage), or a probe. */
export type EvidenceItem =
  | { readonly result: CaseResult; readonly noAnswer: boolean; readonly hints: EvidenceHints | undefined }
  | { readonly probe: OperationEvidence['probes'][number] & { readonly credentialHeaders: readonly string[] } };

/** A status the document gives for a resource that does not exist (`x-conformance.notFoundStatuses`, or 404). */
export function isNotFound(status: number, hints: Pick<OperationHints, 'notFoundStatuses'> | undefined): boolean {
  return status === 404 || (hints?.notFoundStatuses.includes(String(status)) ?? false);
}

const bump = <K>(map: Map<K, number>, key: K, by = 1): void => void map.set(key, (map.get(key) ?? 0) + by);

/**
 * What the answers to requests that carried the credential say about the run: valid ones accepted,
 * refused for the credential, in a documented state conflict or not found; others refused for the credential.
 */
function addAnswer(held: OperationEvidence, result: CaseResult & { status: 'ran' }, status: number, hints: EvidenceHints | undefined): void {
  const { kind } = result.case.intent;
  // Observed traffic (a proxy's) counts as valid requests: what the server accepted or refused of it.
  const valid = kind === 'valid' || kind === 'boundary' || kind === 'observed';
  const refused = status === 401 || status === 403;
  if (valid) held.validAnswered += 1;
  else held.otherAnswered += 1;
  if (status >= 500) {
    held.serverErrors += 1;
    held.serverErrorStatuses.add(status);
  } else if (status >= 300 && status < 400 && status !== 304) held.redirects += 1;
  if (kind === 'observed') held.observedAnswered += 1;
  if (refused) {
    if (valid) held.validRefused += 1;
    else held.otherRefused += 1;
    // Redacted headers are the credentials that were sent: their names tell the user what to fix.
    for (const [name, value] of Object.entries(result.exchange.sent.headers)) if (value === REDACTED) held.credentialHeaders.add(name);
  } else if (valid && status >= 200 && status <= 299) held.validAccepted += 1;
  else if (valid && kind !== 'observed' && isNotFound(status, hints)) {
    held.validNotFound += 1;
    held.notFoundStatuses.add(status);
  } else if (valid && hints?.stateConflictStatuses.includes(String(status))) {
    held.validInConflict += 1;
    held.conflictStatuses.add(status);
  }
}

export const operationEvidence: Accumulator<OperationEvidence, EvidenceItem> = {
  empty: () => ({
    validAnswered: 0,
    observedAnswered: 0,
    observedRan: 0,
    validAccepted: 0,
    validRefused: 0,
    validInConflict: 0,
    validNotFound: 0,
    notFoundStatuses: new Set(),
    otherAnswered: 0,
    otherRefused: 0,
    conflictStatuses: new Set(),
    serverErrors: 0,
    serverErrorStatuses: new Set(),
    redirects: 0,
    unanswered: new Map(),
    credentialHeaders: new Set(),
    notRunReasons: new Map(),
    probes: [],
  }),
  add: (held, item) => {
    if ('probe' in item) {
      const { credentialHeaders, ...probe } = item.probe;
      held.probes.push(probe);
      for (const name of credentialHeaders) held.credentialHeaders.add(name);
      return held;
    }
    const { result } = item;
    if (result.status === 'not-run') {
      bump(held.notRunReasons, result.reason);
      return held;
    }
    if (result.case.intent.kind === 'observed') held.observedRan += 1;
    if (item.noAnswer) bump(held.unanswered, result.exchange.failure?.kind ?? 'other');
    const status = result.exchange.response?.status;
    if (status === undefined) return held;
    const { kind } = result.case.intent;
    if (kind !== 'no-auth' && kind !== 'wrong-auth') addAnswer(held, result, status, item.hints);
    held.url ??= result.exchange.sent.url;
    return held;
  },
  combine: (a, b) => {
    const out = operationEvidence.empty();
    for (const key of [
      'validAnswered',
      'observedAnswered',
      'observedRan',
      'validAccepted',
      'validRefused',
      'validInConflict',
      'validNotFound',
      'otherAnswered',
      'otherRefused',
      'serverErrors',
      'redirects',
    ] as const)
      out[key] = a[key] + b[key];
    for (const key of ['notFoundStatuses', 'conflictStatuses', 'serverErrorStatuses', 'credentialHeaders'] as const) for (const v of [...a[key], ...b[key]]) (out[key] as Set<number | string>).add(v);
    for (const key of ['unanswered', 'notRunReasons'] as const) for (const [k, n] of [...a[key], ...b[key]]) bump(out[key], k, n);
    out.probes.push(...a.probes, ...b.probes);
    const url = a.url ?? b.url;
    if (url !== undefined) out.url = url;
    return out;
  },
};
