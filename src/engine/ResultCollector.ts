import type { Case } from '../model/Case.ts';
import type { CheckJudgement } from '../checks/Check.ts';
import { checkRegistry } from '../checks/registry.ts';
import type { CaseResult } from '../model/CaseResult.ts';
import type { Constraint } from '../model/Constraint.ts';
import type { RunListener, RunStart } from '../model/RunListener.ts';
import type { Severity } from '../model/Provenance.ts';
import type { ReportCause } from '../model/ReportCause.ts';
import type { CheckCell, ConstraintCoverage, Relaxation, RunInvocation, RunReport, UnverifiedBoundary } from '../model/RunReport.ts';
import type { Verdict } from '../model/Verdict.ts';
import { redactUrl } from '../runner/redactUrl.ts';
import { checkTally, cellOutcome, worseKind, type CheckTally, type TallyKind } from '../report/checkTally.ts';
import type { CoverageOutcome } from '../report/coverageOutcome.ts';
import { coverageFold, type CoverageFold } from '../report/coverageFold.ts';
import { finishReport } from '../report/finishReport.ts';
import { findingEntries, findingSet, type FindingSet } from '../report/findingSet.ts';
import { isNotFound, operationEvidence, type OperationEvidence } from '../report/operationEvidence.ts';
import { operationSummary } from '../report/operationSummary.ts';
import { severityPolicy } from '../report/severityPolicy.ts';
import { responseFor } from '../validation/OperationValidators.ts';
import type { FixtureProbe } from './discoverFixtures.ts';
import { inconclusiveCauses, unavailableCause, type TargetHeaders } from './inconclusiveCauses.ts';
import { outageOf } from './outageOf.ts';
import type { PreparedOperation } from './PreparedOperation.ts';
import { targetIdentityOf } from './targetIdentityOf.ts';
import { TaskLog } from './TaskLog.ts';
import { toFinding } from './toFinding.ts';

export interface CollectorOptions {
  /** The command that replays a case (its own id and seed: a corpus case keeps the seed it was found with). */
  readonly replayCommand: (testCase: Case, operation: PreparedOperation) => string;
  readonly command?: RunReport['command'];
  /** `--strict`: every broken rule is a failure. */
  readonly strict?: boolean;
  /**
   * What the verdicts of checks outside the registry judge (`verify-pacts`' `pact-verification` judges
   * an interaction's intent); the registry's checks say it themselves (`Check.judges`).
   */
  readonly judges?: Readonly<Record<string, CheckJudgement>>;
  /** When the run began, if before the collector was made (verify-pacts learns its target late). */
  readonly startedAt?: Date;
  /** What the configuration relaxed (src/engine/relaxationsOf.ts): listed in the report of these operations. */
  readonly relaxations?: readonly Relaxation[];
  /**
   * Whether answers can show the server unavailable (default true). Not for a run of hand-picked cases
   * (`--case`, `replay`): sent for the failures they showed before, none of them need be accepted.
   */
  readonly judgeAvailability?: boolean;
}

/**
 * Listens to case results and folds them into the run report as they arrive, with the report kernel's
 * accumulators (src/report): memory stays flat as the number of cases grows (only counters and one
 * finding per distinct violation are kept). What it adds is the engine's judgement of what a case
 * showed: which rule a verdict covers, a refusal of the credential, an unserved route, a server that
 * was down, the circuit breaker's stop.
 */
export class ResultCollector implements RunListener {
  private readonly started: Date;
  private readonly planned = new Map<string, number>();
  private readonly ran = new Map<string, number>();
  private readonly notRunCount = new Map<string, number>();
  private readonly cells = new Map<string, CheckTally>();
  private readonly coverage: CoverageFold = coverageFold.empty();
  /** Kept apart by what a cause may explain: `refused` (a refusal of the credential), the outage it showed. */
  private findings: FindingSet = findingSet.empty();
  private readonly notRun: Array<RunReport['notRun'][number]> = [];
  /** Per operation: answers received, and how many of them were 404/405 (no such route). */
  private readonly routeAnswers = new Map<string, { answered: number; missing: number }>();
  private readonly evidence = new Map<string, OperationEvidence>();
  private readonly taskLog = new TaskLog();
  private seed = 0;
  private readonly replayCommand: CollectorOptions['replayCommand'];
  private readonly command: RunReport['command'];
  private readonly strict: boolean;
  /** Checks whose verdict judges a case's intent as a whole, and those that judge an answer against its documented response. */
  private readonly intentChecks: ReadonlySet<string>;
  private readonly responseChecks: ReadonlySet<string>;
  private readonly relaxations: readonly Relaxation[];
  private readonly judgeAvailability: boolean;
  /** Why nothing could be sent to this collector's target (one of several), when nothing could. */
  private unreachable: string | undefined;
  /** Why the circuit breaker stopped sending to this collector's target, when it did. */
  private circuit: string | undefined;

