import type { CauseKind } from '../model/ReportCause.ts';
import type { Operation } from '../openapi/Operation.ts';
import type { OperationEvidence } from '../report/operationEvidence.ts';

export type { OperationEvidence } from '../report/operationEvidence.ts';

export interface InconclusiveCause {
  readonly kind: Exclude<CauseKind, 'nothing-ran'>;
  /** One line: the likely cause and the fix. */
  readonly text: string;
}

/** A target's own headers (a config file's entry), which the user fixes there rather than on the command line. */
export interface TargetHeaders {
  readonly target: string;
  /** Lower-case names. */
  readonly names: readonly string[];
}

function credentialHint(headers: ReadonlySet<string>, operation: Operation, own?: TargetHeaders): string {
  const schemes = [...new Set(operation.credentialSchemes.map((c) => c.header))];
  const sent = [...headers];
  // A `--header` goes only to the operations that take a credential in it: another API's header is not sent here.
  if (sent.length === 0)
    return schemes.length > 0
      ? `no credential was sent: this operation takes one in ${schemes.join(', ')}; give --header '${schemes[0]}: value' or --token`
      : "no credential was sent: give --header 'Name: value' or --token";
  // Headers meant for another API: the operation's own scheme got nothing.
  if (schemes.length > 0 && !sent.some((h) => schemes.includes(h.toLowerCase()))) {
    return `no credential this operation takes (${schemes.join(', ')}) was sent; ${sent.join(', ')} is not one of them: give --token or --header for it`;
  }
  if (own && sent.every((h) => own.names.includes(h.toLowerCase()))) return `the credential sent in ${sent.join(', ')} was refused: check the headers of target "${own.target}" in the config file`;
  return `the credential sent in ${sent.join(', ')} was refused: check the value given with --header or --token`;
}

/** What the fixture probe's answer says, when it explains why the cases that need a resource did not run. */
function probeHint(evidence: OperationEvidence): string {
  const lost = evidence.probes.find((p) => p.status === 404 || p.status === 405);
  if (lost) return `; ${lost.what} ${lost.url} was answered ${lost.status}: if that resource exists, check the base URL`;
  const silent = evidence.probes.find((p) => p.status === undefined && p.failure !== undefined);
  if (silent) return `; ${silent.what} ${silent.url} got no answer (${silent.failure}): check --timeout and the server`;
  return '';
}

/** `12 timeout, 3 connection-reset`: counts by kind, most first. */
export function describeKinds(kinds: ReadonlyMap<string, number>): string {
  return [...kinds.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([kind, n]) => `${n} ${kind}`)
    .join(', ');
}

/**
 * The server was unavailable rather than wrong: no valid request was ever accepted, and every answer
 * was 5xx, or every answer was a redirect, or most requests got no answer at all. Its 5xx, redirect and
 * transport findings then say nothing about the rules under test. Audited traffic is not judged so.
 */
export function unavailableCause(evidence: OperationEvidence, ran: number): InconclusiveCause | undefined {
  if (evidence.validAccepted > 0 || evidence.observedRan > 0 || ran === 0) return undefined;
  const answered = evidence.validAnswered + evidence.otherAnswered;
  const tried = evidence.url ?? 'the base URL';
  if (answered > 0 && evidence.serverErrors === answered) {
    const statuses = [...evidence.serverErrorStatuses].sort().join('/');
    return {
      kind: 'unavailable',
      text: `every answer was ${statuses} before any 2xx (${answered} of ${answered} requests that carried the credential; tried ${tried}): the server is unavailable; check that it is up and serving, then run again`,
    };
  }
  if (answered > 0 && evidence.redirects === answered) {
    return {
      kind: 'unavailable',
      text: `every answer was a redirect (${answered} of ${answered}; tried ${tried}): the target sends everything elsewhere (a login page, http to https, a moved base URL); give the URL it redirects to as --target`,
    };
  }
  const unanswered = [...evidence.unanswered.values()].reduce((a, b) => a + b, 0);
  if (unanswered * 2 > ran) {
    return {
      kind: 'unavailable',
      text: `${unanswered} of ${ran} requests got no answer (${describeKinds(evidence.unanswered)}) and no valid request was accepted: the server is unavailable or hangs; check it, --timeout and --connect-timeout`,
    };
  }
  return undefined;
}

/**
 * Why an operation's run cannot support a verdict, most telling first: the circuit breaker stopped
 * sending, the server was unavailable, the target does not serve the route, the credential was refused,
 * no valid request was ever accepted, most boundaries stayed unverified, or most cases could not run.
 * An empty list means the run tested what it planned.
 */
