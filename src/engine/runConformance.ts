import { createHash } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { TOOL_VERSION } from '../toolVersion.ts';
import { checkRegistry } from '../checks/registry.ts';
import { REMOTE_DEFAULTS, type ConformanceConfig } from '../config/ConformanceConfig.ts';
import type { Case } from '../model/Case.ts';
import type { EmbeddedTargetFactory } from '../model/EmbeddedTarget.ts';
import type { RunListener } from '../model/RunListener.ts';
import type { CaseResult } from '../model/CaseResult.ts';
import type { Exchange } from '../model/Exchange.ts';
import type { ReportShard, RunInvocation, RunReport } from '../model/RunReport.ts';
import { TargetUnreachableError, UsageError } from '../errors/ConformanceError.ts';
import type { DroppedCase } from '../plan/DroppedCase.ts';
import { mergeReports } from '../regression/mergeReports.ts';
import { assertSafeTarget } from '../runner/assertSafeTarget.ts';
import { checkReachable } from '../runner/checkReachable.ts';
import { credentialRoutes } from '../runner/credentialRoutes.ts';
import { planToSent } from '../runner/planToSent.ts';
import { toCurl } from '../runner/toCurl.ts';
import { HttpRunner } from '../runner/HttpRunner.ts';
import { RunInterruptedError } from '../runner/RunInterruptedError.ts';
import { isLoopback } from '../runner/isLoopback.ts';
import { redactUrl } from '../runner/redactUrl.ts';
import { hostOverridesOf } from '../runner/hostOverrides.ts';
import type { RunnerOptions } from '../runner/RunnerOptions.ts';
import { loadSpecs } from '../openapi/loadSpecs.ts';
import { chooseCredentialSchemes } from './chooseCredentialSchemes.ts';
import { CircuitBreaker } from './CircuitBreaker.ts';
import { discoverFixtures, type FixtureProbe } from './discoverFixtures.ts';
import { fixtureProbe } from './fixtureProbe.ts';
import { executeCase } from './executeCase.ts';
import { LinkFollower } from './LinkFollower.ts';
import { exploreRandom, randomCase, randomCaseId, randomRequestAt, sampleRandomCases } from './exploreRandom.ts';
import type { PreparedOperation } from './PreparedOperation.ts';
import { Planner, type OperationPlan } from './Planner.ts';
import { prepareOperations } from './prepareOperations.ts';
import { relaxationsOf } from './relaxationsOf.ts';
import { refusalsFirst } from './refusalsFirst.ts';
import { replayCommandFor } from './replayCommandFor.ts';
import { ResultCollector } from './ResultCollector.ts';
import type { RunContext } from './RunContext.ts';
import { runPool } from './runPool.ts';
import { runSequences } from './runSequences.ts';
import { settleAll } from './settleAll.ts';
import { startTargets } from './startTargets.ts';

export interface RunHooks {
  readonly reporters: readonly RunListener[];
  /**
   * Starts the server of a run that names no target (callers pass `startMockServer`); the engine does
   * not know the mock. `config.mock.chaos` is the caller's to apply: the factory is built where it is known.
   */
  readonly embeddedTarget?: EmbeddedTargetFactory;
  /** Aborting stops sending; the report of what ran is still built and handed to the reporters. */
  readonly signal?: AbortSignal;
  /** Receives the planned requests of a dry run, as curl commands. */
  readonly dryRunOut?: (line: string) => void;
  /** Receives what the user should know about how the run reads its input (a `--header` no operation names), once each. */
  readonly notice?: (line: string) => void;
  /**
   * Cases to send before the planned ones (the failure corpus of earlier runs), per target: `operations`
   * are the target's, `targets` the names of every target of the run.
   */
  readonly priorCases?: (operations: readonly PreparedOperation[], targets: readonly string[]) => Case[];
  /** `replay` sends only the prior cases: nothing is planned or explored. */
  readonly command?: 'run' | 'replay';
  /** Completes the report (baseline classification) before the reporters see it. */
  readonly finalize?: (report: RunReport) => RunReport;
}

