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
  /** The settings of checks that have their own (`checks.<name>` in the config file, validated by its schema), by check name. */
  readonly checkSettings?: Readonly<Record<string, CheckSettings>>;
}

/** One check's own settings, as the config file's schema fragment for it (`checks.<name>`) states them. */
export type CheckSettings = Readonly<Record<string, unknown>>;

/** What a check's verdict judges (`Check.judges`). */
export type CheckJudgement = 'intent' | 'response';

export interface CheckContext {
  readonly operation: Operation;
  readonly validators: OperationValidators;
  readonly expectations: OperationExpectations;
  /** The operation's constraint catalogue, so a verdict can name the rule it is about (set by runChecks). */
  readonly catalogue?: readonly Constraint[];
  /** This check's own settings (`checks.<name>`), when the config file gives them (set by runChecks). */
  readonly settings?: CheckSettings;
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
  /**
   * What the check's verdict judges, for the report. `intent`: the rule its case was planned for, as a
   * whole (of the intents it `plans`: a boundary accepted, a violation rejected, the credential required),
   * so it fills the coverage of the case's constraint, and an answer refusing the credential or naming no
   * resource makes it judge nothing. `response`: the answer against its status's documented response, so
   * that status counts as exercised and a failure is pinned on the response rule it names.
   */
  readonly judges?: CheckJudgement;
  /**
   * The check judges nothing until its settings are given (a limit no page states, such as a response
   * time): it neither runs nor has a row in the report before the config file sets `checks.<name>`.
   */
  readonly needsSettings?: boolean;
  run(exchange: Exchange, context: CheckContext): Verdict | readonly Verdict[] | undefined;
}
