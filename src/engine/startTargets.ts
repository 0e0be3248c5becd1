import type { ConformanceConfig } from '../config/ConformanceConfig.ts';
import { hasUserTargets } from '../config/hasUserTargets.ts';
import { EMBEDDED_TARGET_NAME } from '../model/targetName.ts';
import type { DefaultTarget } from './prepareOperations.ts';
import type { Spec } from '../openapi/Spec.ts';
import { UsageError } from '../errors/ConformanceError.ts';
import type { EmbeddedTargetFactory } from '../model/EmbeddedTarget.ts';
import { fixturesOf } from '../model/fixturesOf.ts';
import type { ResolvedLogin } from '../auth/ResolvedLogin.ts';
import { embeddedLoginsOf } from '../auth/embeddedLoginsOf.ts';

export interface Targets {
  /** Server of operations without a target of their own (the embedded mock when none was given). */
  readonly defaultTarget?: DefaultTarget;
  readonly fixtures: Readonly<Record<string, string>>;
  readonly token?: string;
  /** True when the embedded target serves the run. */
  readonly embedded: boolean;
  /** The embedded target's own deadline for its tasks, when it gives one. */
  readonly taskDeadlineMs?: number;
  close(): Promise<void>;
}

/**
 * The credential the embedded mock accepts: `--token`, else the value of a `--header` that names one of
 * the documents' credential schemes (its scheme prefix removed), so a run with the user's own header
 * authenticates against the mock as it would against their server.
 */
function mockToken(config: ConformanceConfig, specs: readonly Spec[]): string | undefined {
  if (config.token !== undefined) return config.token;
  const schemes = specs.flatMap((s) => s.operations.flatMap((o) => o.credentialSchemes));
  for (const [name, value] of Object.entries(config.headers)) {
    const scheme = schemes.find((c) => c.header === name.toLowerCase() && value.toLowerCase().startsWith(c.prefix.toLowerCase()));
    if (scheme) return value.slice(scheme.prefix.length);
  }
  return undefined;
}

/**
 * With no target at all, starts the embedded target (the caller's factory: the mock) on an ephemeral
 * loopback port for every operation. When the user names targets, nothing is started: the verdict about
 * their server is never mixed with the mock's, and operations without a target are not run.
 */
export async function startTargets(config: ConformanceConfig, specs: readonly Spec[], embeddedTarget: EmbeddedTargetFactory | undefined, logins: readonly ResolvedLogin[] = []): Promise<Targets> {
  if (hasUserTargets(config)) {
    return { ...(config.target ? { defaultTarget: { url: config.target } } : {}), fixtures: {}, ...(config.token ? { token: config.token } : {}), embedded: false, close: async () => undefined };
  }
  if (!embeddedTarget) throw new UsageError('no target: give --target URL (this run has no embedded server to start)');
  const token = mockToken(config, specs);
  // The run's logins log in to the mock as they would to the user's servers.
  const embeddedLogins = embeddedLoginsOf(logins);
  const mock = await embeddedTarget({
    ...(embeddedLogins ? { logins: embeddedLogins } : {}),
    port: 0,
    ...(token !== undefined ? { token } : {}),
    ...(config.mock.fault ? { fault: config.mock.fault } : {}),
    ...(config.mock.mutant ? { mutant: config.mock.mutant } : {}),
    ...(config.mock.latencyMs !== undefined ? { latencyMs: config.mock.latencyMs } : {}),
    ...(config.mock.taskDurationMs !== undefined ? { taskDurationMs: config.mock.taskDurationMs } : {}),
    ...(config.mock.rateLimit !== undefined ? { rateLimit: { requestsPerSecond: config.mock.rateLimit } } : {}),
    ...(config.specs.length > 0 ? { specFiles: config.specs } : {}),
  });
  // The token goes into each operation's first scheme unless the user's own header already fills it.
  return {
    defaultTarget: { url: mock.url, name: EMBEDDED_TARGET_NAME },
    fixtures: fixturesOf(mock),
    token: mock.token,
    embedded: true,
    ...(mock.taskDeadlineMs !== undefined ? { taskDeadlineMs: mock.taskDeadlineMs } : {}),
    close: () => mock.close(),
  };
}
