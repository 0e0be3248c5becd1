import { ConfigError } from '../src/errors/ConformanceError.ts';
import type { FaultProfile } from './FaultProfile.ts';
import { FAULTS } from './faults.ts';

/** The profile of a fault name; an unknown name is a configuration error that lists the valid ones. */
export function resolveFault(name: string | undefined): FaultProfile | undefined {
  if (name === undefined) return undefined;
  const profile = Object.hasOwn(FAULTS, name) ? FAULTS[name] : undefined;
  if (!profile) throw new ConfigError(`unknown fault profile "${name}"; valid profiles: ${Object.keys(FAULTS).join(', ')}`);
  return profile;
}
