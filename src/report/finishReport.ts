import type { Constraint } from '../model/Constraint.ts';
import {
  REPORT_VERSION,
  type CheckCell,
  type ConstraintCoverage,
  type OperationSummary,
  type Relaxation,
  type RunInvocation,
  type RunReport,
  type RunTasks,
  type UnverifiedBoundary,
} from '../model/RunReport.ts';
import type { ReportCause } from '../model/ReportCause.ts';
import { causeLines } from './causeLines.ts';
import { distinctFindings, type FindingEntry } from './findingSet.ts';
import { verdictOf } from './verdictOf.ts';

/** Everything a report holds but its summary, which is computed from it. */
export interface ReportParts {
  readonly tool: RunReport['tool'];
  readonly command: RunReport['command'];
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly seed: number;
  readonly interrupted: boolean;
  readonly stopReason?: string;
  readonly acceptedLimit?: RunReport['acceptedLimit'];
  /** The tasks followed through links of answers; absent when none was. */
  readonly tasks?: RunTasks;
  readonly operations: readonly OperationSummary[];
  readonly invocation?: RunInvocation;
  readonly checks: readonly CheckCell[];
  readonly coverage: readonly ConstraintCoverage[];
  /** In report order (src/report/findingSet.ts `findingEntries`). */
  readonly findings: readonly FindingEntry[];
  readonly notRun: RunReport['notRun'];
  readonly unverifiedBoundaries: readonly UnverifiedBoundary[];
  readonly relaxations: readonly Relaxation[];
  readonly catalogue: readonly Constraint[];
  /** The causes of the operations that stay inconclusive (one with failures has its verdict), and of the run. */
  readonly causes: readonly ReportCause[];
}

/**
 * The one place a report is assembled, by the engine (a run, a replay, `verify-pacts`, the proxy,
 * `check-har`) and by `merge`: the summary's counts, causes and verdict come from the parts, so every
 * report states them by the same formulas.
 */
export function finishReport(parts: ReportParts): RunReport {
  const { operations, interrupted } = parts;
  const findings = parts.findings.map((e) => e.finding);
  const sum = (pick: (o: OperationSummary) => number): number => operations.reduce((n, o) => n + pick(o), 0);
  const ran = sum((o) => o.ran);
  // A run where nothing ran tested nothing: never conforming.
  const given: readonly ReportCause[] = ran === 0 && parts.causes.length === 0 && !interrupted ? [{ kind: 'nothing-ran', text: 'no case ran: nothing was tested' }] : parts.causes;
  // One line once: a cause two legs or shards both report is one cause.
  const lines = causeLines(given, operations);
  const causes = given.filter((_, index) => lines.indexOf(lines[index]!) === index);
  const violations = distinctFindings(findings, 'failure');
  const verdict = verdictOf({ failures: violations, interrupted, inconclusive: causes.length > 0 }, 'run');
  return {
    version: REPORT_VERSION,
    tool: parts.tool,
    command: parts.command,
    startedAt: parts.startedAt,
    finishedAt: parts.finishedAt,
    durationMs: Date.parse(parts.finishedAt) - Date.parse(parts.startedAt),
    seed: parts.seed,
    interrupted,
    ...(parts.stopReason !== undefined ? { stopReason: parts.stopReason } : {}),
    ...(parts.acceptedLimit !== undefined ? { acceptedLimit: parts.acceptedLimit } : {}),
    ...(parts.tasks !== undefined ? { tasks: parts.tasks } : {}),
    summary: {
      operations: operations.length,
      cases: sum((o) => o.planned),
      ran,
      // Cases, so that cases = ran + notRun: the list may also name an unserved operation as a whole (`intent: all`).
      notRun: sum((o) => o.notRun),
      violations,
      warnings: distinctFindings(findings, 'warning'),
      conforming: verdict === 'conforming',
      verdict,
      causes: [...new Set(lines)],
      inconclusiveCauses: causes,
    },
    operations,
    ...(parts.invocation !== undefined ? { invocation: parts.invocation } : {}),
    checks: parts.checks,
    coverage: parts.coverage,
    findings,
    occurrences: parts.findings.map((e) => e.count),
    notRun: parts.notRun,
    ...(parts.unverifiedBoundaries.length > 0 ? { unverifiedBoundaries: parts.unverifiedBoundaries } : {}),
    ...(parts.relaxations.length > 0 ? { relaxations: parts.relaxations } : {}),
    catalogue: parts.catalogue,
  };
}
