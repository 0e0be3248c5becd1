import { ConformanceError } from '../../src/errors/ConformanceError.ts';
import { DEFAULT_CONFIG } from '../../src/config/ConformanceConfig.ts';
import { runConformance } from '../../src/engine/runConformance.ts';

/** What a dry run made of one document. */
export type DocumentOutcome =
  | { readonly outcome: 'loaded'; readonly requests: number; readonly warnings: number; readonly ms: number; readonly cpuMs: number }
  | { readonly outcome: 'refused'; readonly code: string; readonly reason: string; readonly ms: number; readonly cpuMs: number }
  | { readonly outcome: 'crashed'; readonly reason: string; readonly ms: number; readonly cpuMs: number };

/** Processor time of this process since `from`, in ms: on a shared machine it says what wall time cannot. */
function cpuSince(from: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
}

/**
 * Loads, catalogues and plans one document as `conformance run --spec FILE --target URL --dry-run`
 * does (nothing is sent): loaded with the number of planned requests, refused with the tool's one-line
 * error, or crashed (anything else: a bug of the suite).
 */
export async function dryRunDocument(file: string, options: { readonly runs?: number } = {}): Promise<DocumentOutcome> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  let requests = 0;
  try {
    await runConformance(
      { ...DEFAULT_CONFIG, specs: [file], target: 'http://127.0.0.1:9', dryRun: true, runs: options.runs ?? 5, seed: 1 },
      { reporters: [], dryRunOut: (text) => void (requests += text.split('\n').filter((line) => line.startsWith('curl ')).length) },
    );
    const { loadSpec } = await import('../../src/openapi/loadSpec.ts');
    const warnings = (await loadSpec(file)).warnings.length;
    return { outcome: 'loaded', requests, warnings, ms: performance.now() - started, cpuMs: cpuSince(cpu) };
  } catch (error) {
    const ms = performance.now() - started;
    const cpuMs = cpuSince(cpu);
    if (error instanceof ConformanceError && error.code !== 'CONF_ERR_INTERNAL') return { outcome: 'refused', code: error.code, reason: error.message, ms, cpuMs };
    return { outcome: 'crashed', reason: error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error), ms, cpuMs };
  }
}
