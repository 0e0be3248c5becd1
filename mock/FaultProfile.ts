import type { FaultHooks } from './FaultHooks.ts';

/** A deliberately wrong server: breaks exactly one rule of one operation. */
export interface FaultProfile {
  readonly description: string;
  /** The operation whose answers the hooks change; every other route stays correct. */
  readonly operationId: string;
  readonly hooks: FaultHooks;
}
