import { TargetUnreachableError } from '../errors/ConformanceError.ts';
import { checkReachable } from '../runner/checkReachable.ts';
import type { RunnerOptions } from '../runner/RunnerOptions.ts';
import type { Leg } from './legsOf.ts';
import type { PreparedOperation } from './PreparedOperation.ts';

/**
 * Connects to every leg's target once, before anything is planned or sent, and returns why each one that
 * could not be reached was not: of several targets of an operation, one that cannot be reached is
 * inconclusive and the others run. An operation none of whose servers can be reached could not be tested
 * anywhere: a connection error (`TargetUnreachableError`), as in a run of one target.
 */
export async function reachLegs(legs: ReadonlyArray<{ readonly leg: Leg; readonly options: RunnerOptions }>, operations: readonly PreparedOperation[]): Promise<Map<Leg, string>> {
  const unreachable = new Map<Leg, string>();
  const refusedBy = new Map<Leg, TargetUnreachableError>();
  for (const { leg, options } of legs) {
    try {
      await checkReachable(leg.url, options);
    } catch (error) {
      if (!(error instanceof TargetUnreachableError)) throw error;
      refusedBy.set(leg, error);
      unreachable.set(leg, `${error.message}: check the URL of target "${leg.name}"`);
    }
  }
  const serversOf = (operationId: string): Leg[] => legs.map(({ leg }) => leg).filter((l) => l.operations.some((p) => p.operation.operationId === operationId));
  const untested = operations.find((p) => serversOf(p.operation.operationId).every((l) => unreachable.has(l)));
  if (untested) {
    const down = serversOf(untested.operation.operationId);
    throw down.length === 1 ? refusedBy.get(down[0]!)! : new TargetUnreachableError(down.map((l) => unreachable.get(l)).join('; '));
  }
  return unreachable;
}
