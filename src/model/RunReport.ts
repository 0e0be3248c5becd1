import type { Constraint } from './Constraint.ts';
import type { Finding } from './Finding.ts';
import type { ReportCause } from './ReportCause.ts';
import type { TaskOutcome, TaskTimeline } from './TaskTimeline.ts';

/** Raised with every change of the report's shape; src/report/migrateReport.ts reads the earlier ones. */
export const REPORT_VERSION = 2;

/**
 * The outcome of a run or of one operation:
 * - `conforming`: cases ran, no failure (warnings allowed);
 * - `not-conforming`: at least one failure;
 * - `inconclusive`: too little could be tested to say (wrong credential, wrong base path, no valid
 *   request ever accepted, most cases not run); `cause` says why and how to fix it;
 * - `interrupted`: stopped early (signal, request budget) without a failure.
 */
export type RunVerdict = 'conforming' | 'not-conforming' | 'inconclusive' | 'interrupted';

/**
 * pass: every verdict passed; fail: at least one failure; warn: no failure, at least one broken rule of
 * severity warning; n/a: the check never applied (or was skipped).
 */
export type CellOutcome = 'pass' | 'fail' | 'warn' | 'n/a';

export interface CheckCell {
  readonly operationId: string;
  /** Name of the target the cases went to (src/model/targetName.ts): the column of the target × check matrix. */
  readonly target: string;
  readonly check: string;
  readonly outcome: CellOutcome;
  /** Cases the check judged and passed (each case counts once per check, by its worst verdict). */
  readonly passed: number;
  /** Cases that broke a rule of severity failure. */
  readonly failed: number;
  /** Cases that broke only rules of severity warning. */
  readonly warned: number;
}

/** How the server treated one request constraint: its boundary accepted? its violation rejected? */
export interface ConstraintCoverage {
  readonly constraintId: string;
  readonly operationId: string;
  /** Name of the target whose answers these are. */
  readonly target: string;
  readonly where: string;
  readonly kind: string;
  readonly source: string;
  /** `pass`/`fail` when a boundary case was judged, `not-run` when it needed a fixture or was only ever answered a documented state conflict, `n/a` when none exists. */
  readonly boundaryAccepted: 'pass' | 'fail' | 'not-run' | 'n/a';
  readonly violationRejected: 'pass' | 'fail' | 'not-run' | 'n/a';
  /** For response constraints: `fail` when some response broke it. */
  readonly responseHonoured: 'pass' | 'fail' | 'n/a';
}

export interface OperationSummary {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  /** Base URL the operation was sent to (a password in it `[REDACTED]`). */
  readonly target: string;
  /** The target's name: the config file's `name`, `embedded mock`, else the base URL (src/model/targetName.ts). */
  readonly targetName: string;
  /** The name was given (the config file's `name`, the embedded mock), not taken from the URL: findings' keys hold it. */
  readonly targetNamed: boolean;
  readonly planned: number;
  readonly ran: number;
  readonly notRun: number;
  /** Distinct findings of severity `failure`. */
  readonly violations: number;
  /** Distinct findings of severity `warning`. */
  readonly warnings: number;
  readonly verdict: RunVerdict;
  /** For `inconclusive`: one line naming the likely cause and the fix. */
  readonly cause?: string;
}

/**
 * How the run was invoked, without secrets: what `replay` needs to send to the same place the same way.
 * Targets are in `operations[].target`; an embedded mock's ephemeral URL is replaced by a fresh mock.
 */
export interface RunInvocation {
  /** True when the embedded mock served the run. */
  readonly embeddedMock: boolean;
  /** Embedded mock settings (fault profile or mutant, latency, rate limit, chaos). */
  readonly mock?: { readonly fault?: string; readonly mutant?: string; readonly latencyMs?: number; readonly rateLimit?: number; readonly chaos?: string; readonly taskDurationMs?: number };
  /** Documents given with `--spec` (empty: the shipped ones). */
  readonly specs: readonly string[];
  readonly fixtures: Readonly<Record<string, string>>;
  /** Names of the `--header`s the run sent (their values are never recorded). */
  readonly credentialHeaders: readonly string[];
  /** True when the run had a `--token` (its value is never recorded). */
  readonly token: boolean;
  readonly allowMutations: boolean;
  /** `--config` file of the run, when one was given. */
  readonly config?: string;
  // What changes a verdict besides the target (absent in older reports): replay sends the same way.
  /** `--strict`: every broken rule was a failure. */
  readonly strict?: boolean;
  readonly timeouts?: { readonly connectMs: number; readonly headersMs: number; readonly bodyMs: number };
  /** `--retries` on 429/503. */
  readonly retries?: number;
  /** `--max-response-bytes`: a bigger answer was a transport failure. */
  readonly maxResponseBytes?: number;
  /** `--insecure`, `--ca-file` (its path), `--proxy` (its password `[REDACTED]`). */
  readonly insecure?: boolean;
  readonly caFile?: string;
  readonly proxy?: string;
  /** `--resolve HOST:PORT:ADDRESS` entries. */
  readonly resolve?: readonly string[];
  /** `--only-value` / `onlyValues`: the only values sent per input (a replay sends no other). */
  readonly onlyValues?: Readonly<Record<string, readonly unknown[]>>;
  /** `--max-accepted`, when given. */
  readonly maxAccepted?: number;
  /** `--task-deadline`: how long a followed task may run before it is reported as never ending. */
  readonly taskDeadlineMs?: number;
}

