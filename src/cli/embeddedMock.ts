import { CHAOS_MODES } from '../../mock/MockOptions.ts';
import { startMockServer } from '../../mock/startMockServer.ts';
import { ConfigError } from '../errors/ConformanceError.ts';
import type { EmbeddedTargetFactory } from '../model/EmbeddedTarget.ts';

/**
 * The embedded mock as the engine's target factory, with the run's `--mock-chaos` applied. The mode is
 * checked when the mock is started, so a run against the user's own server never trips on it.
 */
export function embeddedMock(chaos: string | undefined): EmbeddedTargetFactory {
  if (chaos === undefined) return startMockServer;
  return (options) => {
    const mode = CHAOS_MODES.find((m) => m === chaos);
    if (!mode) throw new ConfigError(`unknown mock chaos mode "${chaos}" (one of ${CHAOS_MODES.join(', ')})`);
    return startMockServer({ ...options, chaos: mode });
  };
}
