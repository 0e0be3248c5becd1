import { FAULTS } from './faults.ts';

export interface FaultSummary {
  readonly name: string;
  readonly operationId: string;
  readonly description: string;
}

/** The fault profiles the mock knows, in registry order. */
export function listFaults(): FaultSummary[] {
  return Object.entries(FAULTS).map(([name, profile]) => ({ name, operationId: profile.operationId, description: profile.description }));
}