  constructor(
    private readonly operations: readonly PreparedOperation[],
    options: CollectorOptions,
  ) {
    this.replayCommand = options.replayCommand;
    this.command = options.command ?? 'run';
    this.strict = options.strict ?? false;
    const judges = new Map<string, CheckJudgement | undefined>([...[...checkRegistry.values()].map((c) => [c.name, c.judges] as const), ...Object.entries(options.judges ?? {})]);
    const judging = (what: CheckJudgement): Set<string> => new Set([...judges].filter(([, j]) => j === what).map(([name]) => name));
    this.intentChecks = judging('intent');
    this.responseChecks = judging('response');
    this.started = options.startedAt ?? new Date();
    this.relaxations = options.relaxations ?? [];
    this.judgeAvailability = options.judgeAvailability ?? true;
  }

  /** The headers a config file gives the operation's target, for the credential hint. */
  private targetHeadersOf(operationId: string): { targetHeaders?: TargetHeaders } {
    const prepared = this.operations.find((p) => p.operation.operationId === operationId);
    const names = Object.keys(prepared?.targetHeaders ?? {}).map((n) => n.toLowerCase());
    return prepared && names.length > 0 ? { targetHeaders: { target: prepared.targetName, names } } : {};
  }

  /** The target name of an operation (one per operation in a collector). */
  private targetOf(operationId: string): string {
    return this.operations.find((p) => p.operation.operationId === operationId)?.targetName ?? '';
  }

  private evidenceOf(operationId: string): OperationEvidence {
    let held = this.evidence.get(operationId);
    if (!held) {
      held = operationEvidence.empty();
      this.evidence.set(operationId, held);
    }
    return held;
  }

  /** A probe sent before planning (the fixture probe) and its answer, for the inconclusive causes. */
  noteProbe(operationId: string, probe: Omit<FixtureProbe, 'operationId'>): void {
    operationEvidence.add(this.evidenceOf(operationId), { probe });
  }

  /** The target could not be reached: every operation at it is inconclusive for this reason. */
  noteUnreachable(reason: string): void {
    this.unreachable = reason;
  }

  /**
   * The circuit breaker stopped sending to the target: the operations that lost cases to it are
   * inconclusive for this reason, and their unanswered requests are not failures of the server.
   */
  noteCircuitOpen(reason: string): void {
    this.circuit = reason;
  }

  private severityOf(verdict: Verdict, prepared: PreparedOperation): Severity {
    return severityPolicy(verdict, prepared.expectations.severity ?? {}, this.strict);
  }

  onRunStart(start: RunStart): void {
    this.seed = start.seed;
    for (const [operationId, count] of Object.entries(start.planned)) this.planned.set(operationId, count);
  }

  /** Random cases are only known once explored: they are added to the plan as they come. */
  addPlanned(operationId: string, count: number): void {
    this.planned.set(operationId, (this.planned.get(operationId) ?? 0) + count);
  }