export function inconclusiveCauses(
  operation: Operation,
  evidence: OperationEvidence,
  cases: { readonly planned: number; readonly ran: number; readonly notRun: number; readonly judged: number },
  run: {
    readonly unserved: boolean;
    readonly interrupted: boolean;
    readonly targetHeaders?: TargetHeaders;
    /** Whether the answers may show the server unavailable (not for hand-picked cases: `--case`, `replay`). */
    readonly judgeAvailability?: boolean;
    /** Why the circuit breaker stopped sending to the target, when it did and this operation lost cases to it. */
    readonly circuit?: string;
    /** Boundaries of the operation no answer verified (a documented state conflict every time), and how many were verified. */
    readonly boundaries?: { readonly unverified: readonly string[]; readonly verified: number; readonly statuses: readonly number[] };
  },
): InconclusiveCause[] {
  const causes: InconclusiveCause[] = [];
  // The real cause first: a server that stopped answering, or never served, explains everything below.
  if (run.circuit !== undefined) causes.push({ kind: 'circuit', text: run.circuit });
  const unavailable = run.circuit === undefined && (run.judgeAvailability ?? true) ? unavailableCause(evidence, cases.ran) : undefined;
  if (unavailable) causes.push(unavailable);
  if (run.unserved) {
    causes.push({
      kind: 'route',
      text: `every request was answered 404/405: the target does not serve ${operation.method} ${operation.pathTemplate} (tried ${evidence.url ?? 'the base URL'}); check the base URL and its path prefix`,
    });
    return causes;
  }
  const refused = evidence.validRefused + evidence.otherRefused;
  const answered = evidence.validAnswered + evidence.otherAnswered;
  const refusedProbe = evidence.probes.find((p) => p.status === 401 || p.status === 403);
  if (evidence.observedAnswered > 0) {
    // Audited traffic: a client's refused credential is the server doing its job; only when every
    // exchange was refused was nothing but authentication seen.
    if (refused === answered && answered > 0)
      causes.push({ kind: 'credential', text: `every one of the ${answered} exchange(s) was answered 401/403: the client's credential was refused, so nothing but authentication could be judged` });
  } else if (causes.length > 0) {
    // Unavailable: no answer was about the credential, the ids or the resource's state.
  } else if (refusedProbe) {
    causes.push({
      kind: 'credential',
      text: `${refusedProbe.what} ${refusedProbe.url} was answered ${refusedProbe.status}: ${credentialHint(evidence.credentialHeaders, operation, run.targetHeaders)}`,
    });
  } else if (evidence.validAccepted === 0 && refused > 0 && refused * 2 >= answered) {
    // Refused before the server looked at them, these requests judge nothing (a replayed invalid case too).
    const carried = evidence.credentialHeaders.size > 0 ? ' that carried the credential' : '';
    causes.push({ kind: 'credential', text: `${refused} of ${answered} requests${carried} were answered 401/403: ${credentialHint(evidence.credentialHeaders, operation, run.targetHeaders)}` });
  } else if (evidence.validAccepted === 0 && evidence.validNotFound > 0 && evidence.validNotFound * 2 >= evidence.validAnswered) {
    const ids = operation.parameters
      .filter((p) => p.in === 'path')
      .map((p) => p.name)
      .join(', ');
    causes.push({
      kind: 'fixture',
      text: `${evidence.validNotFound} of ${evidence.validAnswered} valid requests were answered ${[...evidence.notFoundStatuses].sort().join('/')}, the document's answer for a resource that does not exist: check the ids given with --fixture (${ids})`,
    });
  } else if (evidence.validAccepted === 0 && evidence.validInConflict > 0) {
    const statuses = [...evidence.conflictStatuses].sort().join('/');
    causes.push({
      kind: 'acceptance',
      text: `no valid request was accepted (${evidence.validInConflict} answered ${statuses}, documented for the resource's state): acceptance could not be verified; use a resource whose state allows the operation (--fixture)`,
    });
  } else if (run.boundaries && run.boundaries.unverified.length > run.boundaries.verified) {
    // Most page-stated boundary values were never accepted: a green verdict would claim what was not checked.
    const { unverified, verified, statuses } = run.boundaries;
    causes.push({
      kind: 'boundaries',
      text: `${unverified.length} of ${unverified.length + verified} boundaries stayed unverified (every case of them answered ${statuses.join('/')}, documented for the resource's state): ${unverified.join(', ')}; use a resource whose state allows the operation (--fixture), or run again once it does`,
    });
  }
  // An interrupted run says so itself: what did not run then is the interruption's doing.
  // Cases left unsent because the credential was refused say nothing more than that cause.
  if (!run.interrupted && cases.notRun > 0 && cases.notRun > cases.ran && !causes.some((c) => c.kind === 'credential')) {
    const [reason] = [...evidence.notRunReasons.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['no reason recorded'];
    // Cases the circuit breaker left unsent are its cause, already named.
    if (run.circuit === undefined || !reason.includes(run.circuit)) causes.push({ kind: 'not-run', text: `${cases.notRun} of ${cases.planned} cases could not run: ${reason}${probeHint(evidence)}` });
  }
  if (!run.interrupted && cases.ran > 0 && cases.judged === 0) {
    causes.push({ kind: 'unjudged', text: `${cases.ran} cases ran but no check judged any answer (every check skipped, or no answer came): nothing was tested` });
  }
  return causes;
}
