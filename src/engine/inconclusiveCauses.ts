import type { Operation } from '../openapi/Operation.ts';

/** What one operation's answers showed, gathered by the collector while the run goes. */
export interface OperationEvidence {
  /** Valid and boundary requests that got an answer, and how many were accepted (2xx), refused (401/403) or in conflict. */
  validAnswered: number;
  /** Of those, exchanges of observed traffic (a proxy's, a HAR's): the client's credential, not the suite's. */
  observedAnswered: number;
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
  /** Names of the credential headers the refused requests carried. */
  readonly credentialHeaders: Set<string>;
  /** Why cases could not run, with how many each. */
  readonly notRunReasons: Map<string, number>;
  /** Requests sent before planning (the fixture probe). */
  readonly probes: Array<{ readonly what: string; readonly url: string; readonly status?: number; readonly failure?: string }>;
  /** One URL the operation was sent to (redacted), to show the path that was tried. */
  url?: string;
}

export interface InconclusiveCause {
  readonly kind: 'unreachable' | 'route' | 'credential' | 'fixture' | 'acceptance' | 'not-run' | 'unjudged';
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
  if (sent.length === 0) return schemes.length > 0 ? `no credential was sent: this operation takes one in ${schemes.join(', ')}; give --header '${schemes[0]}: value' or --token` : "no credential was sent: give --header 'Name: value' or --token";
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

/**
 * Why an operation's run cannot support a verdict, most telling first: the target does not serve the
 * route, the credential was refused, no valid request was ever accepted, or most cases could not run.
 * An empty list means the run tested what it planned.
 */
export function inconclusiveCauses(
  operation: Operation,
  evidence: OperationEvidence,
  cases: { readonly planned: number; readonly ran: number; readonly notRun: number; readonly judged: number },
  run: { readonly unserved: boolean; readonly interrupted: boolean; readonly targetHeaders?: TargetHeaders },
): InconclusiveCause[] {
  const causes: InconclusiveCause[] = [];
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
    if (refused === answered && answered > 0) causes.push({ kind: 'credential', text: `every one of the ${answered} exchange(s) was answered 401/403: the client's credential was refused, so nothing but authentication could be judged` });
  } else if (refusedProbe) {
    causes.push({ kind: 'credential', text: `${refusedProbe.what} ${refusedProbe.url} was answered ${refusedProbe.status}: ${credentialHint(evidence.credentialHeaders, operation, run.targetHeaders)}` });
  } else if (evidence.validAccepted === 0 && refused > 0 && refused * 2 >= answered) {
    // Refused before the server looked at them, these requests judge nothing (a replayed invalid case too).
    const carried = evidence.credentialHeaders.size > 0 ? ' that carried the credential' : '';
    causes.push({ kind: 'credential', text: `${refused} of ${answered} requests${carried} were answered 401/403: ${credentialHint(evidence.credentialHeaders, operation, run.targetHeaders)}` });
  } else if (evidence.validAccepted === 0 && evidence.validNotFound > 0 && evidence.validNotFound * 2 >= evidence.validAnswered) {
    const ids = operation.parameters.filter((p) => p.in === 'path').map((p) => p.name).join(', ');
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
  }
  // An interrupted run says so itself: what did not run then is the interruption's doing.
  // Cases left unsent because the credential was refused say nothing more than that cause.
  if (!run.interrupted && cases.notRun > 0 && cases.notRun > cases.ran && !causes.some((c) => c.kind === 'credential')) {
    const [reason] = [...evidence.notRunReasons.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['no reason recorded'];
    causes.push({ kind: 'not-run', text: `${cases.notRun} of ${cases.planned} cases could not run: ${reason}${probeHint(evidence)}` });
  }
  if (!run.interrupted && cases.ran > 0 && cases.judged === 0) {
    causes.push({ kind: 'unjudged', text: `${cases.ran} cases ran but no check judged any answer (every check skipped, or no answer came): nothing was tested` });
  }
  return causes;
}
