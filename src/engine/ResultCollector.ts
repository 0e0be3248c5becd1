import type { Case } from '../model/Case.ts';
import type { CaseResult } from '../model/CaseResult.ts';
import type { Constraint } from '../model/Constraint.ts';
import { causeLine } from '../model/causeLine.ts';
import type { Finding } from '../model/Finding.ts';
import type { RunListener, RunStart } from '../model/RunListener.ts';
import { severityOf, type Severity } from '../model/Provenance.ts';
import { REPORT_VERSION, type CheckCell, type ConstraintCoverage, type Relaxation, type RunInvocation, type RunReport, type RunVerdict, type UnverifiedBoundary } from '../model/RunReport.ts';
import type { Verdict } from '../model/Verdict.ts';
import { REDACTED } from '../runner/redact.ts';
import { redactUrl } from '../runner/redactUrl.ts';
import { responseFor } from '../validation/OperationValidators.ts';
import type { FixtureProbe } from './discoverFixtures.ts';
import { inconclusiveCauses, unavailableCause, type OperationEvidence, type TargetHeaders } from './inconclusiveCauses.ts';
import { outageOf, type Outage } from './outageOf.ts';
import type { PreparedOperation } from './PreparedOperation.ts';
import { TaskLog } from './TaskLog.ts';
import { toFinding } from './toFinding.ts';

type Tri = 'pass' | 'fail' | 'not-run' | 'n/a';

/** A status the document gives for a resource that does not exist (`x-conformance.notFoundStatuses`, or 404). */
function isNotFound(status: number, prepared: PreparedOperation | undefined): boolean {
  return status === 404 || (prepared?.operation.hints.notFoundStatuses.includes(String(status)) ?? false);
}

/** From best to worst: a case counts in its check's cell by its worst verdict. */
const TALLY_ORDER: ReadonlyArray<keyof Tally> = ['passed', 'warned', 'refused', 'failed'];

interface Tally {
  passed: number;
  failed: number;
  warned: number;
  /** Failures of valid requests answered 401/403: dropped when the credential turns out to be refused. */
  refused: number;
  /** Of `failed`, cases that got no answer at all: dropped when the circuit breaker explains them. */
  unanswered: number;
}


export interface CollectorOptions {
  /** The command that replays a case (its own id and seed: a corpus case keeps the seed it was found with). */
  readonly replayCommand: (testCase: Case, operation: PreparedOperation) => string;
  readonly command?: RunReport['command'];
  /** `--strict`: every broken rule is a failure. */
  readonly strict?: boolean;
  /**
   * Checks whose verdict judges a case's intent as a whole, so it fills the coverage of the case's
   * constraint (boundary accepted, violation rejected). Default: the run's acceptance, rejection and
   * auth checks; `verify-pacts` passes its `pact-verification`.
   */
  readonly intentChecks?: readonly string[];
  /** When the run began, if before the collector was made (verify-pacts learns its target late). */
  readonly startedAt?: Date;
  /** The run has several targets: each cause names its operation's target too. */
  readonly nameTargetsInCauses?: boolean;
  /** What the configuration relaxed (src/engine/relaxationsOf.ts): listed in the report of these operations. */
  readonly relaxations?: readonly Relaxation[];
  /**
   * Whether answers can show the server unavailable (default true). Not for a run of hand-picked cases
   * (`--case`, `replay`): sent for the failures they showed before, none of them need be accepted.
   */
  readonly judgeAvailability?: boolean;
}

const RUN_INTENT_CHECKS = ['positive-acceptance', 'negative-rejection', 'auth-required'];

/** Keeps the worse of two coverage results: fail > pass > not-run > n/a. */
function worse(a: Tri, b: Tri): Tri {
  const rank: Record<Tri, number> = { fail: 3, pass: 2, 'not-run': 1, 'n/a': 0 };
  return rank[b] > rank[a] ? b : a;
}

/**
 * The group a finding is counted in: its identity (`Finding.key`) and severity, so a warning never hides a
 * failure of the same rule and one report entry is exactly one key a baseline can track.
 */
