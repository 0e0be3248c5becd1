import type { Case } from '../model/Case.ts';
import { Planner } from './Planner.ts';
import type { PreparedOperation } from './PreparedOperation.ts';

/**
 * The corpus or report cases to send first, with each step of a state sequence replaced by its whole
 * sequence, planned again under that case's seed (a step alone shows nothing), once per sequence and
 * never beside the same planned steps.
 */
export function expandSequences(prior: readonly Case[], operations: readonly PreparedOperation[], fixtures: Readonly<Record<string, string>>, planned: ReadonlySet<string>): Case[] {
  const seen = new Set<string>();
  return prior.flatMap((c) => {
    if (c.replaysSequence === undefined) return [c];
    const prepared = operations.find((p) => p.operation.operationId === c.operationId);
    if (!prepared || seen.has(c.replaysSequence)) return [];
    seen.add(c.replaysSequence);
    return new Planner(c.seed).plan(prepared, fixtures).cases.filter((s) => s.sequence?.id === c.replaysSequence && !planned.has(s.id));
  });
}
