import type { Constraint } from '../model/Constraint.ts';
import type { CaseIntent } from '../model/Case.ts';
import type { Finding } from '../model/Finding.ts';
import { severityOf } from '../model/Provenance.ts';
import { REPORT_VERSION, type ConstraintCoverage, type RunReport } from '../model/RunReport.ts';
import { redactHeaders } from '../runner/redact.ts';
import { toCurl } from '../runner/toCurl.ts';
import type { Operation } from '../openapi/Operation.ts';
import type { PactVerificationResult } from './PactVerificationResult.ts';
import type { PactInteractionInfo } from './readPactFiles.ts';

/** The check name under which pact interactions are reported. */
export const PACT_CHECK = 'pact-verification';

type Tri = ConstraintCoverage['boundaryAccepted'];

function intentOf(kind: string | undefined, constraintId: string | undefined, label: string): CaseIntent {
  if ((kind === 'boundary' || kind === 'invalid' || kind === 'no-auth' || kind === 'wrong-auth') && constraintId) return { kind, constraintId, label };
  if (kind === 'unknown-resource') return { kind, label };
  return { kind: 'valid', label };
}

/**
 * A pact verification as a run report, so the same reporters show it: one case per interaction, one
 * finding per failing interaction (with the request the pact states and the verifier's mismatches), and
 * the coverage of the constraints the interactions name.
 */
export function pactRunReport(
  result: PactVerificationResult,
  infos: readonly PactInteractionInfo[],
  operations: readonly Operation[],
  catalogue: readonly Constraint[],
  options: { toolVersion: string; startedAt: Date; replay: string },
): RunReport {
  const credentialHeaders = operations.flatMap((o) => o.credentialSchemes.map((c) => c.header));
  const operationOf = (caseId: string | undefined, description: string): string => (caseId ?? description).split(/[: ]/)[0] ?? '';
  const byOperation = new Map<string, { planned: number; failed: number }>();
  const boundary = new Map<string, Tri>();
  const violation = new Map<string, Tri>();
  const findings: Finding[] = [];
  const rank: Record<Tri, number> = { fail: 3, pass: 2, 'not-run': 1, 'n/a': 0 };
  const worse = (map: Map<string, Tri>, key: string, value: Tri): void => {
    const held = map.get(key) ?? 'n/a';
    map.set(key, rank[value] > rank[held] ? value : held);
  };
  result.interactions.forEach((outcome, index) => {
    const operationId = operationOf(outcome.caseId, outcome.description);
    const tally = byOperation.get(operationId) ?? { planned: 0, failed: 0 };
    tally.planned += 1;
    if (!outcome.passed) tally.failed += 1;
    byOperation.set(operationId, tally);
    const verdict: Tri = outcome.passed ? 'pass' : 'fail';
    if (outcome.constraintId && outcome.intentKind === 'boundary') worse(boundary, outcome.constraintId, verdict);
    else if (outcome.constraintId) worse(violation, outcome.constraintId, verdict);
    if (outcome.passed) return;
    const info = infos.find((i) => i.description === outcome.description && i.provider === outcome.provider) ?? infos[index];
    const request = info?.request;
    const sent = {
      method: request?.method ?? 'GET',
      url: `${result.target.replace(/\/+$/, '')}${request?.path ?? '/'}${request?.query ? `?${request.query}` : ''}`,
      headers: redactHeaders({ ...(request?.headers ?? {}) }, credentialHeaders),
      ...(request?.bodyText !== undefined ? { bodyText: request.bodyText } : {}),
    };
    const provenance = catalogue.find((c) => c.id === outcome.constraintId)?.provenance ?? 'page';
    findings.push({
      operationId,
      check: PACT_CHECK,
      ...(outcome.constraintId ? { constraintId: outcome.constraintId } : {}),
      provenance,
      severity: severityOf(provenance, false),
      caseId: outcome.caseId ?? `${operationId}:pact:${index}`,
      intent: intentOf(outcome.intentKind, outcome.constraintId, outcome.description),
      message: `${outcome.description}: ${outcome.mismatches.join('; ') || 'failed'}`,
      request: sent,
      curl: toCurl(sent),
      seed: 0,
      replay: options.replay,
    });
  });
  const finished = new Date();
  const failures = findings.filter((f) => f.severity === 'failure').length;
  const causes = result.interactions.length === 0 ? ['the pact files hold no interaction: nothing was verified'] : [];
  const verdict = failures > 0 ? 'not-conforming' : causes.length > 0 ? 'inconclusive' : 'conforming';
  const operationIds = operations.map((o) => o.operationId).filter((id) => byOperation.has(id));
  return {
    version: REPORT_VERSION,
    tool: { name: 'interconnect-conformance', version: options.toolVersion },
    command: 'verify-pacts',
    startedAt: options.startedAt.toISOString(),
    finishedAt: finished.toISOString(),
    durationMs: finished.getTime() - options.startedAt.getTime(),
    seed: 0,
    interrupted: false,
    summary: {
      operations: operationIds.length,
      cases: result.interactions.length,
      ran: result.interactions.length,
      notRun: 0,
      violations: failures,
      warnings: findings.length - failures,
      conforming: verdict === 'conforming',
      verdict,
      causes,
    },
    operations: operationIds.map((id) => {
      const operation = operations.find((o) => o.operationId === id)!;
      const tally = byOperation.get(id)!;
      const mine = findings.filter((f) => f.operationId === id);
      const failed = mine.filter((f) => f.severity === 'failure').length;
      return {
        operationId: id,
        method: operation.method,
        path: operation.pathTemplate,
        target: result.target,
        planned: tally.planned,
        ran: tally.planned,
        notRun: 0,
        violations: failed,
        warnings: mine.length - failed,
        verdict: failed > 0 ? 'not-conforming' : 'conforming',
      };
    }),
    checks: operationIds.map((id) => {
      const tally = byOperation.get(id)!;
      const warned = findings.filter((f) => f.operationId === id && f.severity === 'warning').length;
      const failed = tally.failed - warned;
      return { operationId: id, check: PACT_CHECK, outcome: failed > 0 ? 'fail' : warned > 0 ? 'warn' : 'pass', passed: tally.planned - tally.failed, failed, warned };
    }),
    coverage: catalogue
      .filter((c) => operationIds.includes(c.operationId) && c.where !== 'response')
      .map((c) => ({
        constraintId: c.id,
        operationId: c.operationId,
        where: c.where,
        kind: c.kind,
        source: c.source,
        boundaryAccepted: boundary.get(c.id) ?? 'n/a',
        violationRejected: violation.get(c.id) ?? 'n/a',
        responseHonoured: 'n/a',
      })),
    findings,
    occurrences: findings.map(() => 1),
    notRun: [],
    catalogue: catalogue.filter((c) => operationIds.includes(c.operationId)),
  };
}
