import type { ConformanceConfig } from '../config/ConformanceConfig.ts';
import { UsageError } from '../errors/ConformanceError.ts';
import { randomCaseId } from './exploreRandom.ts';
import type { Leg } from './legsOf.ts';
import type { Planner } from './Planner.ts';

/** Every `--case` id is a planned case or a random case of an operation of this run (at any target), under this seed. */
export function assertKnownCases(legs: readonly Leg[], config: ConformanceConfig, planner: Planner): void {
  if (config.caseIds.length === 0) return;
  const planned = new Set(legs.flatMap((leg) => leg.operations.flatMap((p) => planner.plan(p, leg.given).cases.map((c) => c.id))));
  const randomPrefixes = legs.flatMap((leg) => leg.operations.map((p) => randomCaseId(p.operation.operationId, config.seed, '')));
  const unknown = config.caseIds.filter((id) => !planned.has(id) && !randomPrefixes.some((prefix) => id.startsWith(prefix) && /^(c\d+|\d+(:\d+)*)$/.test(id.slice(prefix.length))));
  if (unknown.length > 0) {
    throw new UsageError(`--case ${unknown.join(', ')}: no such case in this run's plan (seed ${config.seed}); take ids from a report or --dry-run, with the same --seed`);
  }
}
