import type { CaseResult } from './CaseResult.ts';
import type { RunReport } from './RunReport.ts';

export interface RunStart {
  readonly command: RunReport['command'];
  readonly seed: number;
  /** Planned cases per operation. */
  readonly planned: Readonly<Record<string, number>>;
}

export interface RunBegin {
  /** When the run began: before the targets are reached and probed (the report's `startedAt`). */
  readonly startedAt: Date;
}

/**
 * The events of a run, defined by the core so the engine never knows who listens: the collector and the
 * reporters implement it. A listener only listens: every hook is optional, none of them sends a request
 * or changes a result. File reporters write in `onRunEnd`, which also runs when the run was interrupted.
 * `onRunBegin` comes first, before the targets are probed; `onRunClose` comes last, whatever happened
 * (also after an error that left no report), so a listener can hold a timer between the two.
 */
export interface RunListener {
  onRunBegin?(begin: RunBegin): void;
  onRunStart?(start: RunStart): void;
  onCaseResult?(result: CaseResult): void;
  onRunEnd?(report: RunReport): void | Promise<void>;
  onRunClose?(): void;
}
