import { ConfigError } from '../src/errors/ConformanceError.ts';
import type { FaultProfile } from './FaultProfile.ts';
import { FAULTS } from './faults.ts';

/** Profiles whose name shares a word with the one given, most shared words first: the likely meant ones. */
function nearest(name: string): string[] {
  const words = name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1);
  const score = (candidate: string): number => words.filter((w) => candidate.includes(w)).length;
  return Object.keys(FAULTS)
    .filter((candidate) => score(candidate) > 0)
    .sort((a, b) => score(b) - score(a))
    .slice(0, 3);
}

/** The profile of a fault name; an unknown name is a configuration error naming the likely ones, in one short line. */
export function resolveFault(name: string | undefined): FaultProfile | undefined {
  if (name === undefined) return undefined;
  const profile = Object.hasOwn(FAULTS, name) ? FAULTS[name] : undefined;
  if (!profile) {
    const near = nearest(name);
    const hint = near.length > 0 ? `did you mean ${near.join(', ')}? ` : '';
    throw new ConfigError(`unknown fault profile "${name}"; ${hint}\`npm run mock -- --list-faults\` lists all ${Object.keys(FAULTS).length}`);
  }
  return profile;
}