  onCaseResult(result: CaseResult): void {
    const { operationId, intent } = result.case;
    const constraintId = 'constraintId' in intent ? intent.constraintId : undefined;
    const prepared = this.operations.find((p) => p.operation.operationId === operationId);
    const outage = result.status === 'ran' ? outageOf(result.exchange) : undefined;
    operationEvidence.add(this.evidenceOf(operationId), { result, noAnswer: outage === 'no-answer', hints: prepared?.operation.hints });
    if (result.status === 'not-run') {
      this.notRunCount.set(operationId, (this.notRunCount.get(operationId) ?? 0) + 1);
      this.notRun.push({ caseId: result.case.id, operationId, target: this.targetOf(operationId), intent: intent.kind, reason: result.reason });
      if (constraintId) {
        const key = `${operationId}|${constraintId}`;
        coverageFold.add(this.coverage, { column: intent.kind === 'boundary' ? 'boundary' : 'violation', key, outcome: 'not-run' });
      }
      return;
    }
    this.ran.set(operationId, (this.ran.get(operationId) ?? 0) + 1);
    if (result.tasks) this.taskLog.note(result.tasks, result.target);
    const status = result.exchange.response?.status;
    if (status !== undefined) {
      const route = this.routeAnswers.get(operationId) ?? { answered: 0, missing: 0 };
      route.answered += 1;
      if (status === 404 || status === 405) route.missing += 1;
      this.routeAnswers.set(operationId, route);
    }
    // A boundary only ever answered a documented state conflict was tried and not judged.
    if (
      status !== undefined &&
      intent.kind === 'boundary' &&
      !(status === 401 || status === 403) &&
      !(status >= 200 && status <= 299) &&
      !isNotFound(status, prepared?.operation.hints) &&
      prepared?.operation.hints.stateConflictStatuses.includes(String(status))
    ) {
      const key = `${operationId}|${intent.constraintId}`;
      coverageFold.add(this.coverage, { column: 'conflict', key, status });
    }
    // A valid request answered "not found" (an id given with --fixture that does not exist) judged nothing either.
    const notFound = (intent.kind === 'valid' || intent.kind === 'boundary') && status !== undefined && isNotFound(status, prepared?.operation.hints);
    // The check table counts cases: a case counts once per check, by its worst verdict (a case that
    // breaks two constraints is one failing case).
    const worst = new Map<string, TallyKind>();
    for (const verdict of result.verdicts) {
      if (verdict.outcome === 'skip') continue;
      const severity = verdict.outcome === 'fail' && prepared ? this.severityOf(verdict, prepared) : undefined;
      // A request that carried the credential and was refused for it judged nothing about its own rule.
      const refusal = this.intentChecks.has(verdict.check) && intent.kind !== 'no-auth' && intent.kind !== 'wrong-auth' && (status === 401 || status === 403 || notFound);
      const kind: TallyKind = verdict.outcome === 'pass' ? 'passed' : refusal ? 'refused' : severity === 'warning' ? 'warned' : 'failed';
      worst.set(verdict.check, worseKind(worst.get(verdict.check), kind));

      const outcome: CoverageOutcome = verdict.outcome;
      // Observed traffic has no planned constraint: its verdicts name the rules its request breaks.
      const ruleId = intent.kind === 'observed' ? verdict.constraintId : constraintId;
      if (ruleId && this.intentChecks.has(verdict.check)) {
        // A boundary case shows its value accepted; every other case with a constraint shows it enforced.
        coverageFold.add(this.coverage, { column: intent.kind === 'boundary' ? 'boundary' : 'violation', key: `${operationId}|${ruleId}`, outcome });
      }
      if (this.responseChecks.has(verdict.check)) {
        // The status counts as exercised; a failure is pinned on the constraint it names.
        const statusKey = `${operationId}|status:${result.exchange.response?.status ?? ''}`;
        coverageFold.add(this.coverage, { column: 'response', key: statusKey, outcome: 'pass' });
        if (verdict.constraintId) coverageFold.add(this.coverage, { column: 'response', key: `${operationId}|${verdict.constraintId}`, outcome });
      }
      if (verdict.outcome === 'fail' && prepared && severity) {
        // A verdict about an answer a link led to shows that exchange (`on`), under the case that got the link.
        const finding = toFinding(verdict.on ?? result.exchange, verdict, this.replayCommand(result.case, prepared), severity, targetIdentityOf(prepared));
        this.findings = findingSet.add(this.findings, { finding, count: 1, tags: [...(refusal ? ['refused'] : []), ...(outage ? [outage] : [])] });
      }
    }
    for (const [check, kind] of worst) {
      const cellKey = `${operationId}|${check}`;
      this.cells.set(cellKey, checkTally.add(this.cells.get(cellKey) ?? checkTally.empty(), { kind, unanswered: outage === 'no-answer' }));
    }
  }

  private coverageOf(c: Constraint, responseStatusesSeen: Map<string, Set<string>>): ConstraintCoverage {
    const key = `${c.operationId}|${c.id}`;
    const base = { constraintId: c.id, operationId: c.operationId, target: this.targetOf(c.operationId), where: c.status ? `${c.where} ${c.status}` : c.where, kind: c.kind, source: c.source };
    if (c.where === 'response') {
      const explicit = this.coverage.response.get(key);
      const seen = responseStatusesSeen.get(c.operationId)?.has(c.status ?? '') ?? false;
      const honoured = explicit === 'fail' ? 'fail' : seen ? 'pass' : 'n/a';
      return { ...base, boundaryAccepted: 'n/a', violationRejected: 'n/a', responseHonoured: honoured };
    }
    // A boundary only ever answered with a documented state conflict was tried and not judged.
    const boundary = this.coverage.boundary.get(key) ?? 'n/a';
    return {
      ...base,
      boundaryAccepted: boundary === 'n/a' && this.coverage.conflicts.has(key) ? 'not-run' : boundary,
      violationRejected: this.coverage.violation.get(key) ?? 'n/a',
      responseHonoured: 'n/a',
    };
  }

