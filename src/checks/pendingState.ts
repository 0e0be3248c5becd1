import type { OperationHints } from '../openapi/Operation.ts';
import { valueAt } from '../openapi/pointer.ts';
import { matchesStatusKey } from './matchesStatusKey.ts';

/** The documented in-progress state the answer reports (e.g. `status is PENDING_UPDATE`), if any. */
export function pendingState(pending: OperationHints['pending'], status: number, body: unknown): string | undefined {
  if (!pending || !matchesStatusKey(pending.status, status)) return undefined;
  const value = valueAt(body, pending.pointer);
  return typeof value === 'string' && pending.values.includes(value) ? `${pending.pointer} is ${value}` : undefined;
}
