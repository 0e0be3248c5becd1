import { ConformanceError } from '../errors/ConformanceError.ts';

/** The request budget (`--max-requests`) is spent: the run stops, and what ran so far is still reported. */
export class RequestBudgetError extends ConformanceError {
  readonly budget: number;

  constructor(budget: number) {
    super('CONF_ERR_BUDGET', `request budget of ${budget} requests spent (raise it with --max-requests)`);
    this.budget = budget;
  }
}