  /**
   * The boundaries of an operation whose every case was answered with a documented state conflict (none
   * accepted or rejected), with those statuses, and how many boundaries an answer did judge.
   */
  private boundariesOf(operationId: string): { unverified: string[]; verified: number; statuses: number[] } {
    const prefix = `${operationId}|`;
    const judged = (outcome: CoverageOutcome | undefined): boolean => outcome === 'pass' || outcome === 'fail';
    const { boundary, conflicts } = this.coverage;
    const unverified = [...conflicts.keys()].filter((key) => key.startsWith(prefix) && !judged(boundary.get(key))).sort();
    const verified = [...boundary.entries()].filter(([key, outcome]) => key.startsWith(prefix) && judged(outcome)).length;
    const statuses = [...new Set(unverified.flatMap((key) => [...conflicts.get(key)!]))].sort((a, b) => a - b);
    return { unverified: unverified.map((key) => key.slice(prefix.length)), verified, statuses };
  }

  /**
   * Operations the target does not serve: every answer, to valid, invalid and credential-less requests
   * alike, was 404 or 405. A server that has the route validates or authenticates before it looks a
   * resource up, so this is a target without the operation (a wrong base URL, or a server of the other
   * API): its cases are reported as not run, not as violations.
   */
  private unserved(): Set<string> {
    const out = new Set<string>();
    for (const [operationId, { answered, missing }] of this.routeAnswers) if (answered >= 3 && missing === answered) out.add(operationId);
    return out;
  }