export function runnerOptionsFor(config: ConformanceConfig, operations: readonly PreparedOperation[], token: string | undefined): RunnerOptions {
  const remote = operations.some((p) => !isLoopback(p.baseUrl));
  const maxRequests = config.maxRequests ?? (remote ? REMOTE_DEFAULTS.maxRequests : undefined);
  const rateLimit = config.rateLimit ?? (remote ? REMOTE_DEFAULTS.rateLimit : undefined);
  const maxAccepted = config.maxAccepted ?? (remote ? REMOTE_DEFAULTS.maxAccepted : undefined);
  return {
    headers: config.headers,
    ...(token !== undefined ? { token } : {}),
    timeouts: config.timeouts,
    concurrency: config.concurrency,
    retry: { maxRetries: config.retries, maxDelayMs: 10_000 },
    maxResponseBytes: config.maxResponseBytes,
    ...(config.caFile || config.insecure ? { tls: { ...(config.caFile ? { caFile: config.caFile } : {}), insecure: config.insecure } } : {}),
    ...(config.proxy ? { proxy: config.proxy } : {}),
    ...(config.resolve && config.resolve.length > 0 ? { resolve: hostOverridesOf(config.resolve) } : {}),
    ...(rateLimit !== undefined ? { rateLimitPerSecond: rateLimit } : {}),
    ...(maxRequests !== undefined ? { maxRequests } : {}),
    ...(maxAccepted !== undefined ? { maxAccepted } : {}),
  };
}

/** `--task-deadline`, else the embedded target's own deadline for its tasks, else each task's documented one. */
function taskDeadlineOf(config: ConformanceConfig, embedded: number | undefined): { taskDeadlineMs?: number } {
  const ms = config.taskDeadlineMs ?? embedded;
  return ms !== undefined ? { taskDeadlineMs: ms } : {};
}

/** Selects the planned cases named by `--case` (all when none is named); a step of a state sequence brings its whole sequence. */
function selectCases(cases: readonly Case[], ids: readonly string[]): Case[] {
  if (ids.length === 0) return [...cases];
  const sequences = new Set(cases.filter((c) => c.sequence && ids.includes(c.id)).map((c) => c.sequence!.id));
  return cases.filter((c) => ids.includes(c.id) || (c.sequence !== undefined && sequences.has(c.sequence.id)));
}

/** What a shard is dealt: a case, or a whole state sequence (its steps only make sense together). */
function shardUnitOf(testCase: Case): string {
  return testCase.sequence?.id ?? testCase.id;
}

/**
 * The corpus or report cases to send first, with each step of a state sequence replaced by its whole
 * sequence, planned again under that case's seed (a step alone shows nothing), once per sequence and
 * never beside the same planned steps.
 */
function expandSequences(prior: readonly Case[], operations: readonly PreparedOperation[], fixtures: Readonly<Record<string, string>>, planned: ReadonlySet<string>): Case[] {
  const seen = new Set<string>();
  return prior.flatMap((c) => {
    if (c.replaysSequence === undefined) return [c];
    const prepared = operations.find((p) => p.operation.operationId === c.operationId);
    if (!prepared || seen.has(c.replaysSequence)) return [];
    seen.add(c.replaysSequence);
    return new Planner(c.seed).plan(prepared, fixtures).cases.filter((s) => s.sequence?.id === c.replaysSequence && !planned.has(s.id));
  });
}

/**
 * `--shard I/N`: whether a case is this shard's. A stable hash of the case id (which holds the seed)
 * splits the cases the same way on every machine with nothing shared between the shards, so the N shards
 * together send exactly the cases of the unsharded run.
 */
function inShard(shard: ReportShard | undefined, caseId: string): boolean {
  return shard === undefined || createHash('sha256').update(caseId).digest().readUInt32BE(0) % shard.total === shard.index - 1;
}

/** Every `--case` id is a planned case or a random case of an operation of this run (at any target), under this seed. */
function assertKnownCases(legs: readonly Leg[], config: ConformanceConfig, planner: Planner): void {
  if (config.caseIds.length === 0) return;
  const planned = new Set(legs.flatMap((leg) => leg.operations.flatMap((p) => planner.plan(p, leg.given).cases.map((c) => c.id))));
  const randomPrefixes = legs.flatMap((leg) => leg.operations.map((p) => randomCaseId(p.operation.operationId, config.seed, '')));
  const unknown = config.caseIds.filter((id) => !planned.has(id) && !randomPrefixes.some((prefix) => id.startsWith(prefix) && /^(c\d+|\d+(:\d+)*)$/.test(id.slice(prefix.length))));
  if (unknown.length > 0) {
    throw new UsageError(`--case ${unknown.join(', ')}: no such case in this run's plan (seed ${config.seed}); take ids from a report or --dry-run, with the same --seed`);
  }
}

