import type { Constraint } from './Constraint.ts';
import type { Finding } from './Finding.ts';

export const REPORT_VERSION = 1;

/** pass: every verdict passed; fail: at least one failed; n/a: the check never applied (or was skipped). */
export type CellOutcome = 'pass' | 'fail' | 'n/a';

export interface CheckCell {
  readonly operationId: string;
  readonly check: string;
  readonly outcome: CellOutcome;
  readonly passed: number;
  readonly failed: number;
}

/** How the server treated one request constraint: its boundary accepted? its violation rejected? */
export interface ConstraintCoverage {
  readonly constraintId: string;
  readonly operationId: string;
  readonly where: string;
  readonly kind: string;
  readonly source: string;
  /** `pass`/`fail` when a boundary case ran, `not-run` when it needed a fixture, `n/a` when none exists. */
  readonly boundaryAccepted: 'pass' | 'fail' | 'not-run' | 'n/a';
  readonly violationRejected: 'pass' | 'fail' | 'not-run' | 'n/a';
  /** For response constraints: `fail` when some response broke it. */
  readonly responseHonoured: 'pass' | 'fail' | 'n/a';
}

export interface OperationSummary {
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly target: string;
  readonly planned: number;
  readonly ran: number;
  readonly notRun: number;
  readonly violations: number;
}

/** The documented, versioned result of one run: every reporter reads this and nothing else. */
export interface RunReport {
  readonly version: typeof REPORT_VERSION;
  readonly tool: { readonly name: string; readonly version: string };
  readonly command: 'run' | 'verify-pacts' | 'replay';
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly durationMs: number;
  readonly seed: number;
  readonly interrupted: boolean;
  /** Why the run stopped before its plan was done (a signal, the request budget), when it did. */
  readonly stopReason?: string;
  readonly summary: {
    readonly operations: number;
    readonly cases: number;
    readonly ran: number;
    readonly notRun: number;
    readonly violations: number;
    readonly conforming: boolean;
  };
  readonly operations: readonly OperationSummary[];
  readonly checks: readonly CheckCell[];
  readonly coverage: readonly ConstraintCoverage[];
  /** Deduplicated by (operationId, check, constraintId): one entry per distinct violation. */
  readonly findings: readonly Finding[];
  /** How many raw failing verdicts each finding stands for, same order as findings. */
  readonly occurrences: readonly number[];
  readonly notRun: readonly { readonly caseId: string; readonly operationId: string; readonly intent: string; readonly reason: string }[];
  readonly catalogue: readonly Constraint[];
  /** Regression classification against a baseline report, when one was given. */
  readonly baseline?: {
    readonly path: string;
    readonly new: readonly string[];
    readonly stillFailing: readonly string[];
    readonly fixed: readonly string[];
  };
}
