import type { Operation } from '../src/openapi/Operation.ts';
import type { FaultHooks } from './FaultHooks.ts';

/** A deliberately wrong server: breaks exactly one rule of one operation. */
export interface FaultProfile {
  readonly description: string;
  /** The operation whose answers the hooks change; every other route stays correct. */
  readonly operationId: string;
  /** Builds the hooks once at start, from the operation (limits come from its schemas, never copied). */
  readonly hooks: (operation: Operation) => FaultHooks;
}
