import type { CaseIntent, PlannedRequest, SequenceStep } from '../model/Case.ts';

/** A case before it has an id and has passed its re-validation. */
export interface PlanDraft {
  readonly intent: CaseIntent;
  /** The keyword sample's name (`zero`, `length-65`), part of the case id; drafts without one are numbered. */
  readonly variant?: string;
  readonly request: PlannedRequest;
  readonly needsFixture: boolean;
  readonly sequence?: SequenceStep;
  /** The valid context of the other inputs the case is planned in (`force=true, local=false`), when not the base request. */
  readonly context?: string;
  /**
   * Any 4xx is the right answer, whatever rules the request breaks (an oddly shaped path id): the case is
   * not asked to validate, nor to break exactly one rule.
   */
  readonly anyRefusal?: boolean;
  /** The same case in the base request, planned instead when this one does not show its intent there. */
  readonly fallback?: PlanDraft;
  /** A copy of a rule's case in another context: the variant of the case it copies (its value family). */
  readonly sampleOf?: string;
}
