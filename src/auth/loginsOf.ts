import type { ConformanceConfig } from '../config/ConformanceConfig.ts';
import { documentKeys } from '../openapi/documentKeys.ts';
import type { Spec } from '../openapi/Spec.ts';
import type { ResolvedLogin } from './ResolvedLogin.ts';
import { resolveLogins } from './resolveLogins.ts';

/**
 * The run's logins (`auth:`), their environment read before anything is sent. A dry run sends nothing
 * and logs in nowhere, so it needs none of their variables.
 */
export function loginsOf(config: ConformanceConfig, specs: readonly Spec[], env: NodeJS.ProcessEnv = process.env): ResolvedLogin[] {
  if (config.auth === undefined || config.dryRun) return [];
  const known = new Set(specs.flatMap((s) => [...documentKeys(s.file), ...s.operations.map((o) => o.operationId)]));
  return resolveLogins(config.auth, known, env);
}
