import { ConfigError } from '../errors/ConformanceError.ts';
import type { Constraint } from '../model/Constraint.ts';
import type { ReportCause } from '../model/ReportCause.ts';
import type { ConstraintCoverage, OperationSummary, Relaxation, RunReport, UnverifiedBoundary } from '../model/RunReport.ts';
import { combineCells } from '../report/checkTally.ts';
import { combineCoverage } from '../report/coverageOutcome.ts';
import { finishReport } from '../report/finishReport.ts';
import { findingEntries, findingSet, findingSetOf } from '../report/findingSet.ts';
import { operationSummary } from '../report/operationSummary.ts';
import { mergeRunTasks } from '../model/mergeRunTasks.ts';

/** A report to merge and the file it came from (named in errors). */
export interface NamedReport {
  readonly path: string;
  readonly report: RunReport;
}

/** Groups values by a key, keeping first-seen order. */
function groupBy<T>(values: readonly T[], keyOf: (value: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const value of values) groups.set(keyOf(value), [...(groups.get(keyOf(value)) ?? []), value]);
  return groups;
}

/** Constraint ids per operation: two reports test the same documents when they agree wherever both ran an operation. */
function documentDifference(a: RunReport, b: RunReport): string | undefined {
  const idsOf = (catalogue: readonly Constraint[], operationId: string): string =>
    catalogue
      .filter((c) => c.operationId === operationId)
      .map((c) => c.id)
      .sort()
      .join(',');
  if (JSON.stringify(a.invocation?.specs ?? []) !== JSON.stringify(b.invocation?.specs ?? [])) return 'documents (--spec) differ';
  const shared = a.operations.map((o) => o.operationId).filter((id) => b.operations.some((o) => o.operationId === id));
  const differing = shared.find((id) => idsOf(a.catalogue, id) !== idsOf(b.catalogue, id));
  return differing === undefined ? undefined : `the constraints of ${differing} differ`;
}

/** Refuses reports that cannot be one report: another tool version, command or document, or an incomplete shard set. */
function assertMergeable(inputs: readonly NamedReport[]): void {
  if (inputs.length === 0) throw new ConfigError('merge: no report given');
  const [first, ...rest] = inputs as [NamedReport, ...NamedReport[]];
  for (const other of rest) {
    if (other.report.tool.version !== first.report.tool.version) {
      throw new ConfigError(`merge: ${first.path} and ${other.path} come from different tool versions (${first.report.tool.version}, ${other.report.tool.version})`);
    }
    if (other.report.command !== first.report.command) throw new ConfigError(`merge: ${first.path} is a ${first.report.command} report, ${other.path} a ${other.report.command} report`);
    const difference = documentDifference(first.report, other.report);
    if (difference) throw new ConfigError(`merge: ${first.path} and ${other.path} test different documents: ${difference}`);
  }
  // Shards of one run share seed, shard count and targets; each set must be whole and without repeats.
  const sharded = inputs.filter((i) => i.report.shard !== undefined);
  const sets = groupBy(sharded, ({ report }) => `${report.seed}|${report.shard!.total}|${report.operations.map((o) => `${o.operationId}@${o.targetName}`).join(',')}`);
  // Apart from the shards of one run, an operation at a target is tested by one report only: two whole
  // runs of it (or two servers under one name) would count every case twice and mix their verdicts.
  const runs = [...sets.values(), ...inputs.filter((i) => i.report.shard === undefined).map((i) => [i])];
  const testedBy = new Map<string, NamedReport>();
  for (const run of runs) {
    for (const o of run[0]!.report.operations) {
      const held = testedBy.get(at({ ...o, target: o.targetName }));
      if (held)
        throw new ConfigError(`merge: ${held.path} and ${run[0]!.path} both test ${o.operationId} at ${o.targetName}: merge joins the shards of one run (--shard I/N) and runs against other targets`);
      testedBy.set(at({ ...o, target: o.targetName }), run[0]!);
    }
  }
  for (const set of sets.values()) {
    const total = set[0]!.report.shard!.total;
    for (let index = 1; index <= total; index += 1) {
      const holders = set.filter((i) => i.report.shard!.index === index);
      if (holders.length === 0) throw new ConfigError(`merge: shard ${index}/${total} missing (seed ${set[0]!.report.seed}; given: ${set.map((i) => i.path).join(', ')})`);
      if (holders.length > 1) throw new ConfigError(`merge: shard ${index}/${total} given twice (${holders.map((i) => i.path).join(', ')})`);
    }
  }
}

/** One operation at one target: the cell of the target × check matrix everything is grouped by. */
const at = (item: { readonly operationId: string; readonly target: string }): string => `${item.operationId}|${item.target}`;

/** One operation at one target across the reports that ran it (the shards of a run, say). */
function mergeOperation(entries: ReadonlyArray<{ summary: OperationSummary; report: RunReport }>, findings: RunReport['findings']): OperationSummary {
  const { summary: first } = entries[0]!;
  const sum = (pick: (o: OperationSummary) => number): number => entries.reduce((n, { summary }) => n + pick(summary), 0);
  // Inconclusive only if no report could judge it: a shard without a valid case says nothing of the others.
  const inconclusive = entries.every(({ summary }) => summary.verdict === 'inconclusive');
  const interrupted = entries.some(({ summary }) => summary.verdict === 'interrupted');
  const cause = entries.find(({ summary }) => summary.cause !== undefined)?.summary.cause;
  const basis = {
    operationId: first.operationId,
    method: first.method,
    path: first.path,
    target: first.target,
    targetName: first.targetName,
    targetNamed: first.targetNamed,
    planned: sum((o) => o.planned),
    ran: sum((o) => o.ran),
    notRun: sum((o) => o.notRun),
  };
  return operationSummary(basis, findings, { inconclusive, interrupted, cause });
}

