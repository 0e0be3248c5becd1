import type { Provenance } from '../model/Provenance.ts';

/**
 * What a task-like link leads to (`x-conformance.task` of an OpenAPI link): a resource whose status
 * member moves through documented states until a terminal one.
 */
export interface TaskSpec {
  /** JSON pointer of the status member in the linked operation's answer. */
  readonly status: string;
  /** The states in the order they may follow each other; states of one rank share an entry. */
  readonly order: ReadonlyArray<readonly string[]>;
  /** States after which the task does not change any more. */
  readonly terminal: readonly string[];
  /** Terminal states that mean the work failed. */
  readonly failed: readonly string[];
  /** How long a task may take before it is reported as never ending. */
  readonly deadlineMs: number;
}

/** An OpenAPI link of a documented response: the operation a client may call next, with the values to call it with. */
export interface LinkSpec {
  readonly name: string;
  /** The linked operation (from `operationId`, or a local `operationRef`). */
  readonly operationId: string;
  /** Linked operation's parameters (`name` or `in.name`) to a runtime expression or a constant. */
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly task?: TaskSpec;
  /** Where the rules the link adds come from (`x-provenance` of the link, default `page`). */
  readonly provenance: Provenance;
  readonly source: string;
}
