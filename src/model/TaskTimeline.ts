/** One answer of a followed task: when, with which status code and which state. */
export interface TaskObservation {
  /** Milliseconds since the answer that started the task. */
  readonly atMs: number;
  readonly status?: number;
  /** The value of the task's status member; absent when the answer had none. */
  readonly state?: string;
}

/** How following a task ended. */
export type TaskOutcome = 'succeeded' | 'failed' | 'deadline' | 'unknown-id' | 'unanswered' | 'not-followed' | 'interrupted';

/**
 * A task a run followed through a link of an answer (`links` with `x-conformance.task`): every state it
 * showed, in order, and how following it ended.
 */
export interface TaskTimeline {
  /** The case whose answer started the task. */
  readonly caseId: string;
  readonly operationId: string;
  readonly target?: string;
  readonly link: string;
  readonly linkedOperationId: string;
  /** The values the link gave the linked operation (the task id). */
  readonly parameters: Readonly<Record<string, string>>;
  readonly outcome: TaskOutcome;
  /** The last state seen. */
  readonly state?: string;
  /** Requests sent to the linked operation. */
  readonly polls: number;
  readonly durationMs: number;
  /** The states in order; consecutive answers with the same state and status are one entry. */
  readonly states: readonly TaskObservation[];
  /** Why it was not followed or how it ended, in words. */
  readonly note?: string;
}
