import type { Operation } from '../openapi/Operation.ts';
import { OperationValidators } from './OperationValidators.ts';

const compiled = new WeakMap<Operation, OperationValidators>();

/** The compiled validators of an operation, compiled once per operation object for the process. */
export function validatorsFor(operation: Operation): OperationValidators {
  let validators = compiled.get(operation);
  if (!validators) {
    validators = new OperationValidators(operation);
    compiled.set(operation, validators);
  }
  return validators;
}
