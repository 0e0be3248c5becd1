import type { ParameterLocation } from '../openapi/Operation.ts';

/**
 * The only values a run may send for one input of an operation (`--only-value`, `values` of an
 * operation in the config file): a request carrying another value for it is not sent. An absent input
 * is allowed (nothing is sent for it).
 */
export interface ValueRestriction {
  /** The input as the user named it: a parameter name or a body member's JSON pointer. */
  readonly input: string;
  readonly site: { readonly in: ParameterLocation; readonly name: string } | { readonly in: 'body'; readonly pointer: string };
  /** Allowed values: text for a parameter (as it travels), JSON values for a body member. */
  readonly allowed: readonly unknown[];
  /** Where the restriction was given (`--only-value force`, `operations.X.values.force`). */
  readonly source: string;
}
