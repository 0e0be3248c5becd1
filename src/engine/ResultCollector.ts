import type { Reporter, RunStart } from '../../reporters/Reporter.ts';
import type { CaseResult } from '../model/CaseResult.ts';
import type { Constraint } from '../model/Constraint.ts';
import type { Finding } from '../model/Finding.ts';
import { REPORT_VERSION, type CheckCell, type ConstraintCoverage, type RunReport } from '../model/RunReport.ts';
import type { PreparedOperation } from './PreparedOperation.ts';
import { toFinding } from './toFinding.ts';

type Tri = 'pass' | 'fail' | 'not-run' | 'n/a';

interface Tally {
  passed: number;
  failed: number;
}

/** Keeps the worse of two coverage results: fail > pass > not-run > n/a. */
function worse(a: Tri, b: Tri): Tri {
  const rank: Record<Tri, number> = { fail: 3, pass: 2, 'not-run': 1, 'n/a': 0 };
  return rank[b] > rank[a] ? b : a;
}

function findingKey(f: Pick<Finding, 'operationId' | 'check' | 'constraintId'>): string {
  return `${f.operationId}|${f.check}|${f.constraintId ?? ''}`;
}

/** Size of a reproducer: the smallest request is the most useful one to show. */
function weight(f: Finding): number {
  return f.request.url.length + (f.request.bodyText?.length ?? 0);
}

/**
 * Listens to case results and folds them into the run report as they arrive: memory stays flat as the
 * number of cases grows (only counters and one finding per distinct violation are kept).
 */
export class ResultCollector implements Reporter {
  private readonly started = new Date();
  private readonly planned = new Map<string, number>();
  private readonly ran = new Map<string, number>();
  private readonly notRunCount = new Map<string, number>();
  private readonly cells = new Map<string, Tally>();
  private readonly boundary = new Map<string, Tri>();
  private readonly violation = new Map<string, Tri>();
  private readonly responseRules = new Map<string, Tri>();
  private readonly findings = new Map<string, { finding: Finding; count: number }>();
  private readonly notRun: Array<RunReport['notRun'][number]> = [];
  /** Per operation: answers received, and how many of them were 404/405 (no such route). */
  private readonly routeAnswers = new Map<string, { answered: number; missing: number }>();
  private seed = 0;

