import type { Constraint } from '../model/Constraint.ts';
import type { Provenance, Severity } from '../model/Provenance.ts';
import type { IntentKind } from '../model/Case.ts';
import type { Exchange } from '../model/Exchange.ts';
import type { Verdict } from '../model/Verdict.ts';
import type { Operation } from '../openapi/Operation.ts';
import type { OperationValidators } from '../validation/OperationValidators.ts';

/** What a user may tune per operation (config file), because real servers differ in undocumented details. */
export interface OperationExpectations {
  /** Extra statuses accepted as documented (e.g. ["429"]), on top of the document's. */
  readonly acceptedStatuses: readonly string[];
  /** Checks that are not run for this operation. */
  readonly skipChecks: readonly string[];
  /**
   * Severity overrides by constraint id or check name (a constraint id wins over its check): promotes a
   * `reading`/`convention` rule to a failure, or demotes a rule to a warning.
   */
  readonly severity?: Readonly<Record<string, Severity>>;
  /**
   * The only values sent for an input (a parameter name or a body member's JSON pointer): a request
   * carrying another is not sent. Checked against the document before the run.
   */
  readonly values?: Readonly<Record<string, readonly unknown[]>>;
}

export interface CheckContext {
  readonly operation: Operation;
  readonly validators: OperationValidators;
  readonly expectations: OperationExpectations;
  /** The operation's constraint catalogue, so a verdict can name the rule it is about (set by runChecks). */
  readonly catalogue?: readonly Constraint[];
}

/**
 * One rule about the API, as a pure function of one exchange: no I/O, no knowledge of a vendor.
 * Returns no verdict when the check does not apply to the exchange.
 */
export interface Check {
  readonly name: string;
  readonly title: string;
  /**
   * Where the check's rule comes from when neither the verdict, its constraint nor the operation's
   * `x-conformance.provenance` says otherwise.
   */
  readonly provenance: Provenance;
  /**
   * The case intents planned for this check's rule. A check that judges whatever is sent (a 5xx, an
   * undocumented status) plans none. When every check that plans an intent is skipped (`skipChecks`),
   * the cases of that intent are not sent.
   */
  readonly plans?: readonly IntentKind[];
  run(exchange: Exchange, context: CheckContext): Verdict | readonly Verdict[] | undefined;
}
