import type { DroppedCase } from './DroppedCase.ts';
import type { ValueRestriction } from './ValueRestriction.ts';

export interface PlanOptions {
  readonly seed: number;
  /** Path-parameter values of resources that exist, by parameter name (applianceId, project_id, hosted_connect_id). */
  readonly fixtures: Readonly<Record<string, string>>;
  /**
   * The only values that may be sent for some inputs: the base request and the random requests are
   * built with allowed values, and a planned case that carries an excluded one is left out (`onDropped`).
   */
  readonly restrictions?: readonly ValueRestriction[];
  /**
   * Told about every planned case that failed its own re-validation and was left out, so a dropped case
   * is counted and never silently lost (and never sent as a false "server accepted invalid data").
   */
  readonly onDropped?: (dropped: DroppedCase) => void;
}