/**
 * The causes still true of the merged report: one of an operation at a target while that operation is
 * still inconclusive there, one about the whole run only if nothing ran at all.
 */
function mergeCauses(reports: readonly RunReport[], operations: readonly OperationSummary[], ran: number): ReportCause[] {
  const inconclusive = new Set(operations.filter((o) => o.verdict === 'inconclusive').map((o) => at({ ...o, target: o.targetName })));
  return reports.flatMap((report) =>
    report.summary.inconclusiveCauses.filter((c) => (c.operationId === undefined ? ran === 0 : inconclusive.has(at({ operationId: c.operationId, target: c.target ?? '' })))),
  );
}

/** Boundaries no report verified: a shard that saw one accepted (or rejected) verified it for the run. */
function mergeUnverified(reports: readonly RunReport[], coverage: readonly ConstraintCoverage[]): UnverifiedBoundary[] {
  const groups = groupBy(
    reports.flatMap((r) => r.unverifiedBoundaries ?? []),
    (u) => `${at(u)}|${u.constraintId}`,
  );
  return [...groups.entries()]
    .filter(([key]) => !coverage.some((c) => `${at(c)}|${c.constraintId}` === key && (c.boundaryAccepted === 'pass' || c.boundaryAccepted === 'fail')))
    .map(([, same]) => ({ ...same[0]!, statuses: [...new Set(same.flatMap((u) => u.statuses))].sort((a, b) => a - b) }));
}

/** Every report's relaxations, once each. */
function mergeRelaxations(reports: readonly RunReport[]): Relaxation[] {
  return [
    ...groupBy(
      reports.flatMap((r) => r.relaxations ?? []),
      (r) => `${r.operationId}|${r.kind}|${r.rule}`,
    ).values(),
  ].map((same) => same[0]!);
}

/** The same value in every report, or undefined. */
function common<T>(values: readonly T[]): T | undefined {
  return values.every((v) => JSON.stringify(v) === JSON.stringify(values[0])) ? values[0] : undefined;
}

/**
 * One report from the reports of the shards of a run (`--shard I/N`) and of runs against other targets
 * (the engine joins the targets of one run the same way): everything stays per operation and target;
 * counts and check tallies summed, coverage taking the better-informed result (a boundary is accepted if
 * any shard saw it accepted; a fail anywhere is a fail), findings deduplicated by `Finding.key` with their
 * occurrences summed, verdicts recomputed. Reports of other tool versions, commands or documents, and a
 * shard set with a shard missing, are refused (ConfigError).
 */
export function mergeReports(inputs: readonly NamedReport[]): RunReport {
  assertMergeable(inputs);
  const reports = inputs.map((i) => i.report);
  const first = reports[0]!;
  const entries = findingEntries(reports.map((r) => findingSetOf(r.findings, r.occurrences)).reduce(findingSet.combine, findingSet.empty()));
  const findings = entries.map((e) => e.finding);
  const operations = [
    ...groupBy(
      reports.flatMap((report) => report.operations.map((summary) => ({ summary, report }))),
      ({ summary }) => at({ ...summary, target: summary.targetName }),
    ).values(),
  ].map((same) => mergeOperation(same, findings));
  const checks = [
    ...groupBy(
      reports.flatMap((r) => r.checks),
      (c) => `${at(c)}|${c.check}`,
    ).values(),
  ].map((same) => same.reduce(combineCells));
  const coverage = [
    ...groupBy(
      reports.flatMap((r) => r.coverage),
      (c) => `${at(c)}|${c.constraintId}`,
    ).values(),
  ].map((same) => same.reduce(combineCoverage));
  const catalogue = [
    ...groupBy(
      reports.flatMap((r) => r.catalogue),
      (c) => `${c.operationId}|${c.id}`,
    ).values(),
  ].map((same) => same[0]!);
  const notRun = [
    ...groupBy(
      reports.flatMap((r) => r.notRun),
      (n) => `${n.target}|${n.caseId}`,
    ).values(),
  ].map((same) => same[0]!);
  const ran = operations.reduce((n, o) => n + o.ran, 0);
  const startedAt = reports.map((r) => r.startedAt).sort()[0]!;
  const finishedAt = reports
    .map((r) => r.finishedAt)
    .sort()
    .at(-1)!;
  const stopReason = reports.find((r) => r.stopReason !== undefined)?.stopReason;
  const limited = reports.flatMap((r) => (r.acceptedLimit ? [r.acceptedLimit] : []));
  const acceptedLimit = limited.length > 0 ? { limit: limited[0]!.limit, reached: limited.flatMap((l) => l.reached) } : undefined;
  // `replay` of a merged report needs one way of sending: kept only when every report was invoked alike.
  const invocation = common(reports.map((r) => r.invocation));
  return finishReport({
    tool: first.tool,
    command: first.command,
    startedAt,
    finishedAt,
    seed: first.seed,
    interrupted: reports.some((r) => r.interrupted),
    ...(stopReason !== undefined ? { stopReason } : {}),
    ...(acceptedLimit !== undefined ? { acceptedLimit } : {}),
    ...mergeRunTasks(reports.map((r) => r.tasks)),
    operations,
    ...(invocation !== undefined ? { invocation } : {}),
    checks,
    coverage,
    findings: entries,
    notRun,
    unverifiedBoundaries: mergeUnverified(reports, coverage),
    relaxations: mergeRelaxations(reports),
    catalogue,
    causes: mergeCauses(reports, operations, ran),
  });
}