  constructor(
    private readonly operations: readonly PreparedOperation[],
    private readonly replayCommand: (caseId: string, operation: PreparedOperation) => string,
    private readonly command: RunReport['command'] = 'run',
  ) {}

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
      this.notRun.push({ caseId: result.case.id, operationId, intent: intent.kind, reason: result.reason });
      if (constraintId) {
        const key = `${operationId}|${constraintId}`;
        if (intent.kind === 'boundary') this.boundary.set(key, worse(this.boundary.get(key) ?? 'n/a', 'not-run'));
        else this.violation.set(key, worse(this.violation.get(key) ?? 'n/a', 'not-run'));
      }
      return;
    }
    this.ran.set(operationId, (this.ran.get(operationId) ?? 0) + 1);
    const status = result.exchange.response?.status;
    if (status !== undefined) {
      const route = this.routeAnswers.get(operationId) ?? { answered: 0, missing: 0 };
      route.answered += 1;
      if (status === 404 || status === 405) route.missing += 1;
      this.routeAnswers.set(operationId, route);
    }
    const prepared = this.operations.find((p) => p.operation.operationId === operationId);
    for (const verdict of result.verdicts) {
      if (verdict.outcome === 'skip') continue;
      const cellKey = `${operationId}|${verdict.check}`;
      const tally = this.cells.get(cellKey) ?? { passed: 0, failed: 0 };
      if (verdict.outcome === 'pass') tally.passed += 1;
      else tally.failed += 1;
      this.cells.set(cellKey, tally);

      const outcome: Tri = verdict.outcome;
      if (constraintId && verdict.check === 'positive-acceptance' && intent.kind === 'boundary') {
        this.boundary.set(`${operationId}|${constraintId}`, worse(this.boundary.get(`${operationId}|${constraintId}`) ?? 'n/a', outcome));
      }
      if (constraintId && (verdict.check === 'negative-rejection' || verdict.check === 'auth-required')) {
        this.violation.set(`${operationId}|${constraintId}`, worse(this.violation.get(`${operationId}|${constraintId}`) ?? 'n/a', outcome));
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
      if (verdict.outcome === 'fail' && prepared) {
        const finding = toFinding(result.exchange, verdict, this.replayCommand(result.case.id, prepared));
        const key = findingKey(finding);
        const held = this.findings.get(key);
        if (!held) this.findings.set(key, { finding, count: 1 });
        else {
          held.count += 1;
          if (weight(finding) < weight(held.finding) || (weight(finding) === weight(held.finding) && finding.caseId < held.finding.caseId)) held.finding = finding;
        }
      }
    }
  }

  private coverageOf(c: Constraint, responseStatusesSeen: Map<string, Set<string>>): ConstraintCoverage {
    const key = `${c.operationId}|${c.id}`;
    const base = { constraintId: c.id, operationId: c.operationId, where: c.status ? `${c.where} ${c.status}` : c.where, kind: c.kind, source: c.source };
    if (c.where === 'response') {
      const explicit = this.responseRules.get(key);
      const seen = responseStatusesSeen.get(c.operationId)?.has(c.status ?? '') ?? false;
      const honoured = explicit === 'fail' ? 'fail' : seen ? 'pass' : 'n/a';
      return { ...base, boundaryAccepted: 'n/a', violationRejected: 'n/a', responseHonoured: honoured };
    }
    return {
      ...base,
      boundaryAccepted: this.boundary.get(key) ?? 'n/a',
      violationRejected: this.violation.get(key) ?? 'n/a',
      responseHonoured: 'n/a',
    };
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
  report(options: { interrupted: boolean; stopReason?: string; checkNames: readonly string[]; toolVersion: string }): RunReport {
    const finished = new Date();
    const unserved = this.unserved();
    const findings = [...this.findings.values()]
      .filter((f) => !unserved.has(f.finding.operationId))
      .sort((a, b) => findingKey(a.finding).localeCompare(findingKey(b.finding)));
    const notRun = [
      ...this.notRun,
      ...[...unserved].map((operationId) => ({
        caseId: `${operationId}:*`,
        operationId,
        intent: 'all',
        reason: `every request was answered 404/405: the target does not serve this operation (give it its own --target ${operationId}=URL, or check the base URL)`,
      })),
    ];
    const checks: CheckCell[] = this.operations.flatMap(({ operation, expectations }) =>
      options.checkNames.map((check) => {
        const tally = this.cells.get(`${operation.operationId}|${check}`) ?? { passed: 0, failed: 0 };
        const skipped = expectations.skipChecks.includes(check);
        const outcome = skipped || unserved.has(operation.operationId) || tally.passed + tally.failed === 0 ? 'n/a' : tally.failed > 0 ? 'fail' : 'pass';
        return { operationId: operation.operationId, check, outcome, passed: tally.passed, failed: tally.failed };
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
      const documented = prepared?.operation.responses.find((r) => r.status === status || r.status.toUpperCase() === `${status[0]}XX`);
      if (documented) statusesSeen.set(operationId, new Set([...(statusesSeen.get(operationId) ?? []), documented.status]));
    }
    const catalogue = this.operations.flatMap((p) => p.constraints);
    const violations = findings.length;
    const cases = [...this.planned.values()].reduce((a, b) => a + b, 0);
    const ran = [...this.ran.values()].reduce((a, b) => a + b, 0);
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
      summary: { operations: this.operations.length, cases, ran, notRun: notRun.length, violations, conforming: violations === 0 && !options.interrupted },
      operations: this.operations.map(({ operation, baseUrl }) => ({
        operationId: operation.operationId,
        method: operation.method,
        path: operation.pathTemplate,
        target: baseUrl,
        planned: this.planned.get(operation.operationId) ?? 0,
        ran: this.ran.get(operation.operationId) ?? 0,
        notRun: this.notRunCount.get(operation.operationId) ?? 0,
        violations: findings.filter((f) => f.finding.operationId === operation.operationId).length,
      })),
      checks,
      coverage: catalogue.map((c) => {
        const coverage = this.coverageOf(c, statusesSeen);
        if (!unserved.has(c.operationId)) return coverage;
        const untried = (v: ConstraintCoverage['boundaryAccepted']) => (v === 'n/a' ? v : 'not-run');
        return { ...coverage, boundaryAccepted: untried(coverage.boundaryAccepted), violationRejected: untried(coverage.violationRejected), responseHonoured: 'n/a' as const };
      }),
      findings: findings.map((f) => f.finding),
      occurrences: findings.map((f) => f.count),
      notRun,
      catalogue,
    };
  }
}
