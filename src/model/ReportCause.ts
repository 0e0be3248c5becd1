/**
 * Why a run or an operation could not support a verdict, most telling first: the circuit breaker stopped
 * sending, the server was unavailable, the target does not serve the route, the credential was refused,
 * ids name nothing, no valid request was accepted, boundaries stayed unverified, most cases did not run,
 * no check judged anything; `nothing-ran` is about the whole run.
 */
export const CAUSE_KINDS = ['unreachable', 'circuit', 'unavailable', 'route', 'credential', 'fixture', 'acceptance', 'boundaries', 'not-run', 'unjudged', 'nothing-ran'] as const;

export type CauseKind = (typeof CAUSE_KINDS)[number];

/** One inconclusive cause as data: reporters turn it into words (src/report/causeLines.ts gives the summary's lines). */
export interface ReportCause {
  /** The operation it is about; absent for a cause about the whole run. */
  readonly operationId?: string;
  /** Name of the operation's target. */
  readonly target?: string;
  readonly kind: CauseKind;
  /** The likely cause and the fix, in one line, without the operation and target. */
  readonly text: string;
}
