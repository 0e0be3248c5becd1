import type { Operation } from '../../src/openapi/Operation.ts';
import type { RequestContext } from '../RequestContext.ts';
import { distinguishedValue, inputValue, requestInputs } from './requestInputs.ts';

/** A condition on one input a careless server branches on: `force=true`, or `hosted_connect.name` given. */
export interface InputCondition {
  /** How ids and descriptions name it. */
  readonly label: string;
  readonly holds: (ctx: RequestContext) => boolean;
}

/** One condition per input of the operation: its distinguished listed value, else its presence. */
export function inputConditions(operation: Operation): InputCondition[] {
  return requestInputs(operation).map((input) => {
    const value = distinguishedValue(input);
    return value !== undefined
      ? { label: `${input.label}=${value}`, holds: (ctx) => inputValue(ctx, input) === value }
      : { label: `${input.label}-given`, holds: (ctx) => inputValue(ctx, input) !== undefined };
  });
}