function groupKey(f: Pick<Finding, 'key' | 'severity'>): string {
  return `${f.key}|${f.severity}`;
}

/** Size of a reproducer: the smallest request is the most useful one to show. */
function weight(f: Finding): number {
  return f.request.url.length + (f.request.bodyText?.length ?? 0);
}

/**
 * Listens to case results and folds them into the run report as they arrive: memory stays flat as the
 * number of cases grows (only counters and one finding per distinct violation are kept).
 */
export class ResultCollector implements RunListener {
  private readonly started: Date;
  private readonly planned = new Map<string, number>();
  private readonly ran = new Map<string, number>();
  private readonly notRunCount = new Map<string, number>();
  private readonly cells = new Map<string, Tally>();
  private readonly boundary = new Map<string, Tri>();
  private readonly violation = new Map<string, Tri>();
  private readonly responseRules = new Map<string, Tri>();
  private readonly findings = new Map<string, { finding: Finding; count: number; refusal: boolean; outage: Outage | undefined }>();
  /** Per boundary (operation|constraint): the documented state-conflict statuses its cases were answered. */
  private readonly boundaryConflicts = new Map<string, Set<number>>();
  private readonly notRun: Array<RunReport['notRun'][number]> = [];
  /** Per operation: answers received, and how many of them were 404/405 (no such route). */
  private readonly routeAnswers = new Map<string, { answered: number; missing: number }>();
  private readonly evidence = new Map<string, OperationEvidence>();
  private readonly taskLog = new TaskLog();
  private seed = 0;
  private readonly replayCommand: CollectorOptions['replayCommand'];
  private readonly command: RunReport['command'];
  private readonly strict: boolean;
  private readonly intentChecks: ReadonlySet<string>;
  private readonly nameTargetsInCauses: boolean;
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
    this.intentChecks = new Set(options.intentChecks ?? RUN_INTENT_CHECKS);
    this.started = options.startedAt ?? new Date();
    this.nameTargetsInCauses = options.nameTargetsInCauses ?? false;
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
      held = { validAnswered: 0, observedAnswered: 0, observedRan: 0, validAccepted: 0, validRefused: 0, validInConflict: 0, validNotFound: 0, notFoundStatuses: new Set(), otherAnswered: 0, otherRefused: 0, conflictStatuses: new Set(), serverErrors: 0, serverErrorStatuses: new Set(), redirects: 0, unanswered: new Map(), credentialHeaders: new Set(), notRunReasons: new Map(), probes: [] };
      this.evidence.set(operationId, held);
    }
    return held;
  }

  /** A probe sent before planning (the fixture probe) and its answer, for the inconclusive causes. */
  noteProbe(operationId: string, probe: Omit<FixtureProbe, 'operationId'>): void {
    const evidence = this.evidenceOf(operationId);
    evidence.probes.push(probe);
    for (const name of probe.credentialHeaders) evidence.credentialHeaders.add(name);
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

  /** The severity of a failing verdict: `--strict`, else the user's per-operation override, else its provenance. */
  private severityOf(verdict: Verdict, prepared: PreparedOperation): Severity {
    // `--strict` makes every broken rule a failure, whatever the config file demotes.
    if (this.strict) return 'failure';
    const overrides = prepared.expectations.severity ?? {};
    const override = (verdict.constraintId !== undefined ? overrides[verdict.constraintId] : undefined) ?? overrides[verdict.check];
    return override ?? severityOf(verdict.provenance ?? 'page', this.strict);
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
    if (result.status === 'not-run') {
      this.notRunCount.set(operationId, (this.notRunCount.get(operationId) ?? 0) + 1);
      this.notRun.push({ caseId: result.case.id, operationId, target: this.targetOf(operationId), intent: intent.kind, reason: result.reason });
      const reasons = this.evidenceOf(operationId).notRunReasons;
      reasons.set(result.reason, (reasons.get(result.reason) ?? 0) + 1);
      if (constraintId) {
        const key = `${operationId}|${constraintId}`;
        if (intent.kind === 'boundary') this.boundary.set(key, worse(this.boundary.get(key) ?? 'n/a', 'not-run'));
        else this.violation.set(key, worse(this.violation.get(key) ?? 'n/a', 'not-run'));
      }
      return;
    }
    this.ran.set(operationId, (this.ran.get(operationId) ?? 0) + 1);
    if (result.tasks) this.taskLog.note(result.tasks, result.target);
    const status = result.exchange.response?.status;
    const outage = outageOf(result.exchange);
    if (intent.kind === 'observed') this.evidenceOf(operationId).observedRan += 1;
    if (outage === 'no-answer') {
      const kinds = this.evidenceOf(operationId).unanswered;
      const kind = result.exchange.failure?.kind ?? 'other';
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    if (status !== undefined) {
      const route = this.routeAnswers.get(operationId) ?? { answered: 0, missing: 0 };
      route.answered += 1;
      if (status === 404 || status === 405) route.missing += 1;
      this.routeAnswers.set(operationId, route);
      this.evidenceOf(operationId).url ??= result.exchange.sent.url;
    }
    const prepared = this.operations.find((p) => p.operation.operationId === operationId);
    if (status !== undefined && intent.kind !== 'no-auth' && intent.kind !== 'wrong-auth') this.noteAnswer(result, status, prepared);
    // A valid request answered "not found" (an id given with --fixture that does not exist) judged nothing either.
    const notFound = (intent.kind === 'valid' || intent.kind === 'boundary') && status !== undefined && isNotFound(status, prepared);
    // The check table counts cases: a case counts once per check, by its worst verdict (a case that
    // breaks two constraints is one failing case).
    const worst = new Map<string, keyof Tally>();
    for (const verdict of result.verdicts) {
      if (verdict.outcome === 'skip') continue;
      const severity = verdict.outcome === 'fail' && prepared ? this.severityOf(verdict, prepared) : undefined;
      // A request that carried the credential and was refused for it judged nothing about its own rule.
      const refusal = this.intentChecks.has(verdict.check) && intent.kind !== 'no-auth' && intent.kind !== 'wrong-auth' && (status === 401 || status === 403 || notFound);
      const kind: keyof Tally = verdict.outcome === 'pass' ? 'passed' : refusal ? 'refused' : severity === 'warning' ? 'warned' : 'failed';
      const held = worst.get(verdict.check);
      if (held === undefined || TALLY_ORDER.indexOf(kind) > TALLY_ORDER.indexOf(held)) worst.set(verdict.check, kind);

      const outcome: Tri = verdict.outcome;
      // Observed traffic has no planned constraint: its verdicts name the rules its request breaks.
      const ruleId = intent.kind === 'observed' ? verdict.constraintId : constraintId;
      if (ruleId && this.intentChecks.has(verdict.check)) {
        // A boundary case shows its value accepted; every other case with a constraint shows it enforced.
        const column = intent.kind === 'boundary' ? this.boundary : this.violation;
        const key = `${operationId}|${ruleId}`;
        column.set(key, worse(column.get(key) ?? 'n/a', outcome));
      }
      if (verdict.check === 'response-schema') {
        // The status counts as exercised; a failure is pinned on the constraint it names.
        const statusKey = `${operationId}|status:${result.exchange.response?.status ?? ''}`;
        this.responseRules.set(statusKey, worse(this.responseRules.get(statusKey) ?? 'n/a', 'pass'));
        if (verdict.constraintId) {
          const key = `${operationId}|${verdict.constraintId}`;
          this.responseRules.set(key, worse(this.responseRules.get(key) ?? 'n/a', outcome));
        }
      }
      if (verdict.outcome === 'fail' && prepared && severity) {
        // A verdict about an answer a link led to shows that exchange (`on`), under the case that got the link.
        const finding = toFinding(verdict.on ?? result.exchange, verdict, this.replayCommand(result.case, prepared), severity, prepared.targetName);
        const key = `${groupKey(finding)}${refusal ? '|refused' : ''}${outage ? `|${outage}` : ''}`;
        const held = this.findings.get(key);
        if (!held) this.findings.set(key, { finding, count: 1, refusal, outage });
        else {
          held.count += 1;
          if (weight(finding) < weight(held.finding) || (weight(finding) === weight(held.finding) && finding.caseId < held.finding.caseId)) held.finding = finding;
        }
      }
    }
    for (const [check, kind] of worst) {
      const cellKey = `${operationId}|${check}`;
      const tally = this.cells.get(cellKey) ?? { passed: 0, failed: 0, warned: 0, refused: 0, unanswered: 0 };
      tally[kind] += 1;
      if (kind === 'failed' && outage === 'no-answer') tally.unanswered += 1;
      this.cells.set(cellKey, tally);
    }
  }

  /**
   * What the answers to requests that carried the credential say about the run: valid ones accepted,
   * refused for the credential, or in a documented state conflict; others refused for the credential.
   */
  private noteAnswer(result: CaseResult & { status: 'ran' }, status: number, prepared: PreparedOperation | undefined): void {
    const held = this.evidenceOf(result.case.operationId);
    // Observed traffic (a proxy's) counts as valid requests: what the server accepted or refused of it.
    const valid = result.case.intent.kind === 'valid' || result.case.intent.kind === 'boundary' || result.case.intent.kind === 'observed';
    const refused = status === 401 || status === 403;
    if (valid) held.validAnswered += 1;
    else held.otherAnswered += 1;
    if (status >= 500) {
      held.serverErrors += 1;
      held.serverErrorStatuses.add(status);
    } else if (status >= 300 && status < 400 && status !== 304) held.redirects += 1;
    if (result.case.intent.kind === 'observed') held.observedAnswered += 1;
    if (refused) {
      if (valid) held.validRefused += 1;
      else held.otherRefused += 1;
      // Redacted headers are the credentials that were sent: their names tell the user what to fix.
      for (const [name, value] of Object.entries(result.exchange.sent.headers)) if (value === REDACTED) held.credentialHeaders.add(name);
    } else if (valid && status >= 200 && status <= 299) held.validAccepted += 1;
    else if (valid && result.case.intent.kind !== 'observed' && isNotFound(status, prepared)) {
      held.validNotFound += 1;
      held.notFoundStatuses.add(status);
    }
    else if (valid && prepared?.operation.hints.stateConflictStatuses.includes(String(status))) {
      held.validInConflict += 1;
      held.conflictStatuses.add(status);
      const { intent } = result.case;
      if (intent.kind === 'boundary') {
        const key = `${result.case.operationId}|${intent.constraintId}`;
        this.boundaryConflicts.set(key, new Set([...(this.boundaryConflicts.get(key) ?? []), status]));
      }
    }
    held.url ??= result.exchange.sent.url;
  }

  private coverageOf(c: Constraint, responseStatusesSeen: Map<string, Set<string>>): ConstraintCoverage {
    const key = `${c.operationId}|${c.id}`;
    const base = { constraintId: c.id, operationId: c.operationId, target: this.targetOf(c.operationId), where: c.status ? `${c.where} ${c.status}` : c.where, kind: c.kind, source: c.source };
    if (c.where === 'response') {
      const explicit = this.responseRules.get(key);
      const seen = responseStatusesSeen.get(c.operationId)?.has(c.status ?? '') ?? false;
      const honoured = explicit === 'fail' ? 'fail' : seen ? 'pass' : 'n/a';
      return { ...base, boundaryAccepted: 'n/a', violationRejected: 'n/a', responseHonoured: honoured };
    }
    // A boundary only ever answered with a documented state conflict was tried and not judged.
    const boundary = this.boundary.get(key) ?? 'n/a';
    return {
      ...base,
      boundaryAccepted: boundary === 'n/a' && this.boundaryConflicts.has(key) ? 'not-run' : boundary,
      violationRejected: this.violation.get(key) ?? 'n/a',
      responseHonoured: 'n/a',
    };
  }

  /**
   * The boundaries of an operation whose every case was answered with a documented state conflict (none
   * accepted or rejected), with those statuses, and how many boundaries an answer did judge.
   */
  private boundariesOf(operationId: string): { unverified: string[]; verified: number; statuses: number[] } {
    const prefix = `${operationId}|`;
    const judged = (outcome: Tri | undefined): boolean => outcome === 'pass' || outcome === 'fail';
    const unverified = [...this.boundaryConflicts.keys()].filter((key) => key.startsWith(prefix) && !judged(this.boundary.get(key))).sort();
    const verified = [...this.boundary.entries()].filter(([key, outcome]) => key.startsWith(prefix) && judged(outcome)).length;
    const statuses = [...new Set(unverified.flatMap((key) => [...this.boundaryConflicts.get(key)!]))].sort((a, b) => a - b);
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
    const causesByOperation = new Map(
      this.operations.map(({ operation }) => {
        const id = operation.operationId;
        const evidence = this.evidenceOf(id);
        const judged = options.checkNames.reduce((sum, check) => {
          const tally = this.cells.get(`${id}|${check}`);
          return sum + (tally ? tally.passed + tally.failed + tally.warned + tally.refused : 0);
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
        const causes = this.unreachable !== undefined ? [{ kind: 'unreachable' as const, text: this.unreachable }] : inconclusiveCauses(operation, evidence, cases, run);
        return [id, causes] as const;
      }),
    );
    // A refused credential makes every "valid request not accepted" meaningless: those are dropped.
    // A refused credential, or ids that name nothing, make every "valid request not accepted" meaningless.
    const credentialRefused = (operationId: string): boolean => (causesByOperation.get(operationId) ?? []).some((c) => c.kind === 'credential' || c.kind === 'fixture');
    // Answers that never reached the rule under test (no route, a refused credential) pass and fail nothing.
    const untested = (operationId: string): boolean => unserved.has(operationId) || down.has(operationId) || credentialRefused(operationId);
    const findings = [...this.findings.entries()]
      .filter(([, f]) => !unserved.has(f.finding.operationId) && !down.has(f.finding.operationId) && !(f.refusal && credentialRefused(f.finding.operationId)))
      .filter(([, f]) => !(f.outage === 'no-answer' && stoppedByCircuit(f.finding.operationId)))
      .map(([key, f]) => ({ ...f, key }))
      .sort((a, b) => a.key.localeCompare(b.key));
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
        const tally = this.cells.get(`${operation.operationId}|${check}`) ?? { passed: 0, failed: 0, warned: 0, refused: 0, unanswered: 0 };
        const id = operation.operationId;
        const silent = unserved.has(id) || down.has(id);
        const failed = silent ? 0 : tally.failed - (stoppedByCircuit(id) ? tally.unanswered : 0) + (credentialRefused(id) ? 0 : tally.refused);
        const warned = silent ? 0 : tally.warned;
        // Where the credential was refused, a "pass" only met the refusal; what broke anyway still shows.
        const passed = untested(id) ? 0 : tally.passed;
        const skipped = expectations.skipChecks.includes(check);
        const outcome = skipped || passed + failed + warned === 0 ? 'n/a' : failed > 0 ? 'fail' : warned > 0 ? 'warn' : 'pass';
        return { operationId: id, target: targetName, check, outcome, passed, failed, warned };
      }),
    );
    // A response status counts as exercised when the response-schema check validated a body of it.
    const statusesSeen = new Map<string, Set<string>>();
    for (const [key, outcome] of this.responseRules) {
      if (outcome === 'n/a') continue;
      const [operationId, rest] = key.split('|') as [string, string];
      if (!rest.startsWith('status:')) continue;
      const status = rest.slice('status:'.length);
      const prepared = this.operations.find((p) => p.operation.operationId === operationId);
      const documented = status === '' || !prepared ? undefined : responseFor(prepared.operation.responses, Number(status));
      if (documented) statusesSeen.set(operationId, new Set([...(statusesSeen.get(operationId) ?? []), documented.status]));
    }
    const catalogue = this.operations.flatMap((p) => p.constraints);
    const count = (operationId: string | undefined, severity: Severity): number =>
      findings.filter((f) => f.finding.severity === severity && (operationId === undefined || f.finding.operationId === operationId)).length;
    const operationVerdict = (operationId: string): RunVerdict =>
      count(operationId, 'failure') > 0 ? 'not-conforming' : (causesByOperation.get(operationId) ?? []).length > 0 ? 'inconclusive' : options.interrupted ? 'interrupted' : 'conforming';
    const unverifiedBoundaries: UnverifiedBoundary[] = this.operations.flatMap(({ operation, targetName }) => {
      const id = operation.operationId;
      if (untested(id)) return [];
      const { unverified } = boundaries.get(id)!;
      return unverified.map((constraintId) => ({ operationId: id, target: targetName, constraintId, statuses: [...(this.boundaryConflicts.get(`${id}|${constraintId}`) ?? [])].sort((a, b) => a - b) }));
    });
    const ids = new Set(this.operations.map((p) => p.operation.operationId));
    const relaxations = this.relaxations.filter((r) => ids.has(r.operationId));
    const cases = [...this.planned.values()].reduce((a, b) => a + b, 0);
    const ran = [...this.ran.values()].reduce((a, b) => a + b, 0);
    // The causes of operations that stay inconclusive (one with failures has its verdict), as `merge` keeps them.
    const causes = [...causesByOperation.entries()].filter(([operationId]) => operationVerdict(operationId) === 'inconclusive').flatMap(([operationId, list]) => list.map((c) => causeLine(operationId, this.nameTargetsInCauses ? this.targetOf(operationId) : undefined, c.text)));
    if (ran === 0 && causes.length === 0 && !options.interrupted) causes.push('no case ran: nothing was tested');
    const violations = count(undefined, 'failure');
    const verdict: RunVerdict = violations > 0 ? 'not-conforming' : options.interrupted ? 'interrupted' : causes.length > 0 ? 'inconclusive' : 'conforming';
    return {
      version: REPORT_VERSION,
      tool: { name: 'interconnect-conformance', version: options.toolVersion },
      command: this.command,
      startedAt: this.started.toISOString(),
      finishedAt: finished.toISOString(),
      durationMs: finished.getTime() - this.started.getTime(),
      seed: this.seed,
      interrupted: options.interrupted,
      ...(options.stopReason ? { stopReason: options.stopReason } : {}),
      ...this.taskLog.field(),
      summary: {
        operations: this.operations.length,
        cases,
        ran,
        // Cases, so that cases = ran + notRun: the list also names an unserved operation as a whole.
        notRun: [...this.notRunCount.values()].reduce((a, b) => a + b, 0),
        violations,
        warnings: count(undefined, 'warning'),
        conforming: verdict === 'conforming',
        verdict,
        causes,
      },
      operations: this.operations.map(({ operation, baseUrl, targetName }) => {
        const id = operation.operationId;
        const opVerdict = operationVerdict(id);
        const cause = opVerdict === 'inconclusive' ? causesByOperation.get(id)?.[0]?.text : undefined;
        return {
          operationId: id,
          method: operation.method,
          path: operation.pathTemplate,
          target: redactUrl(baseUrl),
          targetName,
          planned: this.planned.get(id) ?? 0,
          ran: this.ran.get(id) ?? 0,
          notRun: this.notRunCount.get(id) ?? 0,
          violations: count(id, 'failure'),
          warnings: count(id, 'warning'),
          verdict: opVerdict,
          ...(cause !== undefined ? { cause } : {}),
        };
      }),
      ...(options.invocation ? { invocation: options.invocation } : {}),
      checks,
      coverage: catalogue.map((c) => {
        const coverage = this.coverageOf(c, statusesSeen);
        if (!untested(c.operationId)) return coverage;
        const untried = (v: ConstraintCoverage['boundaryAccepted']) => (v === 'n/a' ? v : 'not-run');
        return { ...coverage, boundaryAccepted: untried(coverage.boundaryAccepted), violationRejected: untried(coverage.violationRejected), responseHonoured: 'n/a' as const };
      }),
      findings: findings.map((f) => f.finding),
      occurrences: findings.map((f) => f.count),
      notRun,
      ...(unverifiedBoundaries.length > 0 ? { unverifiedBoundaries } : {}),
      ...(relaxations.length > 0 ? { relaxations } : {}),
      catalogue,
    };
  }
}
