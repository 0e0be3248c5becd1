import type { Check } from './Check.ts';

/**
 * The rules of a followed task (src/engine/followLinks.ts). They judge the answers of a task over time,
 * not one exchange: `run` gives no verdict, and the follower gives them (src/engine/judgeTask.ts). They
 * are in the registry so reports have their cells and `skipChecks` can name them.
 */
function taskCheck(name: string, title: string): Check {
  return { name, title, provenance: 'page', run: () => undefined };
}

/** The task reaches a terminal state before its deadline. */
export const taskEnds = taskCheck('task-ends', 'A followed task ends before its deadline');
/** The id a link gives is known to the linked operation. */
export const taskKnown = taskCheck('task-known', 'The id an answer links to is known to the linked operation');
/** States only move forward, in the documented order. */
export const taskStates = taskCheck('task-states', 'A task state only moves forward in the documented order');
/** A request that breaks a rule is rejected, not accepted and then failed as a task. */
export const lateValidation = taskCheck('late-validation', 'A request the document forbids is rejected, not failed later as a task');

export const TASK_CHECKS: readonly string[] = [taskEnds.name, taskKnown.name, taskStates.name, lateValidation.name];
