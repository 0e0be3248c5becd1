import { UsageError } from '../errors/ConformanceError.ts';
import type { ConformanceConfig, TargetSetting } from './ConformanceConfig.ts';
import { targetNameOf } from './targetNameOf.ts';

type Targets = Pick<Partial<ConformanceConfig>, 'target' | 'targets'>;

/** Every name a config file's targets answer to. */
function namesIn(config: Targets): string[] {
  const settings: TargetSetting[] = [...(config.target !== undefined ? [config.target] : []), ...Object.values(config.targets ?? {})];
  return [...new Set(settings.flatMap((setting) => (typeof setting === 'string' ? [targetNameOf(setting)] : setting.map(targetNameOf))))];
}

/**
 * `--only-target NAME` (repeatable): only these servers of a config file's targets run, every other entry
 * (and an operation left with none) is dropped before anything else is read of them, so the credentials of
 * the others need not be at hand. A name the file does not have is a usage error.
 */
export function selectTargets<T extends Targets>(config: T, names: readonly string[], origin: string): T {
  if (names.length === 0) return config;
  const known = namesIn(config);
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length > 0) throw new UsageError(`--only-target ${unknown.join(', ')}: ${origin} has no target of that name (known: ${known.join(', ') || 'none'})`);
  const targets = Object.fromEntries(
    Object.entries(config.targets ?? {}).flatMap(([key, setting]): Array<[string, TargetSetting]> => {
      const kept = typeof setting === 'string' ? (names.includes(targetNameOf(setting)) ? setting : undefined) : setting.filter((entry) => names.includes(targetNameOf(entry)));
      return kept === undefined || kept.length === 0 ? [] : [[key, kept]];
    }),
  );
  const { target, ...rest } = config;
  return { ...rest, ...(target !== undefined && names.includes(targetNameOf(target)) ? { target } : {}), targets } as T;
}