async function orWhenInterrupted<T>(work: Promise<T>, fallback: T): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof RunInterruptedError) return fallback;
    throw error;
  }
}

/** How the run was invoked, without secrets: what `replay` needs. */
function invocationOf(config: ConformanceConfig, embedded: boolean): RunInvocation {
  return {
    embeddedMock: embedded,
    ...(embedded && Object.keys(config.mock).length > 0 ? { mock: config.mock } : {}),
    specs: config.specs,
    fixtures: config.fixtures,
    credentialHeaders: Object.keys(config.headers),
    token: config.token !== undefined,
    allowMutations: config.allowMutations,
    ...(config.configFile !== undefined ? { config: config.configFile } : {}),
    strict: config.strict,
    timeouts: config.timeouts,
    retries: config.retries,
    maxResponseBytes: config.maxResponseBytes,
    insecure: config.insecure,
    ...(config.caFile !== undefined ? { caFile: config.caFile } : {}),
    ...(config.proxy !== undefined ? { proxy: redactUrl(config.proxy) } : {}),
    ...(config.resolve && config.resolve.length > 0 ? { resolve: config.resolve } : {}),
    ...(config.onlyValues && Object.keys(config.onlyValues).length > 0 ? { onlyValues: config.onlyValues } : {}),
    ...(config.maxAccepted !== undefined ? { maxAccepted: config.maxAccepted } : {}),
  };
}

/**
 * The operations sent to one server, with what that server needs of its own. A run has one leg per
 * target: each has its own connection pool, rate limit, request budget, credential probe and fixtures,
 * so one server's failures, slowness or budget never stop another's cases.
 */
interface Leg {
  readonly name: string;
  readonly url: string;
  readonly operations: readonly PreparedOperation[];
  /** The run's fixtures with the target's own over them. */
  readonly given: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
}

function legsOf(operations: readonly PreparedOperation[], given: Readonly<Record<string, string>>): Leg[] {
  const legs = new Map<string, Leg & { operations: PreparedOperation[] }>();
  for (const p of operations) {
    const key = JSON.stringify([p.targetName, p.baseUrl, p.targetFixtures, p.targetHeaders]);
    const leg = legs.get(key) ?? { name: p.targetName, url: p.baseUrl, operations: [], given: { ...given, ...p.targetFixtures }, headers: p.targetHeaders };
    leg.operations.push(p);
    legs.set(key, leg);
  }
  return [...legs.values()];
}

/**
 * One conformance run: plan every operation's cases from its schema, send them to each of its targets,
 * check every exchange, and stream the results to the reporters. Returns the report, also when interrupted.
 */
export async function runConformance(config: ConformanceConfig, hooks: RunHooks): Promise<RunReport> {
  // The run begins here: its elapsed time counts reaching the targets and the credential and fixture probes.
  const startedAt = new Date();
  for (const l of hooks.reporters) l.onRunBegin?.({ startedAt });
  try {
    return await runFrom(startedAt, config, hooks);
  } finally {
    for (const l of hooks.reporters) l.onRunClose?.();
  }
}

