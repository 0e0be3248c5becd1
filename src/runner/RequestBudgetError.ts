import { ConformanceError } from '../errors/ConformanceError.ts';

/**
 * The request budget (`--max-requests`) is spent. It protects the target, so it carries the unsafe-target
 * code: the run stops, and what ran so far is still reported.
 */
export class RequestBudgetError extends ConformanceError {
  readonly budget: number;

  constructor(budget: number) {
    super('CONF_ERR_UNSAFE_TARGET', `request budget of ${budget} requests spent; the run stopped (raise it with --max-requests)`);
    this.budget = budget;
  }
}
