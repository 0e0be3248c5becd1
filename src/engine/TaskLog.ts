import type { RunTasks } from '../model/RunReport.ts';
import type { TaskOutcome, TaskTimeline } from '../model/TaskTimeline.ts';

/** Timelines kept in a report: every task that did not succeed, and the first that did, up to this many in all. */
export const KEPT_TIMELINES = 200;

/** Gathers the tasks a run followed, in bounded memory: counts of every one, timelines of the first. */
export class TaskLog {
  #followed = 0;
  readonly #outcomes: Partial<Record<TaskOutcome, number>> = {};
  readonly #timelines: TaskTimeline[] = [];

  note(tasks: readonly TaskTimeline[], target: string | undefined): void {
    for (const task of tasks) {
      this.#followed += 1;
      this.#outcomes[task.outcome] = (this.#outcomes[task.outcome] ?? 0) + 1;
      const keep = this.#timelines.length < KEPT_TIMELINES;
      if (keep) this.#timelines.push(target !== undefined ? { ...task, target } : task);
      else if (task.outcome !== 'succeeded') {
        // A task that went wrong matters more than a successful one kept earlier.
        const index = this.#timelines.findIndex((t) => t.outcome === 'succeeded');
        if (index >= 0) this.#timelines[index] = target !== undefined ? { ...task, target } : task;
      }
    }
  }

  /** The report's `tasks` field; absent when no task was followed. */
  field(): { tasks?: RunTasks } {
    return this.#followed === 0 ? {} : { tasks: { followed: this.#followed, outcomes: { ...this.#outcomes }, timelines: [...this.#timelines] } };
  }
}