/** The run once its beginning is announced to the listeners. */
async function runFrom(startedAt: Date, config: ConformanceConfig, hooks: RunHooks): Promise<RunReport> {
  const specs = await loadSpecs(config.specs);
  const targets = await startTargets(config, specs, hooks.embeddedTarget);
  try {
    const operations = prepareOperations(specs, config, targets.defaultTarget);
    for (const p of operations) {
      assertSafeTarget(p.baseUrl, { mutating: p.operation.hints.mutating && !config.dryRun, allowMutations: config.allowMutations });
    }
    const legs = legsOf(operations, { ...targets.fixtures, ...config.fixtures });
    // Several servers for one operation (regions, say): each is its own column, and one that cannot be
    // reached is reported as such while the others are tested.
    const several = operations.length > new Set(operations.map((p) => p.operation.operationId)).size;
    const command = hooks.command ?? 'run';
    // Plan first: a document the generators cannot satisfy, or a `--case` id that names nothing, is
    // refused before anything is sent.
    const planner = new Planner(config.seed);
    for (const leg of legs) planner.preflight(leg.operations, leg.given, config.runs);
    if (command === 'run') assertKnownCases(legs, config, planner);
    // The run's signal reaches each runner, so an interruption cuts requests in flight at once; it is
    // followed once here, and each target's runner and sender listen to that.
    const signal = hooks.signal ? AbortSignal.any([hooks.signal]) : undefined;
    if (signal) setMaxListeners(2 * legs.length + 1, signal);
    // A `--header` goes to the operations that take a credential in it (over every document loaded, so
    // one vendor's token never reaches the other's server); a target's own headers go to all its operations.
    const routes = credentialRoutes(specs.flatMap((s) => s.operations), Object.keys(config.headers));
    for (const name of Object.keys(config.headers)) {
      if (!routes.has(name.toLowerCase())) hooks.notice?.(`--header ${name} is not a credential header of any operation: sent to every operation`);
    }
    const runners = legs.map((leg) => {
      const base = runnerOptionsFor(config, leg.operations, targets.token);
      const own = new Set(Object.keys(leg.headers).map((name) => name.toLowerCase()));
      const headerRoutes = new Map([...routes].filter(([name]) => !own.has(name)));
      const options: RunnerOptions = { ...base, headers: { ...base.headers, ...leg.headers }, headerRoutes, ...(signal ? { signal } : {}) };
      const runner = new HttpRunner(options);
      return { leg, options, runner, links: new LinkFollower({ runner, ...(signal ? { signal } : {}), ...taskDeadlineOf(config, targets.taskDeadlineMs) }) };
    });
    try {
      // Nothing is planned or reported for a target that cannot be reached at all; of several targets of
      // an operation, one that cannot be reached is inconclusive and the others run.
      const unreachable = new Map<Leg, string>();
      const refusedBy = new Map<Leg, TargetUnreachableError>();
      for (const { leg, options } of config.dryRun ? [] : runners) {
        try {
          await checkReachable(leg.url, options);
        } catch (error) {
          if (!(error instanceof TargetUnreachableError)) throw error;
          refusedBy.set(leg, error);
          unreachable.set(leg, `${error.message}: check the URL of target "${leg.name}"`);
        }
      }
      // An operation none of whose servers can be reached could not be tested anywhere: a connection error,
      // as in a run of one target. A server whose operations all have another one is inconclusive instead.
      const serversOf = (operationId: string): Leg[] => legs.filter((l) => l.operations.some((p) => p.operation.operationId === operationId));
      const untested = operations.find((p) => serversOf(p.operation.operationId).every((l) => unreachable.has(l)));
      if (untested) {
        const down = serversOf(untested.operation.operationId);
        throw down.length === 1 ? refusedBy.get(down[0]!)! : new TargetUnreachableError(down.map((l) => unreachable.get(l)).join('; '));
      }
      const setups = await Promise.all(
        runners.map(({ leg, options, runner, links }) => (unreachable.has(leg) ? { leg, runner, runnerOptions: options, operations: leg.operations, fixtures: leg.given, probes: [], dryProbes: [], unreachable: unreachable.get(leg)! } : setUpLeg(config, command, leg, runner, options, planner, links))),
      );
      return await execute(config, { ...hooks, ...(signal ? { signal } : {}) }, { legs: setups, command, embedded: targets.embedded, planner, several, startedAt });
    } finally {
      await Promise.all(runners.map(({ runner }) => runner.close()));
    }
  } finally {
    await targets.close();
  }
}

/** One target, ready to send: its credential scheme chosen and its fixtures found. */
interface LegSetup {
  readonly leg: Leg;
  readonly runner: HttpRunner;
  readonly runnerOptions: RunnerOptions;
  /** The leg's operations, with the credential scheme the server takes first. */
  readonly operations: readonly PreparedOperation[];
  readonly fixtures: Readonly<Record<string, string>>;
  readonly probes: readonly FixtureProbe[];
  /** The fixture probes a run would send first (listed by a dry run). */
  readonly dryProbes: readonly Case[];
  /** Why nothing is sent to this target (it could not be reached). */
  readonly unreachable?: string;
  readonly links?: LinkFollower;
}

