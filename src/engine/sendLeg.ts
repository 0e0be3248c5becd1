import { TOOL_VERSION } from '../toolVersion.ts';
import { reportedChecks } from '../checks/reportedChecks.ts';
import type { ConformanceConfig } from '../config/ConformanceConfig.ts';
import type { Case } from '../model/Case.ts';
import type { CaseResult } from '../model/CaseResult.ts';
import type { RunListener } from '../model/RunListener.ts';
import type { RunInvocation, RunReport } from '../model/RunReport.ts';
import { CircuitBreaker } from './CircuitBreaker.ts';
import { executeCase } from './executeCase.ts';
import { exploreRandom } from './exploreRandom.ts';
import { FailedEdges } from './FailedEdges.ts';
import type { ExecutionSetup, LegPlan } from './planLeg.ts';
import { inShard, shardUnitOf } from './inShard.ts';
import { printDryRun } from './printDryRun.ts';
import { refusalsFirst } from './refusalsFirst.ts';
import type { RunContext } from './RunContext.ts';
import type { RunHooks } from './RunHooks.ts';
import { runPool } from './runPool.ts';
import { runSequences } from './runSequences.ts';
import { settleAll } from './settleAll.ts';

/** Sends one target's cases; a tool error is kept (not thrown) so the other targets finish and everything is reported. */
export async function sendLeg(
  config: ConformanceConfig,
  hooks: RunHooks,
  plan: LegPlan,
  execution: ExecutionSetup,
  invocation: RunInvocation,
): Promise<{ report: RunReport; failure?: unknown; dryRunCount?: number }> {
  const { setup, planned, operations, prior, collector } = plan;
  const { runner, runnerOptions, fixtures } = setup;
  const { command } = execution;
  // Results carry their target's name when there are several, so a listener can tell the servers apart.
  const tag = execution.several ? { target: setup.leg.name } : {};
  const listeners: RunListener[] = [collector, execution.session];
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
  const failedEdges = new FailedEdges();
  const emitSent = (result: CaseResult): void => {
    emit(result);
    failedEdges.note(result);
    const opened = breaker.record(result);
    if (opened === undefined || stopReason !== undefined) return;
    circuit = opened;
    collector.noteCircuitOpen(opened);
    stop(opened);
  };
  const context: RunContext = {
    operations,
    runner,
    runnerOptions,
    fixtures,
    seed: config.seed,
    collector,
    listeners,
    signal,
    stop,
    stopped: () => stopReason,
    failedEdges,
    ...(setup.links ? { links: setup.links } : {}),
  };
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
      dryRunCount = printDryRun(
        planned,
        prior,
        setup.dryProbes,
        { runs: config.caseIds.length === 0 && command === 'run' ? config.runs : 0, seed: config.seed, fixtures, ...(keepRandom ? { keep: keepRandom } : {}) },
        runnerOptions,
        out,
      );
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
          const first = work.find(
            (w) => w.prepared === p && w.testCase.sequence === undefined && (limited ? w.testCase.request.auth === 'configured' : w.testCase.intent.kind === 'valid') && !prior.includes(w.testCase),
          );
          const result = first && (await send(first));
          const status = result?.status === 'ran' ? result.exchange.response?.status : undefined;
          if (status === 401 || status === 403) refused.set(p.operation.operationId, `the operation's first ${limited ? '' : 'valid '}request was answered ${status}: its credential was refused`);
        }),
      );
      const sendable = work.filter((w) => !done.has(w) && !refused.has(w.prepared.operation.operationId));
      await runPool(
        sendable.filter((w) => w.testCase.sequence === undefined),
        runnerOptions.concurrency,
        signal,
        async (item) => void (await send(item)),
      );
      if (config.caseIds.length === 0 && command === 'run' && !signal.aborted) {
        await settleAll(operations.filter((p) => !refused.has(p.operation.operationId)).map((p) => exploreRandom(p, config.runs, context, emitSent, keepRandom)));
      }
      // State sequences last: nothing else of their operation is in flight.
      await runSequences(
        sendable.filter((w) => w.testCase.sequence !== undefined),
        send,
        signal,
      );
    }
  } catch (error) {
    failure = error;
  }
  // A case never sent (an unreachable target, a refused credential, a spent budget, an interruption, a
  // tool error) is reported, never lost.
  if (!config.dryRun) {
    const why = (item: (typeof work)[number]): string =>
      setup.unreachable ?? refused.get(item.prepared.operation.operationId) ?? stopReason ?? (failure !== undefined ? 'the run stopped on an error' : 'the run was interrupted');
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
    checkNames: reportedChecks(config.checks),
    toolVersion: TOOL_VERSION,
    invocation,
  });
  const report = limit !== undefined && reached.length > 0 ? { ...collected, acceptedLimit: { limit, reached: reached.map((r) => ({ target: setup.leg.name, ...r })) } } : collected;
  return { report, ...(failure !== undefined ? { failure } : {}), ...(dryRunCount !== undefined ? { dryRunCount } : {}) };
}
