import type { Case } from './Case.ts';
import type { Exchange } from './Exchange.ts';
import type { TaskTimeline } from './TaskTimeline.ts';
import type { Verdict } from './Verdict.ts';

/**
 * One case after the run: sent and checked, or not run (and why); `target` names the server it went to
 * when the run has several (src/model/targetName.ts).
 */
export type CaseResult = { readonly target?: string } & (
  | {
      readonly status: 'ran';
      readonly case: Case;
      readonly exchange: Exchange;
      readonly verdicts: readonly Verdict[];
      /** The tasks its answer started, followed to their end. */
      readonly tasks?: readonly TaskTimeline[];
      /** The requests following its answer's links sent (a task's polls), in order. */
      readonly followed?: readonly Exchange[];
    }
  | { readonly status: 'not-run'; readonly case: Case; readonly reason: string }
);