/** The credential scheme first (the fixture probe must authenticate), then the fixtures. */
async function setUpLeg(config: ConformanceConfig, command: 'run' | 'replay', leg: Leg, runner: HttpRunner, runnerOptions: RunnerOptions, planner: Planner, links: LinkFollower): Promise<LegSetup> {
  const settle = (exchange: Exchange, p: PreparedOperation): Promise<void> => links.settle(exchange, p);
  const plan = (p: PreparedOperation, f: Readonly<Record<string, string>>): OperationPlan => planner.plan(p, f);
  const probing = !config.dryRun && command === 'run';
  // An interrupted probe leaves what was known, so the run still reports (an interrupted, empty run).
  const operations = probing && runnerOptions.token !== undefined ? await orWhenInterrupted(chooseCredentialSchemes(leg.operations, leg.given, runner, plan, settle), leg.operations) : leg.operations;
  const probes: FixtureProbe[] = [];
  // A dry run shows the plan a run would send when its fixture probe is answered 2xx, probe included.
  const dryProbes = config.dryRun && command === 'run' ? operations.flatMap((p) => fixtureProbe(p, leg.given, plan) ?? []) : [];
  const fixtures = probing
    ? await orWhenInterrupted(discoverFixtures(operations, leg.given, runner, plan, (p) => probes.push(p), settle), leg.given)
    : dryProbes.reduce<Record<string, string>>((all, p) => ({ ...all, ...p.candidate }), { ...leg.given });
  return { leg, runner, runnerOptions, operations, fixtures, probes, dryProbes: dryProbes.map((p) => p.probe), links };
}

interface ExecutionSetup {
  readonly legs: readonly LegSetup[];
  readonly command: 'run' | 'replay';
  readonly embedded: boolean;
  readonly planner: Planner;
  /** Some operation has several targets: causes name the target. */
  readonly several: boolean;
  readonly startedAt: Date;
}

/** A leg's plan: its cases per operation (this shard's, `--case`'s), the corpus cases, and its collector. */
interface LegPlan {
  readonly setup: LegSetup;
  readonly planned: ReadonlyArray<{ readonly prepared: PreparedOperation; readonly cases: Case[]; readonly dropped: readonly Case[]; readonly reasons: readonly DroppedCase[] }>;
  readonly operations: readonly PreparedOperation[];
  readonly prior: readonly Case[];
  readonly counts: Readonly<Record<string, number>>;
  readonly collector: ResultCollector;
}

function planLeg(config: ConformanceConfig, hooks: RunHooks, setup: LegSetup, execution: ExecutionSetup, invocation: RunInvocation): LegPlan {
  const { fixtures } = setup;
  const { command, planner } = execution;
  const everyPlan = setup.operations.map((p) => {
    const plan = command === 'replay' ? { cases: [], dropped: [] } : planner.plan(p, fixtures);
    const mine = (cases: readonly Case[]): Case[] => selectCases(cases, config.caseIds).filter((c) => inShard(config.shard, shardUnitOf(c)));
    return { prepared: p, cases: mine(plan.cases), dropped: mine(plan.dropped.map((d) => d.case)), reasons: plan.dropped };
  });
  // `--case` may name random cases: they are rebuilt from their fast-check path.
  for (const entry of command === 'replay' ? [] : everyPlan) {
    for (const id of config.caseIds) {
      const prefix = randomCaseId(entry.prepared.operation.operationId, config.seed, '');
      if (!id.startsWith(prefix)) continue;
      const path = id.slice(prefix.length);
      const request = randomRequestAt(entry.prepared, fixtures, config.seed, path);
      entry.cases.push(randomCase(entry.prepared.operation.operationId, config.seed, path, request));
    }
  }
  const plannedIds = new Set(everyPlan.flatMap((e) => e.cases.map((c) => c.id)));
  const prior = expandSequences(hooks.priorCases?.(setup.operations, execution.legs.map((l) => l.leg.name)) ?? [], setup.operations, fixtures, plannedIds).filter((c) => inShard(config.shard, shardUnitOf(c)));
  // `--case` and `replay` narrow the run to the operations they name: the others take no part in its verdict.
  const narrowed = config.caseIds.length > 0 || command === 'replay';
  const priorOf = (operationId: string): number => prior.filter((c) => c.operationId === operationId).length;
  const planned = everyPlan.filter(({ prepared, cases, dropped }) => !narrowed || cases.length + dropped.length + priorOf(prepared.operation.operationId) > 0);
  const operations = planned.map(({ prepared }) => prepared);
  const collector = new ResultCollector(operations, { replayCommand: (testCase, p) => replayCommandFor(testCase.id, testCase.seed, p, invocation), command, strict: config.strict, nameTargetsInCauses: execution.several, startedAt: execution.startedAt, relaxations: relaxationsOf(config, operations), judgeAvailability: !narrowed });
  for (const { operationId, ...probe } of setup.probes) collector.noteProbe(operationId, probe);
  if (setup.unreachable !== undefined) collector.noteUnreachable(setup.unreachable);
  const counts = Object.fromEntries(planned.map(({ prepared, cases, dropped }) => [prepared.operation.operationId, cases.length + dropped.length + priorOf(prepared.operation.operationId)]));
  return { setup, planned, operations, prior, counts, collector };
}

