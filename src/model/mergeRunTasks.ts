import type { RunTasks } from './RunReport.ts';
import type { TaskOutcome } from './TaskTimeline.ts';

/** Joins the `tasks` of several reports (shards, targets): counts add up, timelines are kept side by side. */
export function mergeRunTasks(parts: ReadonlyArray<RunTasks | undefined>): { tasks?: RunTasks } {
  const present = parts.filter((p): p is RunTasks => p !== undefined);
  if (present.length === 0) return {};
  const outcomes: Partial<Record<TaskOutcome, number>> = {};
  for (const part of present) for (const [outcome, n] of Object.entries(part.outcomes) as Array<[TaskOutcome, number]>) outcomes[outcome] = (outcomes[outcome] ?? 0) + n;
  return { tasks: { followed: present.reduce((n, p) => n + p.followed, 0), outcomes, timelines: present.flatMap((p) => p.timelines) } };
}
