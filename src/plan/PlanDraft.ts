import type { CaseIntent, PlannedRequest } from '../model/Case.ts';

/** A case before it has an id and has passed its re-validation. */
export interface PlanDraft {
  readonly intent: CaseIntent;
  readonly request: PlannedRequest;
  readonly needsFixture: boolean;
}
