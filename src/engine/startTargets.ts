import type { ConformanceConfig } from '../config/ConformanceConfig.ts';
import type { Spec } from '../spec/Spec.ts';
import { CHAOS_MODES, type ChaosMode } from '../../mock/MockOptions.ts';
import { startMockServer } from '../../mock/startMockServer.ts';
import { ConfigError } from '../errors/ConformanceError.ts';

function chaosMode(name: string): ChaosMode {
  const mode = CHAOS_MODES.find((m) => m === name);
  if (!mode) throw new ConfigError(`unknown mock chaos mode "${name}" (one of ${CHAOS_MODES.join(', ')})`);
  return mode;
}

export interface Targets {
  /** Base URL for operations without a target of their own (the embedded mock when none was given). */
  readonly defaultTarget?: string;
  readonly fixtures: Readonly<Record<string, string>>;
  readonly token?: string;
  /** True when the embedded mock serves the run. */
  readonly embedded: boolean;
  close(): Promise<void>;
}

/** Starts the embedded mock on an ephemeral loopback port when some operation has no target. */
export async function startTargets(config: ConformanceConfig, specs: readonly Spec[]): Promise<Targets> {
  const everyOperationHasTarget =
    config.target !== undefined || specs.every((s) => s.operations.every((o) => config.targets[o.operationId] !== undefined));
  if (everyOperationHasTarget) {
    return { ...(config.target ? { defaultTarget: config.target } : {}), fixtures: {}, ...(config.token ? { token: config.token } : {}), embedded: false, close: async () => undefined };
  }
  const mock = await startMockServer({
    port: 0,
    ...(config.token ? { token: config.token } : {}),
    ...(config.mock.fault ? { fault: config.mock.fault } : {}),
    ...(config.mock.latencyMs !== undefined ? { latencyMs: config.mock.latencyMs } : {}),
    ...(config.mock.rateLimit !== undefined ? { rateLimit: { requestsPerSecond: config.mock.rateLimit } } : {}),
    ...(config.mock.chaos ? { chaos: chaosMode(config.mock.chaos) } : {}),
    ...(config.specs.length > 0 ? { specFiles: config.specs } : {}),
  });
  return { defaultTarget: mock.url, fixtures: { ...mock.fixtures }, token: mock.token, embedded: true, close: () => mock.close() };
}