/** Plans, sends and checks every case at every target, then hands the report to the reporters (also after an error). */
async function execute(config: ConformanceConfig, hooks: RunHooks, execution: ExecutionSetup): Promise<RunReport> {
  const invocation = invocationOf(config, execution.embedded);
  const plans = execution.legs.map((setup) => planLeg(config, hooks, setup, execution, invocation));
  const start = { command: execution.command, seed: config.seed };
  for (const { collector, counts } of plans) collector.onRunStart({ ...start, planned: counts });
  // The reporters see one run: the plan of every target, summed per operation.
  const total: Record<string, number> = {};
  for (const { counts } of plans) for (const [id, n] of Object.entries(counts)) total[id] = (total[id] ?? 0) + n;
  for (const l of hooks.reporters) l.onRunStart?.({ ...start, planned: total });
  const outcomes = await Promise.all(plans.map((plan) => sendLeg(config, hooks, plan, execution, invocation)));
  if (config.dryRun && execution.several) {
    hooks.dryRunOut?.(`# ${outcomes.reduce((n, o) => n + (o.dryRunCount ?? 0), 0)} requests planned in all, at ${outcomes.length} targets; nothing sent`);
  }
  const legReports = outcomes.map(({ report }) => report);
  // One target's report is the run's; several are joined as shards of targets are (findings, cells and coverage stay per target).
  const collected = legReports.length === 1 ? legReports[0]! : mergeReports(legReports.map((report, i) => ({ path: `target ${plans[i]!.setup.leg.name}`, report })));
  const sharded = config.shard ? { ...collected, shard: config.shard } : collected;
  const report = hooks.finalize ? hooks.finalize(sharded) : sharded;
  // Every reporter gets the report even when another one fails to write; the first error is raised after.
  const ended = await Promise.allSettled(hooks.reporters.map(async (l) => l.onRunEnd?.(report)));
  const writeError = ended.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  // Results gathered before a tool error are written above; the error still decides the exit code.
  const failure = outcomes.find((o) => o.failure !== undefined)?.failure ?? writeError?.reason;
  if (failure !== undefined) throw failure;
  return report;
}