/**
 * A request constraint whose boundary value no answer verified: every boundary case of it was answered
 * with a documented state-conflict status (`x-conformance.stateConflictStatuses`, HCX 422: an upgrade
 * already running), so the page's rule is neither confirmed nor broken.
 */
export interface UnverifiedBoundary {
  readonly operationId: string;
  readonly target: string;
  readonly constraintId: string;
  /** The documented state-conflict statuses its boundary cases were answered. */
  readonly statuses: readonly number[];
}

/**
 * One way the run's configuration (config file or flags) made the judgement laxer than the document:
 * a verdict holds only with these. Computed by src/engine/relaxationsOf.ts.
 */
export interface Relaxation {
  readonly operationId: string;
  /**
   * `severity`: a rule demoted to a warning; `skip-check`: a check not run; `accepted-status`: a status
   * accepted on top of the documented ones; `values`: values of a parameter the run was restricted to.
   */
  readonly kind: 'severity' | 'skip-check' | 'accepted-status' | 'values';
  /** What is relaxed: a constraint id or check name, a status, a parameter name. */
  readonly rule: string;
  /** One line naming the rule, what was done to it and the config key that did it. */
  readonly text: string;
}

/** Which part of a sharded run a report holds: `index` counts from 1 to `total`. */
export interface ReportShard {
  readonly index: number;
  readonly total: number;
}

/** The documented, versioned result of one run: every reporter reads this and nothing else. */
export interface RunReport {
  readonly version: typeof REPORT_VERSION;
  readonly tool: { readonly name: string; readonly version: string };
  readonly command: 'run' | 'verify-pacts' | 'replay' | 'proxy' | 'check-har';
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly durationMs: number;
  readonly seed: number;
  /** `--shard I/N`: this run sent the I-th of N disjoint parts of the plan (`conformance merge` joins them). */
  readonly shard?: ReportShard;
  readonly interrupted: boolean;
  /** Why the run stopped before its plan was done (a signal, the request budget, the accepted-request limit), when it did. */
  readonly stopReason?: string;
  /**
   * `--max-accepted`, when it kept requests from being sent: per resource (at a target), how many
   * state-changing requests were accepted and how many were not sent. Their cases are in `notRun`.
   */
  readonly acceptedLimit?: {
    readonly limit: number;
    readonly reached: ReadonlyArray<{ readonly target: string; readonly resource: string; readonly accepted: number; readonly notSent: number }>;
  };
  /** The tasks the run followed through links of answers (src/model/TaskTimeline.ts); absent when none. */
  readonly tasks?: RunTasks;
  readonly summary: {
    /** Entries of `operations`: one per operation and target. */
    readonly operations: number;
    /** Planned cases: always `ran + notRun`. */
    readonly cases: number;
    readonly ran: number;
    /** Cases not run (the `notRun` list may also name a whole unserved operation, `intent: all`). */
    readonly notRun: number;
    /** Distinct findings of severity `failure`. */
    readonly violations: number;
    /** Distinct findings of severity `warning` (reported; they fail the run only with `--strict`). */
    readonly warnings: number;
    /** True exactly when `verdict` is `conforming`. */
    readonly conforming: boolean;
    readonly verdict: RunVerdict;
    /** For `inconclusive`: one line per cause, each naming the likely fix. */
    readonly causes: readonly string[];
    /** The same causes as data (operation, target, kind, text), in the same order. */
    readonly inconclusiveCauses: readonly ReportCause[];
  };
  readonly operations: readonly OperationSummary[];
  /** How the run was invoked (no secrets), for `replay`. Absent in reports of `verify-pacts`. */
  readonly invocation?: RunInvocation;
  readonly checks: readonly CheckCell[];
  readonly coverage: readonly ConstraintCoverage[];
  /** One entry per distinct `Finding.key` and severity (src/model/findingKey.ts). */
  readonly findings: readonly Finding[];
  /** How many raw failing verdicts each finding stands for, same order as findings. */
  readonly occurrences: readonly number[];
  readonly notRun: readonly { readonly caseId: string; readonly operationId: string; readonly target: string; readonly intent: string; readonly reason: string }[];
  /** Boundaries no answer verified (a documented state conflict every time); absent when there are none. */
  readonly unverifiedBoundaries?: readonly UnverifiedBoundary[];
  /** What the configuration relaxed (demoted rules, skipped checks, accepted statuses, value restrictions); absent when nothing. */
  readonly relaxations?: readonly Relaxation[];
  readonly catalogue: readonly Constraint[];
  /** Regression classification against a baseline report, when one was given. */
  readonly baseline?: {
    readonly path: string;
    readonly new: readonly string[];
    readonly stillFailing: readonly string[];
    readonly fixed: readonly string[];
  };
}

/** The tasks a run followed: how many, how they ended, and their timelines (every one that did not succeed, and the first others). */
export interface RunTasks {
  readonly followed: number;
  readonly outcomes: Readonly<Partial<Record<TaskOutcome, number>>>;
  readonly timelines: readonly TaskTimeline[];
}
