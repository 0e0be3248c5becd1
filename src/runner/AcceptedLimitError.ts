import { ConformanceError } from '../errors/ConformanceError.ts';

/**
 * The resource has taken as many accepted (2xx) state-changing requests as `--max-accepted` allows: this
 * request is not sent. The run goes on with other resources; the case is reported as not run.
 */
export class AcceptedLimitError extends ConformanceError {
  readonly limit: number;
  readonly resource: string;

  constructor(limit: number, resource: string) {
    super('CONF_ERR_BUDGET', `not sent: ${resource} already accepted ${limit} state-changing request${limit === 1 ? '' : 's'}, the limit (--max-accepted ${limit})`);
    this.limit = limit;
    this.resource = resource;
  }
}
