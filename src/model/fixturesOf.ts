import type { EmbeddedTarget } from './EmbeddedTarget.ts';

/** The seeded ids of an embedded target as the run's fixtures: its string-valued entries. */
export function fixturesOf(target: EmbeddedTarget): Record<string, string> {
  return Object.fromEntries(Object.entries(target.fixtures).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}
