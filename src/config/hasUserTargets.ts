import type { ConformanceConfig } from './ConformanceConfig.ts';

/** True when the user named a server: then only operations with a target run, and no mock is started. */
export function hasUserTargets(config: Pick<ConformanceConfig, 'target' | 'targets'>): boolean {
  return config.target !== undefined || Object.keys(config.targets).length > 0;
}
