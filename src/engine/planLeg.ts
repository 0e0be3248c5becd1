import type { ConformanceConfig } from '../config/ConformanceConfig.ts';
import type { Case } from '../model/Case.ts';
import type { RunInvocation } from '../model/RunReport.ts';
import type { DroppedCase } from '../plan/DroppedCase.ts';
import type { RunSession } from '../report/RunSession.ts';
import { expandSequences } from './expandSequences.ts';
import { randomCaseId, replayedRandomCase } from './exploreRandom.ts';
import { inShard, shardUnitOf } from './inShard.ts';
import type { Planner } from './Planner.ts';
import type { PreparedOperation } from './PreparedOperation.ts';
import { relaxationsOf } from './relaxationsOf.ts';
import { replayCommandFor } from './replayCommandFor.ts';
import { ResultCollector } from './ResultCollector.ts';
import type { RunHooks } from './RunHooks.ts';
import { selectCases } from './selectCases.ts';
import type { LegSetup } from './setUpLeg.ts';

export interface ExecutionSetup {
  readonly legs: readonly LegSetup[];
  readonly command: 'run' | 'replay';
  readonly embedded: boolean;
  readonly planner: Planner;
  /** Some operation has several targets: causes name the target. */
  readonly several: boolean;
  readonly startedAt: Date;
  /** The run as the reporters see it. */
  readonly session: RunSession;
}

/** A leg's plan: its cases per operation (this shard's, `--case`'s), the corpus cases, and its collector. */
export interface LegPlan {
  readonly setup: LegSetup;
  readonly planned: ReadonlyArray<{ readonly prepared: PreparedOperation; readonly cases: Case[]; readonly dropped: readonly Case[]; readonly reasons: readonly DroppedCase[] }>;
  readonly operations: readonly PreparedOperation[];
  readonly prior: readonly Case[];
  readonly counts: Readonly<Record<string, number>>;
  readonly collector: ResultCollector;
}

export function planLeg(config: ConformanceConfig, hooks: RunHooks, setup: LegSetup, execution: ExecutionSetup, invocation: RunInvocation): LegPlan {
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
      entry.cases.push(replayedRandomCase(entry.prepared, fixtures, config.seed, id.slice(prefix.length)));
    }
  }
  const plannedIds = new Set(everyPlan.flatMap((e) => e.cases.map((c) => c.id)));
  const prior = expandSequences(
    hooks.priorCases?.(
      setup.operations,
      execution.legs.map((l) => l.leg.name),
    ) ?? [],
    setup.operations,
    fixtures,
    plannedIds,
  ).filter((c) => inShard(config.shard, shardUnitOf(c)));
  // `--case` and `replay` narrow the run to the operations they name: the others take no part in its verdict.
  const narrowed = config.caseIds.length > 0 || command === 'replay';
  const priorOf = (operationId: string): number => prior.filter((c) => c.operationId === operationId).length;
  const planned = everyPlan.filter(({ prepared, cases, dropped }) => !narrowed || cases.length + dropped.length + priorOf(prepared.operation.operationId) > 0);
  const operations = planned.map(({ prepared }) => prepared);
  const collector = new ResultCollector(operations, {
    replayCommand: (testCase, p) => replayCommandFor(testCase.id, testCase.seed, p, invocation),
    command,
    strict: config.strict,
    startedAt: execution.startedAt,
    relaxations: relaxationsOf(config, operations),
    judgeAvailability: !narrowed,
  });
  for (const { operationId, ...probe } of setup.probes) collector.noteProbe(operationId, probe);
  if (setup.unreachable !== undefined) collector.noteUnreachable(setup.unreachable);
  const counts = Object.fromEntries(planned.map(({ prepared, cases, dropped }) => [prepared.operation.operationId, cases.length + dropped.length + priorOf(prepared.operation.operationId)]));
  return { setup, planned, operations, prior, counts, collector };
}
