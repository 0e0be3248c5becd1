import type { ConformanceConfig } from '../config/ConformanceConfig.ts';
import { documentKeys } from '../openapi/documentKeys.ts';
import type { Spec } from '../openapi/Spec.ts';
import type { ResolvedLogin } from './ResolvedLogin.ts';
import { resolveLogins } from './resolveLogins.ts';

/**
 * The run's logins (`auth:`), their environment read before anything is sent. A dry run logs in nowhere,
 * so it needs none of their variables (it lists the requests with the login's header, redacted).
 */
export function loginsOf(config: ConformanceConfig, specs: readonly Spec[], env: NodeJS.ProcessEnv = process.env): ResolvedLogin[] {
  if (config.auth === undefined) return [];
  const known = new Set(specs.flatMap((s) => [...documentKeys(s.file), ...s.operations.map((o) => o.operationId)]));
  return resolveLogins(config.auth, known, env, { keepUnset: config.dryRun });
}
