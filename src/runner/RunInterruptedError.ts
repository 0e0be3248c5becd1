import { ConformanceError } from '../errors/ConformanceError.ts';

/** The run was interrupted (SIGINT/SIGTERM) before this request was answered: not a finding about the server. */
export class RunInterruptedError extends ConformanceError {
  constructor() {
    super('CONF_ERR_INTERRUPTED', 'the run was interrupted before the request was answered');
  }
}
