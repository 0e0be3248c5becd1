import type { FailedEdges } from './FailedEdges.ts';
import type { RunListener } from '../model/RunListener.ts';
import type { RunnerOptions } from '../runner/RunnerOptions.ts';
import type { HttpRunner } from '../runner/HttpRunner.ts';
import type { LinkFollower } from './LinkFollower.ts';
import type { PreparedOperation } from './PreparedOperation.ts';
import type { ResultCollector } from './ResultCollector.ts';

/** What the stages of one run share. */
export interface RunContext {
  readonly operations: readonly PreparedOperation[];
  readonly runner: HttpRunner;
  readonly runnerOptions: RunnerOptions;
  readonly fixtures: Readonly<Record<string, string>>;
  readonly seed: number;
  readonly collector: ResultCollector;
  readonly listeners: readonly RunListener[];
  readonly signal: AbortSignal;
  /** Stops the run early (nothing new is sent) and says why. */
  readonly stop: (reason: string) => void;
  /** The boundary cases that failed on their own rule so far (random cases at several edges are keyed by them). */
  readonly failedEdges?: FailedEdges;
  /** Why the run stopped early, once it has (cases left unsent are reported as not run with it). */
  readonly stopped?: () => string | undefined;
  /** Follows the links of answers (tasks to their end) and keeps one state-changing request per task resource at a time. */
  readonly links?: LinkFollower;
}
