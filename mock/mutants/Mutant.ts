import type { Constraint } from '../../src/model/Constraint.ts';
import type { Provenance } from '../../src/model/Provenance.ts';
import type { Operation } from '../../src/openapi/Operation.ts';
import type { FaultHooks } from '../FaultHooks.ts';

/** The operator families, one module each under `operators/`. */
export const MUTANT_FAMILIES = ['request-rule', 'credential', 'resource', 'response', 'robustness', 'path', 'task'] as const;
export type MutantFamily = (typeof MUTANT_FAMILIES)[number];

/**
 * One generated faulty server: the correct mock with the hooks of one operator applied to one rule or
 * member of one operation. The id is stable: `family/operator/target[/variant]`, from the document only.
 */
export interface Mutant {
  readonly id: string;
  readonly family: MutantFamily;
  readonly operator: string;
  readonly operationId: string;
  /** The constraint id or the member (`DC.body.hosted_connect.name.maxLength`, `HCX.response.202`). */
  readonly target: string;
  readonly params: Readonly<Record<string, string | number | boolean>>;
  readonly description: string;
  /**
   * Where the rule the mutant breaks comes from (absent: `page`). A rule the page does not state can
   * only be warned about: for such a mutant a warning is the whole catch.
   */
  readonly provenance?: Provenance;
  /** Builds the hooks for one server (fresh state each time: servers of one process never share it). */
  readonly hooks: () => FaultHooks;
}

/** Hooks, or a builder of hooks for a mutant that keeps state per server. */
export type HooksOf = FaultHooks | (() => FaultHooks);

export const hooksBuilder = (hooks: HooksOf): (() => FaultHooks) => (typeof hooks === 'function' ? hooks : () => hooks);

/** What an operator says about one mutant; `mutantOf` derives its id and its hooks builder. */
export interface MutantSpec {
  readonly family: MutantFamily;
  readonly operator: string;
  readonly operationId: string;
  readonly target: string;
  /** Tells apart mutants of one operator on one target (`…/<variant>` in the id). */
  readonly variant?: string | undefined;
  readonly params?: Mutant['params'];
  readonly description: string;
  readonly provenance?: Provenance | undefined;
  readonly hooks: HooksOf;
}

/** A mutant, its id `<family>/<operator>/<target>[/<variant>]`: the one place the id scheme is written. */
export function mutantOf(spec: MutantSpec): Mutant {
  const { family, operator, operationId, target, variant, params = {}, description, provenance, hooks } = spec;
  return {
    id: `${family}/${operator}/${target}${variant ? `/${variant}` : ''}`,
    family,
    operator,
    operationId,
    target,
    params,
    description,
    ...(provenance !== undefined ? { provenance } : {}),
    hooks: hooksBuilder(hooks),
  };
}

/** The statuses the correct server answers for an operation, read from its handler. */
export interface AnsweredStatuses {
  readonly success: readonly number[];
  /** Validation, credential, not-found and state-conflict answers. */
  readonly errors: readonly number[];
}

/** What an operator reads: the operation, its catalogue and what the correct server answers. */
export interface OperatorInput {
  readonly operation: Operation;
  readonly constraints: readonly Constraint[];
  readonly answered: AnsweredStatuses;
  /** Whether the server applies and stores updates for this operation (its handler calls `applyUpdate`). */
  readonly stores: boolean;
}

/** An operator family: every mutant it makes of one operation. */
export type OperatorFamily = (input: OperatorInput) => Mutant[];

/** A thrown error the server answers 500 (an unhandled exception, as a careless server has). */
export class MutantCrash extends Error {}