  /** The report as it stands; callable at any time, also after an interruption. */
  report(options: { interrupted: boolean; stopReason?: string; checkNames: readonly string[]; toolVersion: string; invocation?: RunInvocation }): RunReport {
    const finished = new Date();
    const unserved = this.unserved();
    // A server that was down (every answer 5xx or a redirect, most requests unanswered, no valid one
    // accepted) tested nothing: like an unserved route, its answers are no findings.
    const down = new Set(this.operations.map((p) => p.operation.operationId).filter((id) => this.judgeAvailability && unavailableCause(this.evidenceOf(id), this.ran.get(id) ?? 0) !== undefined));
    // The circuit breaker's stop explains the operations that lost cases to it, and their unanswered requests.
    const circuit = this.circuit;
    const stoppedByCircuit = (id: string): boolean => circuit !== undefined && [...this.evidenceOf(id).notRunReasons.keys()].some((reason) => reason.includes(circuit));
    const boundaries = new Map(this.operations.map((p) => [p.operation.operationId, this.boundariesOf(p.operation.operationId)] as const));
    const tallyOf = (id: string, check: string): CheckTally => this.cells.get(`${id}|${check}`) ?? checkTally.empty();
    const causesByOperation = new Map(
      this.operations.map(({ operation, targetName }) => {
        const id = operation.operationId;
        const evidence = this.evidenceOf(id);
        const judged = options.checkNames.reduce((sum, check) => {
          const tally = tallyOf(id, check);
          return sum + tally.passed + tally.failed + tally.warned + tally.refused;
        }, 0);
        const cases = { planned: this.planned.get(id) ?? 0, ran: this.ran.get(id) ?? 0, notRun: this.notRunCount.get(id) ?? 0, judged };
        const run = {
          unserved: unserved.has(id),
          interrupted: options.interrupted,
          judgeAvailability: this.judgeAvailability,
          ...this.targetHeadersOf(id),
          ...(stoppedByCircuit(id) ? { circuit: circuit! } : {}),
          ...(boundaries.get(id)!.unverified.length > 0 ? { boundaries: boundaries.get(id)! } : {}),
        };
        const found = this.unreachable !== undefined ? [{ kind: 'unreachable' as const, text: this.unreachable }] : inconclusiveCauses(operation, evidence, cases, run);
        return [id, found.map((c): ReportCause => ({ operationId: id, target: targetName, kind: c.kind, text: c.text }))] as const;
      }),
    );
    // A refused credential, or ids that name nothing, make every "valid request not accepted" meaningless: those are dropped.
    const credentialRefused = (operationId: string): boolean => (causesByOperation.get(operationId) ?? []).some((c) => c.kind === 'credential' || c.kind === 'fixture');
    // Answers that never reached the rule under test (no route, a refused credential) pass and fail nothing.
    const untested = (operationId: string): boolean => unserved.has(operationId) || down.has(operationId) || credentialRefused(operationId);
    const findings = findingEntries(this.findings, ({ finding, tags }) => {
      const id = finding.operationId;
      if (unserved.has(id) || down.has(id) || (tags.includes('refused') && credentialRefused(id))) return false;
      return !(tags.includes('no-answer') && stoppedByCircuit(id));
    });
    const notRun = [
      ...this.notRun,
      ...[...unserved].map((operationId) => ({
        caseId: `${operationId}:*`,
        operationId,
        target: this.targetOf(operationId),
        intent: 'all',
        reason: `every request was answered 404/405: the target does not serve this operation (give it its own --target ${operationId}=URL, or check the base URL)`,
      })),
    ];
    const checks: CheckCell[] = this.operations.flatMap(({ operation, expectations, targetName }) =>
      options.checkNames.map((check) => {
        const id = operation.operationId;
        const tally = tallyOf(id, check);
        const silent = unserved.has(id) || down.has(id);
        const failed = silent ? 0 : tally.failed - (stoppedByCircuit(id) ? tally.unanswered : 0) + (credentialRefused(id) ? 0 : tally.refused);
        const warned = silent ? 0 : tally.warned;
        // Where the credential was refused, a "pass" only met the refusal; what broke anyway still shows.
        const passed = untested(id) ? 0 : tally.passed;
        const outcome = expectations.skipChecks.includes(check) ? 'n/a' : cellOutcome({ passed, failed, warned });
        return { operationId: id, target: targetName, check, outcome, passed, failed, warned };
      }),
    );
    // A response status counts as exercised when a response check (response-schema) validated a body of it.
    const statusesSeen = new Map<string, Set<string>>();
    for (const [key, outcome] of this.coverage.response) {
      if (outcome === 'n/a') continue;
      const [operationId, rest] = key.split('|') as [string, string];
      if (!rest.startsWith('status:')) continue;
      const status = rest.slice('status:'.length);
      const prepared = this.operations.find((p) => p.operation.operationId === operationId);
      const documented = status === '' || !prepared ? undefined : responseFor(prepared.operation.responses, Number(status));
      if (documented) statusesSeen.set(operationId, new Set([...(statusesSeen.get(operationId) ?? []), documented.status]));
    }
    const catalogue = this.operations.flatMap((p) => p.constraints);
    const found = findings.map((e) => e.finding);
    const operations = this.operations.map(({ operation, baseUrl, targetName, targetNamed }) => {
      const id = operation.operationId;
      const causes = causesByOperation.get(id) ?? [];
      const basis = {
        operationId: id,
        method: operation.method,
        path: operation.pathTemplate,
        target: redactUrl(baseUrl),
        targetName,
        targetNamed,
        planned: this.planned.get(id) ?? 0,
        ran: this.ran.get(id) ?? 0,
        notRun: this.notRunCount.get(id) ?? 0,
      };
      return operationSummary(basis, found, { inconclusive: causes.length > 0, interrupted: options.interrupted, cause: causes[0]?.text });
    });
    const unverifiedBoundaries: UnverifiedBoundary[] = this.operations.flatMap(({ operation, targetName }) => {
      const id = operation.operationId;
      if (untested(id)) return [];
      const { unverified } = boundaries.get(id)!;
      return unverified.map((constraintId) => ({
        operationId: id,
        target: targetName,
        constraintId,
        statuses: [...(this.coverage.conflicts.get(`${id}|${constraintId}`) ?? [])].sort((a, b) => a - b),
      }));
    });
    const ids = new Set(this.operations.map((p) => p.operation.operationId));
    return finishReport({
      tool: { name: 'interconnect-conformance', version: options.toolVersion },
      command: this.command,
      startedAt: this.started.toISOString(),
      finishedAt: finished.toISOString(),
      seed: this.seed,
      interrupted: options.interrupted,
      ...(options.stopReason ? { stopReason: options.stopReason } : {}),
      ...this.taskLog.field(),
      operations,
      ...(options.invocation ? { invocation: options.invocation } : {}),
      checks,
      coverage: catalogue.map((c) => {
        const coverage = this.coverageOf(c, statusesSeen);
        if (!untested(c.operationId)) return coverage;
        const untried = (v: ConstraintCoverage['boundaryAccepted']) => (v === 'n/a' ? v : 'not-run');
        return { ...coverage, boundaryAccepted: untried(coverage.boundaryAccepted), violationRejected: untried(coverage.violationRejected), responseHonoured: 'n/a' as const };
      }),
      findings,
      notRun,
      unverifiedBoundaries,
      relaxations: this.relaxations.filter((r) => ids.has(r.operationId)),
      catalogue,
      // The causes of operations that stay inconclusive (one with failures has its verdict), as `merge` keeps them.
      causes: operations.filter((o) => o.verdict === 'inconclusive').flatMap((o) => causesByOperation.get(o.operationId) ?? []),
    });
  }
}