/** Sends one target's cases; a tool error is kept (not thrown) so the other targets finish and everything is reported. */
async function sendLeg(config: ConformanceConfig, hooks: RunHooks, plan: LegPlan, execution: ExecutionSetup, invocation: RunInvocation): Promise<{ report: RunReport; failure?: unknown; dryRunCount?: number }> {
  const { setup, planned, operations, prior, collector } = plan;
  const { runner, runnerOptions, fixtures } = setup;
  const { command } = execution;
  // Results carry their target's name when there are several, so a listener can tell the servers apart.
  const tag = execution.several ? { target: setup.leg.name } : {};
  const listeners: RunListener[] = [collector, ...hooks.reporters];
  const emit = (result: CaseResult): void => {
    const tagged = { ...result, ...tag };
    for (const l of listeners) l.onCaseResult?.(tagged);
  };
  // Random cases share one seeded sequence: a shard takes every N-th index of it.
  const shard = config.shard;
  const keepRandom = shard === undefined ? undefined : (index: number): boolean => index % shard.total === shard.index - 1;
  const controller = new AbortController();
  const signal = hooks.signal ? AbortSignal.any([hooks.signal, controller.signal]) : controller.signal;
  // A case left out of the plan is reported and counted, never lost.
  for (const { dropped, reasons } of planned) {
    for (const testCase of dropped) emit({ status: 'not-run', case: testCase, reason: `left out of the plan: ${reasons.find((d) => d.case.id === testCase.id)?.reason ?? ''}` });
  }
  let stopReason: string | undefined;
  const stop = (reason: string): void => {
    stopReason ??= reason;
    controller.abort();
  };
  // A target that stops answering is left alone once the breaker opens: its verdict says so (inconclusive).
  const breaker = new CircuitBreaker();
  let circuit: string | undefined;
  const emitSent = (result: CaseResult): void => {
    emit(result);
    const opened = breaker.record(result);
    if (opened === undefined || stopReason !== undefined) return;
    circuit = opened;
    collector.noteCircuitOpen(opened);
    stop(opened);
  };
  const context: RunContext = { operations, runner, runnerOptions, fixtures, seed: config.seed, collector, listeners, signal, stop, stopped: () => stopReason, ...(setup.links ? { links: setup.links } : {}) };
  const planOrder = [
    ...prior.map((c) => ({ testCase: c, prepared: operations.find((p) => p.operation.operationId === c.operationId)! })),
    ...planned.flatMap(({ prepared, cases }) => cases.map((testCase) => ({ testCase, prepared }))),
  ].filter((w) => w.prepared !== undefined);
  // Under an accepted-request limit the refusals go first, so they are judged before the limit is reached.
  const limited = runnerOptions.maxAccepted !== undefined;
  const work = limited ? refusalsFirst(planOrder) : planOrder;
  const done = new Set<(typeof work)[number]>();
  const send = async (item: (typeof work)[number], testCase: Case = item.testCase): Promise<CaseResult> => {
    const result = await executeCase(testCase, item.prepared, context);
    emitSent(result);
    done.add(item);
    return result;
  };
  /** Operations whose credential the server refused: their other cases would all be refused too. */
  const refused = new Map<string, string>();
  let failure: unknown;
  let dryRunCount: number | undefined;
  try {
    if (config.dryRun) {
      const out = hooks.dryRunOut ?? (() => undefined);
      if (execution.several) out(`# target ${setup.leg.name}`);
      dryRunCount = dryRun(planned, prior, setup.dryProbes, { runs: config.caseIds.length === 0 && command === 'run' ? config.runs : 0, seed: config.seed, fixtures, ...(keepRandom ? { keep: keepRandom } : {}) }, runnerOptions, out);
    } else if (setup.unreachable === undefined) {
      // What the probes' answers linked to (a task the credential probe started) is reported as a case of its own.
      for (const result of setup.links?.takeSettled() ?? []) {
        // Once per run: by the shard its case belongs to, for an operation this run plans; a run of
        // hand-picked cases (`--case`) reports only those.
        if (config.caseIds.length > 0 || !operations.some((p) => p.operation.operationId === result.case.operationId) || !inShard(config.shard, shardUnitOf(result.case))) continue;
        collector.addPlanned(result.case.operationId, 1);
        emitSent(result);
      }
      // Each operation's first planned valid case goes first (never a corpus case, which failed before):
      // when the server refuses its credential, the rest of the operation is not sent (a wrong token
      // must not spend a real server's budget).
      await settleAll(
        operations.map(async (p) => {
          // (Under an accepted-request limit: its first case that carries the credential, a refusal.)
          const first = work.find((w) => w.prepared === p && w.testCase.sequence === undefined && (limited ? w.testCase.request.auth === 'configured' : w.testCase.intent.kind === 'valid') && !prior.includes(w.testCase));
          const result = first && (await send(first));
          const status = result?.status === 'ran' ? result.exchange.response?.status : undefined;
          if (status === 401 || status === 403) refused.set(p.operation.operationId, `the operation's first ${limited ? '' : 'valid '}request was answered ${status}: its credential was refused`);
        }),
      );
      const sendable = work.filter((w) => !done.has(w) && !refused.has(w.prepared.operation.operationId));
      await runPool(sendable.filter((w) => w.testCase.sequence === undefined), runnerOptions.concurrency, signal, async (item) => void (await send(item)));
      if (config.caseIds.length === 0 && command === 'run' && !signal.aborted) {
        await settleAll(operations.filter((p) => !refused.has(p.operation.operationId)).map((p) => exploreRandom(p, config.runs, context, emitSent, keepRandom)));
      }
      // State sequences last: nothing else of their operation is in flight.
      await runSequences(sendable.filter((w) => w.testCase.sequence !== undefined), send, signal);
    }
  } catch (error) {
    failure = error;
  }
  // A case never sent (an unreachable target, a refused credential, a spent budget, an interruption, a
  // tool error) is reported, never lost.
  if (!config.dryRun) {
    const why = (item: (typeof work)[number]): string => setup.unreachable ?? refused.get(item.prepared.operation.operationId) ?? stopReason ?? (failure !== undefined ? 'the run stopped on an error' : 'the run was interrupted');
    for (const item of work) if (!done.has(item)) emit({ status: 'not-run', case: item.testCase, reason: `not sent: ${why(item)}` });
  }
  // The accepted-request limit stops a resource, not the run: said in the report and as its stop reason.
  const reached = runner.acceptedLimitReached.filter((r) => r.notSent > 0);
  const limit = runnerOptions.maxAccepted;
  if (limit !== undefined && reached.length > 0) {
    stopReason ??= `the limit of ${limit} accepted state-changing request${limit === 1 ? '' : 's'} per resource (--max-accepted) was reached for ${reached.map((r) => r.resource).join(', ')}: ${reached.reduce((n, r) => n + r.notSent, 0)} not sent`;
  }
  const collected = collector.report({
    // The breaker's stop is a verdict about the server (inconclusive), not an interruption of the run.
    interrupted: (hooks.signal?.aborted ?? false) || (controller.signal.aborted && stopReason !== circuit),
    ...(stopReason ? { stopReason } : {}),
    checkNames: [...checkRegistry.keys()],
    toolVersion: TOOL_VERSION,
    invocation,
  });
  const report = limit !== undefined && reached.length > 0 ? { ...collected, acceptedLimit: { limit, reached: reached.map((r) => ({ target: setup.leg.name, ...r })) } } : collected;
  return { report, ...(failure !== undefined ? { failure } : {}), ...(dryRunCount !== undefined ? { dryRunCount } : {}) };
}

