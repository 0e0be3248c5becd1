import type { RunReport } from '../src/model/RunReport.ts';
import type { TaskTimeline } from '../src/model/TaskTimeline.ts';

/** Tasks that did not succeed shown one by one, at most this many. */
const SHOWN = 5;

/** One task's states in order, with when each was first seen. */
export function timelineText(task: TaskTimeline): string {
  const states = task.states.map((s) => `${s.state ?? (s.status !== undefined ? `answered ${s.status}` : 'no answer')} ${s.atMs} ms`);
  const ids = Object.values(task.parameters).join(', ');
  const end = task.outcome === 'succeeded' ? '' : ` (${task.outcome}${task.note ? `: ${task.note}` : ''})`;
  return `${task.caseId} → ${task.link} ${ids}: ${states.length > 0 ? states.join(' → ') : 'not polled'}${end}, ${task.polls} poll${task.polls === 1 ? '' : 's'}`;
}

/**
 * What every reporter says about the tasks a run followed, briefly: how many and how they ended, each
 * one that did not succeed (the first few), and one successful timeline as an example.
 */
export function taskLines(report: RunReport): string[] {
  const tasks = report.tasks;
  if (!tasks) return [];
  const outcomes = Object.entries(tasks.outcomes)
    .map(([outcome, n]) => `${n} ${outcome}`)
    .join(', ');
  const lines = [`${tasks.followed} task${tasks.followed === 1 ? '' : 's'} followed to the end: ${outcomes}`];
  const wrong = tasks.timelines.filter((t) => t.outcome !== 'succeeded');
  for (const task of wrong.slice(0, SHOWN)) lines.push(timelineText(task));
  if (wrong.length > SHOWN) lines.push(`… and ${wrong.length - SHOWN} more in report.json (tasks.timelines)`);
  const example = tasks.timelines.find((t) => t.outcome === 'succeeded');
  if (example) lines.push(`e.g. ${timelineText(example)}`);
  return lines;
}
