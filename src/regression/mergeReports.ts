import { ConfigError } from '../errors/ConformanceError.ts';
import { causeLine } from '../model/causeLine.ts';
import { causePrefix } from '../model/causePrefix.ts';
import type { Constraint } from '../model/Constraint.ts';
import type { Finding } from '../model/Finding.ts';
import { REPORT_VERSION, type CheckCell, type ConstraintCoverage, type OperationSummary, type Relaxation, type RunReport, type RunVerdict, type UnverifiedBoundary } from '../model/RunReport.ts';
import { mergeRunTasks } from '../model/mergeRunTasks.ts';

/** A report to merge and the file it came from (named in errors). */
export interface NamedReport {
  readonly path: string;
  readonly report: RunReport;
}

type Tri = ConstraintCoverage['boundaryAccepted'] | ConstraintCoverage['responseHonoured'];

/** The better-informed of two coverage results: a fail anywhere is a fail, a pass beats not-run, anything beats n/a. */
function stronger<T extends Tri>(a: T, b: T): T {
  const rank: Record<Tri, number> = { fail: 3, pass: 2, 'not-run': 1, 'n/a': 0 };
  return rank[b] > rank[a] ? b : a;
}

/** Groups values by a key, keeping first-seen order. */
function groupBy<T>(values: readonly T[], keyOf: (value: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const value of values) groups.set(keyOf(value), [...(groups.get(keyOf(value)) ?? []), value]);
  return groups;
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

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
      if (held) throw new ConfigError(`merge: ${held.path} and ${run[0]!.path} both test ${o.operationId} at ${o.targetName}: merge joins the shards of one run (--shard I/N) and runs against other targets`);
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

/** Size of a reproducer: the smallest request is the most useful one to show. */
const weight = (f: Finding): number => f.request.url.length + (f.request.bodyText?.length ?? 0);

/** One entry per finding key and severity (as a run reports them), occurrences summed, the smallest reproducer kept. */
function mergeFindings(reports: readonly RunReport[]): { findings: Finding[]; occurrences: number[] } {
  const held = new Map<string, { finding: Finding; count: number }>();
  for (const report of reports) {
    report.findings.forEach((finding, index) => {
      // A target known only by its URL is not in the key: the target keeps two servers' findings apart.
      const group = `${finding.key}|${finding.target}|${finding.severity}`;
      const count = report.occurrences[index] ?? 1;
      const before = held.get(group);
      if (!before) return void held.set(group, { finding, count });
      before.count += count;
      if (weight(finding) < weight(before.finding) || (weight(finding) === weight(before.finding) && finding.caseId < before.finding.caseId)) before.finding = finding;
    });
  }
  const entries = [...held.entries()].sort(([a], [b]) => a.localeCompare(b));
  return { findings: entries.map(([, e]) => e.finding), occurrences: entries.map(([, e]) => e.count) };
}

/** Distinct keys of one severity among findings. */
function distinct(findings: readonly Finding[], severity: Finding['severity']): number {
  return new Set(findings.filter((f) => f.severity === severity).map((f) => `${f.key}|${f.target}`)).size;
}

/** One operation at one target: the cell of the target × check matrix everything is grouped by. */
const at = (item: { readonly operationId: string; readonly target: string }): string => `${item.operationId}|${item.target}`;

/** One operation at one target across the reports that ran it (the shards of a run, say). */
function mergeOperation(entries: ReadonlyArray<{ summary: OperationSummary; report: RunReport }>): OperationSummary {
  const { summary: first } = entries[0]!;
  const findings = entries.flatMap(({ report }) => report.findings.filter((f) => f.operationId === first.operationId && f.target === first.targetName));
  const violations = distinct(findings, 'failure');
  // Inconclusive only if no report could judge it: a shard without a valid case says nothing of the others.
  const inconclusive = entries.every(({ summary }) => summary.verdict === 'inconclusive');
  const interrupted = entries.some(({ summary }) => summary.verdict === 'interrupted');
  const verdict: RunVerdict = violations > 0 ? 'not-conforming' : inconclusive ? 'inconclusive' : interrupted ? 'interrupted' : 'conforming';
  const cause = inconclusive ? entries.find(({ summary }) => summary.cause !== undefined)?.summary.cause : undefined;
  return {
    operationId: first.operationId,
    method: first.method,
    path: first.path,
    target: first.target,
    targetName: first.targetName,
    planned: sum(entries.map(({ summary }) => summary.planned)),
    ran: sum(entries.map(({ summary }) => summary.ran)),
    notRun: sum(entries.map(({ summary }) => summary.notRun)),
    violations,
    warnings: distinct(findings, 'warning'),
    verdict,
    ...(cause !== undefined ? { cause } : {}),
  };
}

function mergeCheck(cells: readonly CheckCell[]): CheckCell {
  const passed = sum(cells.map((c) => c.passed));
  const failed = sum(cells.map((c) => c.failed));
  const warned = sum(cells.map((c) => c.warned));
  // A check skipped or never applicable everywhere stays n/a.
  const outcome = cells.every((c) => c.outcome === 'n/a') ? 'n/a' : failed > 0 ? 'fail' : warned > 0 ? 'warn' : passed > 0 ? 'pass' : 'n/a';
  return { operationId: cells[0]!.operationId, target: cells[0]!.target, check: cells[0]!.check, outcome, passed, failed, warned };
}

function mergeCoverage(rows: readonly ConstraintCoverage[]): ConstraintCoverage {
  return rows.reduce((a, b) => ({
    ...a,
    boundaryAccepted: stronger(a.boundaryAccepted, b.boundaryAccepted),
    violationRejected: stronger(a.violationRejected, b.violationRejected),
    responseHonoured: stronger(a.responseHonoured, b.responseHonoured),
  }));
}

/**
 * The causes still true of the merged report: one of an operation at a target while that operation is
 * still inconclusive there (naming the target when the merged report has several for the operation), one
 * about the whole run only if nothing ran at all.
 */
function mergeCauses(reports: readonly RunReport[], operations: readonly OperationSummary[], ran: number): string[] {
  const targetsOf = (operationId: string): number => operations.filter((o) => o.operationId === operationId).length;
  const inconclusive = new Set(operations.filter((o) => o.verdict === 'inconclusive').map((o) => at({ ...o, target: o.targetName })));
  const lines = reports.flatMap((report) =>
    report.summary.causes.flatMap((cause) => {
      const owner = report.operations.find((o) => [causePrefix(o.operationId, o.targetName), causePrefix(o.operationId, undefined)].some((prefix) => cause.startsWith(prefix)));
      if (!owner) return ran === 0 ? [cause] : [];
      if (!inconclusive.has(at({ ...owner, target: owner.targetName }))) return [];
      const prefix = [causePrefix(owner.operationId, owner.targetName), causePrefix(owner.operationId, undefined)].find((p) => cause.startsWith(p))!;
      return [causeLine(owner.operationId, targetsOf(owner.operationId) > 1 ? owner.targetName : undefined, cause.slice(prefix.length))];
    }),
  );
  return [...new Set(lines)];
}

/** Boundaries no report verified: a shard that saw one accepted (or rejected) verified it for the run. */
function mergeUnverified(reports: readonly RunReport[], coverage: readonly ConstraintCoverage[]): UnverifiedBoundary[] {
  const groups = groupBy(reports.flatMap((r) => r.unverifiedBoundaries ?? []), (u) => `${at(u)}|${u.constraintId}`);
  return [...groups.entries()]
    .filter(([key]) => !coverage.some((c) => `${at(c)}|${c.constraintId}` === key && (c.boundaryAccepted === 'pass' || c.boundaryAccepted === 'fail')))
    .map(([, same]) => ({ ...same[0]!, statuses: [...new Set(same.flatMap((u) => u.statuses))].sort((a, b) => a - b) }));
}

/** Every report's relaxations, once each. */
function mergeRelaxations(reports: readonly RunReport[]): Relaxation[] {
  return [...groupBy(reports.flatMap((r) => r.relaxations ?? []), (r) => `${r.operationId}|${r.kind}|${r.rule}`).values()].map((same) => same[0]!);
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
  const operations = [...groupBy(reports.flatMap((report) => report.operations.map((summary) => ({ summary, report }))), ({ summary }) => at({ ...summary, target: summary.targetName })).values()].map(mergeOperation);
  const checks = [...groupBy(reports.flatMap((r) => r.checks), (c) => `${at(c)}|${c.check}`).values()].map(mergeCheck);
  const coverage = [...groupBy(reports.flatMap((r) => r.coverage), (c) => `${at(c)}|${c.constraintId}`).values()].map(mergeCoverage);
  const catalogue = [...groupBy(reports.flatMap((r) => r.catalogue), (c) => `${c.operationId}|${c.id}`).values()].map((same) => same[0]!);
  const notRun = [...groupBy(reports.flatMap((r) => r.notRun), (n) => `${n.target}|${n.caseId}`).values()].map((same) => same[0]!);
  const { findings, occurrences } = mergeFindings(reports);
  const unverifiedBoundaries = mergeUnverified(reports, coverage);
  const relaxations = mergeRelaxations(reports);
  const ran = sum(operations.map((o) => o.ran));
  const causes = mergeCauses(reports, operations, ran);
  const violations = distinct(findings, 'failure');
  const interrupted = reports.some((r) => r.interrupted);
  const verdict: RunVerdict = violations > 0 ? 'not-conforming' : interrupted ? 'interrupted' : causes.length > 0 ? 'inconclusive' : 'conforming';
  const startedAt = reports.map((r) => r.startedAt).sort()[0]!;
  const finishedAt = reports.map((r) => r.finishedAt).sort().at(-1)!;
  const stopReason = reports.find((r) => r.stopReason !== undefined)?.stopReason;
  const limited = reports.flatMap((r) => (r.acceptedLimit ? [r.acceptedLimit] : []));
  const acceptedLimit = limited.length > 0 ? { limit: limited[0]!.limit, reached: limited.flatMap((l) => l.reached) } : undefined;
  // `replay` of a merged report needs one way of sending: kept only when every report was invoked alike.
  const invocation = common(reports.map((r) => r.invocation));
  return {
    version: REPORT_VERSION,
    tool: first.tool,
    command: first.command,
    startedAt,
    finishedAt,
    durationMs: Date.parse(finishedAt) - Date.parse(startedAt),
    seed: first.seed,
    interrupted,
    ...(stopReason !== undefined ? { stopReason } : {}),
    ...(acceptedLimit !== undefined ? { acceptedLimit } : {}),
    ...mergeRunTasks(reports.map((r) => r.tasks)),
    summary: {
      operations: operations.length,
      cases: sum(operations.map((o) => o.planned)),
      ran,
      // Cases, as `cases` and `ran` count them: the list may also hold a whole operation's entry (`intent: all`).
      notRun: sum(operations.map((o) => o.notRun)),
      violations,
      warnings: distinct(findings, 'warning'),
      conforming: verdict === 'conforming',
      verdict,
      causes,
    },
    operations,
    ...(invocation !== undefined ? { invocation } : {}),
    checks,
    coverage,
    findings,
    occurrences,
    notRun,
    ...(unverifiedBoundaries.length > 0 ? { unverifiedBoundaries } : {}),
    ...(relaxations.length > 0 ? { relaxations } : {}),
    catalogue,
  };
}
