import { resolveConfig } from '../config/resolveConfig.ts';
import type { PreparedOperation } from '../engine/PreparedOperation.ts';
import { prepareOperations } from '../engine/prepareOperations.ts';
import type { Spec } from '../openapi/Spec.ts';

/**
 * Every documented operation, prepared to judge traffic seen at `target`. A request that breaks the
 * document is the client's bug: `request-valid` findings are warnings (provenance `page`, severity
 * lowered here), so only what the server answered decides the verdict.
 */
export function observedOperations(specs: readonly Spec[], target: string): PreparedOperation[] {
  return prepareOperations(specs, resolveConfig({}, {}), { url: target }).map((prepared) => ({
    ...prepared,
    expectations: { ...prepared.expectations, severity: { 'request-valid': 'warning', ...prepared.expectations.severity } },
  }));
}
