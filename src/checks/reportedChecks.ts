import type { CheckSettings } from './Check.ts';
import { checkRegistry } from './registry.ts';

/** The checks a report has a row for: every registered one, but one that needs settings only once it has them. */
export function reportedChecks(settings: Readonly<Record<string, CheckSettings>> | undefined): string[] {
  return [...checkRegistry.values()].filter((c) => !c.needsSettings || settings?.[c.name] !== undefined).map((c) => c.name);
}