/**
 * Prints every request a run would send, each as a curl command under the case id `--case` accepts: the
 * corpus and planned cases, then the seeded random ones (the same the exploration sends), and a count,
 * which it returns.
 */
function dryRun(
  planned: ReadonlyArray<{ prepared: PreparedOperation; cases: readonly Case[] }>,
  prior: readonly Case[],
  probes: readonly Case[],
  random: { readonly runs: number; readonly seed: number; readonly fixtures: Readonly<Record<string, string>>; readonly keep?: (index: number) => boolean },
  options: RunnerOptions,
  out: (line: string) => void,
): number {
  let total = 0;
  let randomCount = 0;
  let probeCount = 0;
  for (const { prepared, cases } of planned) {
    const { operationId } = prepared.operation;
    for (const probe of probes.filter((c) => c.operationId === operationId)) {
      probeCount += 1;
      out(`# fixture probe, sent first: the document's example ids below are used only if it is answered 2xx\n${toCurl(planToSent(probe, prepared.baseUrl, prepared.operation.credentialSchemes, options))}`);
    }
    const sampled = sampleRandomCases(prepared, random.fixtures, random.seed, random.runs, random.keep).map((s) => s.testCase);
    for (const testCase of [...prior.filter((c) => c.operationId === operationId), ...cases, ...sampled]) {
      total += 1;
      // `--case` may name random cases: they count as random too.
      if (testCase.id.startsWith(randomCaseId(operationId, testCase.seed, ''))) randomCount += 1;
      // The label names the value tried: `--dry-run` shows, per constraint, every value a run sends.
      out(`# ${testCase.id} (${testCase.intent.kind}: ${testCase.intent.label}${testCase.context ? `; with ${testCase.context}` : ''})\n${toCurl(planToSent(testCase, prepared.baseUrl, prepared.operation.credentialSchemes, options))}`);
    }
  }
  // The count is of every request listed: the fixture probes a run sends first are planned requests too.
  const kinds = [...(probeCount > 0 ? [`${probeCount} fixture probe${probeCount === 1 ? '' : 's'}`] : []), `${total - randomCount} deterministic`, `${randomCount} random`];
  out(`# ${total + probeCount} requests planned (${kinds.join(', ')}) for ${planned.length} operation(s); nothing sent`);
  return total + probeCount;
}
