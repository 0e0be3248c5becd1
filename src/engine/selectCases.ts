import type { Case } from '../model/Case.ts';

/** Selects the planned cases named by `--case` (all when none is named); a step of a state sequence brings its whole sequence. */
export function selectCases(cases: readonly Case[], ids: readonly string[]): Case[] {
  if (ids.length === 0) return [...cases];
  const sequences = new Set(cases.filter((c) => c.sequence && ids.includes(c.id)).map((c) => c.sequence!.id));
  return cases.filter((c) => ids.includes(c.id) || (c.sequence !== undefined && sequences.has(c.sequence.id)));
}
