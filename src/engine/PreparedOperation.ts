import type { OperationExpectations } from '../checks/Check.ts';
import type { Constraint } from '../model/Constraint.ts';
import type { Operation } from '../openapi/Operation.ts';
import type { ValueRestriction } from '../plan/ValueRestriction.ts';
import type { OperationValidators } from '../validation/OperationValidators.ts';

/** Everything the run needs about one operation, built once before the first request. */
export interface PreparedOperation {
  readonly operation: Operation;
  readonly specFile: string;
  readonly constraints: readonly Constraint[];
  readonly validators: OperationValidators;
  readonly expectations: OperationExpectations;
  /** The only values sent for some inputs (`--only-value`, the config's `values`), checked against the document. */
  readonly restrictions?: readonly ValueRestriction[];
  /** Base URL this operation is sent to. */
  readonly baseUrl: string;
  /** The target's name in the report: the config's `name`, the embedded mock's, else the base URL (redacted). */
  readonly targetName: string;
  /** The target's name was given (the config's `name`, the embedded mock's), not taken from its URL. */
  readonly targetNamed: boolean;
  /** The `name` the config file gives this server, when it does (what `--only-target` selects). */
  readonly configName?: string;
  /** This target's own fixtures and headers, laid over the run's (empty unless the config file gives them). */
  readonly targetFixtures: Readonly<Record<string, string>>;
  readonly targetHeaders: Readonly<Record<string, string>>;
  /** The operations this one's answers link to (OpenAPI `links`), by operationId, at the same target. */
  readonly linked?: Readonly<Record<string, PreparedOperation>>;
}
