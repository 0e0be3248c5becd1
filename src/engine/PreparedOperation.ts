import type { OperationExpectations } from '../checks/Check.ts';
import type { Constraint } from '../model/Constraint.ts';
import type { Operation } from '../openapi/Operation.ts';
import type { OperationValidators } from '../validation/OperationValidators.ts';

/** Everything the run needs about one operation, built once before the first request. */
export interface PreparedOperation {
  readonly operation: Operation;
  readonly specFile: string;
  readonly constraints: readonly Constraint[];
  readonly validators: OperationValidators;
  readonly expectations: OperationExpectations;
  /** Base URL this operation is sent to. */
  readonly baseUrl: string;
}
