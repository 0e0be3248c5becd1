import type { MainIo } from './MainIo.ts';

/**
 * SIGINT/SIGTERM abort the run gracefully: nothing new is sent, the results so far are reported and
 * written. A second signal leaves at once.
 */
export function interruptSignal(io: MainIo): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals): void => {
    if (controller.signal.aborted) process.exit(2);
    io.err(`conformance: ${name} received: stopping, writing the reports of what ran (again to quit at once)\n`);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
