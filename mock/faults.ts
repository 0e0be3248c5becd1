import type { FaultProfile } from './FaultProfile.ts';

/** Every fault profile by name (docs/ARCHITECTURE.md, "Embedded mock fault profiles"). */
export const FAULTS: Readonly<Record<string, FaultProfile>> = {};
