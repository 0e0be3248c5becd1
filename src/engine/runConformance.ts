import { setMaxListeners } from 'node:events';
import type { ConformanceConfig } from '../config/ConformanceConfig.ts';
import type { RunReport } from '../model/RunReport.ts';
import { mergeReports } from '../regression/mergeReports.ts';
import { RunSession } from '../report/RunSession.ts';
import { assertSafeTarget } from '../runner/assertSafeTarget.ts';
import { credentialRoutes } from '../runner/credentialRoutes.ts';
import { HttpRunner } from '../runner/HttpRunner.ts';
import type { RunnerOptions } from '../runner/RunnerOptions.ts';
import { loadSpecs } from '../openapi/loadSpecs.ts';
import { assertKnownCases } from './assertKnownCases.ts';
import { invocationOf } from './invocationOf.ts';
import { legsOf, type Leg } from './legsOf.ts';
import { Planner } from './Planner.ts';
import { planLeg, type ExecutionSetup } from './planLeg.ts';
import { LinkFollower } from './LinkFollower.ts';
import { prepareOperations } from './prepareOperations.ts';
import { reachLegs } from './reachLegs.ts';
import type { RunHooks } from './RunHooks.ts';
import { runnerOptionsFor } from './runnerOptionsFor.ts';
import { sendLeg } from './sendLeg.ts';
import { setUpLeg } from './setUpLeg.ts';
import { startTargets } from './startTargets.ts';
import { LoginSessions } from '../auth/LoginSessions.ts';
import { loginsOf } from '../auth/loginsOf.ts';

export type { RunHooks } from './RunHooks.ts';

/** `--task-deadline`, else the embedded target's own deadline for its tasks, else each task's documented one. */
function taskDeadlineOf(config: ConformanceConfig, embedded: number | undefined): { taskDeadlineMs?: number } {
  const ms = config.taskDeadlineMs ?? embedded;
  return ms !== undefined ? { taskDeadlineMs: ms } : {};
}
export { runnerOptionsFor } from './runnerOptionsFor.ts';

/**
 * One conformance run: plan every operation's cases from its schema, send them to each of its targets,
 * check every exchange, and stream the results to the reporters. Returns the report, also when interrupted.
 */
export async function runConformance(config: ConformanceConfig, hooks: RunHooks): Promise<RunReport> {
  // The run begins here: its elapsed time counts reaching the targets and the credential and fixture probes.
  const startedAt = new Date();
  const session = new RunSession(hooks.reporters);
  session.onRunBegin({ startedAt });
  try {
    return await runFrom(startedAt, config, hooks, session);
  } finally {
    session.onRunClose();
  }
}

/** The run once its beginning is announced to the listeners. */
async function runFrom(startedAt: Date, config: ConformanceConfig, hooks: RunHooks, session: RunSession): Promise<RunReport> {
  const specs = await loadSpecs(config.specs);
  // Logins read their environment first: an unset variable stops the run before anything starts or is sent.
  const logins = loginsOf(config, specs);
  const targets = await startTargets(config, specs, hooks.embeddedTarget, logins);
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
    const routes = credentialRoutes(
      specs.flatMap((s) => s.operations),
      Object.keys(config.headers),
    );
    for (const name of Object.keys(config.headers)) {
      if (!routes.has(name.toLowerCase())) hooks.notice?.(`--header ${name} is not a credential header of any operation: sent to every operation`);
    }
    const runners = legs.map((leg) => {
      const base = runnerOptionsFor(config, leg.operations, targets.token);
      const own = new Set(Object.keys(leg.headers).map((name) => name.toLowerCase()));
      const headerRoutes = new Map([...routes].filter(([name]) => !own.has(name)));
      const transport: RunnerOptions = { ...base, headers: { ...base.headers, ...leg.headers }, headerRoutes, ...(signal ? { signal } : {}) };
      const sessions = LoginSessions.for(logins, leg.operations, transport);
      const options: RunnerOptions = sessions ? { ...transport, sessions } : transport;
      const runner = new HttpRunner(options);
      return { leg, options, runner, sessions, links: new LinkFollower({ runner, ...(signal ? { signal } : {}), ...taskDeadlineOf(config, targets.taskDeadlineMs) }) };
    });
    try {
      // Nothing is planned or reported for a target that cannot be reached at all.
      const unreachable = config.dryRun ? new Map<Leg, string>() : await reachLegs(runners, operations);
      // Every login before the first request (probes included); one that fails stops the run here.
      for (const { leg, sessions } of runners) if (!unreachable.has(leg)) await (config.dryRun ? sessions?.assumeLoggedIn() : sessions?.start());
      const setups = await Promise.all(
        runners.map(async ({ leg, options, runner, links }) =>
          unreachable.has(leg)
            ? { leg, runner, runnerOptions: options, operations: leg.operations, fixtures: leg.given, probes: [], dryProbes: [], unreachable: unreachable.get(leg)! }
            : setUpLeg(config, command, leg, runner, options, planner, links),
        ),
      );
      return await execute(config, { ...hooks, ...(signal ? { signal } : {}) }, { legs: setups, command, embedded: targets.embedded, planner, several, startedAt, session });
    } finally {
      await Promise.all(runners.map(({ runner }) => runner.close()));
    }
  } finally {
    await targets.close();
  }
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
  execution.session.onRunStart({ ...start, planned: total });
  const outcomes = await Promise.all(plans.map((plan) => sendLeg(config, hooks, plan, execution, invocation)));
  if (config.dryRun && execution.several) {
    hooks.dryRunOut?.(`# ${outcomes.reduce((n, o) => n + (o.dryRunCount ?? 0), 0)} requests planned in all, at ${outcomes.length} targets; nothing sent`);
  }
  const legReports = outcomes.map(({ report }) => report);
  // One target's report is the run's; several are joined as shards of targets are (findings, cells and coverage stay per target).
  const collected = legReports.length === 1 ? legReports[0]! : mergeReports(legReports.map((report, i) => ({ path: `target ${plans[i]!.setup.leg.name}`, report })));
  const sharded = config.shard ? { ...collected, shard: config.shard } : collected;
  const report = hooks.finalize ? hooks.finalize(sharded) : sharded;
  // Results gathered before a tool error are written; the error still decides the exit code.
  return execution.session.finish(report, outcomes.find((o) => o.failure !== undefined)?.failure);
}
