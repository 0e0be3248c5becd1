import type { TaskSpec } from '../src/openapi/LinkSpec.ts';

/** How long a task the mock starts runs before it reaches its terminal state, by default. */
export const DEFAULT_TASK_DURATION_MS = 20;

/**
 * How one task runs: to a success state, to a failed state or never to an end; its id known to the
 * linked operation or not; its states in order or once going back. What a fault bends (`FaultHooks.task`).
 */
export interface MockTaskPlan {
  readonly end: 'succeeded' | 'failed' | 'never';
  /** The answer gives an id the linked operation does not know. */
  readonly unknownId: boolean;
  /** The first answer shows the last running state and the second the first again, whatever the time. */
  readonly regress: boolean;
}

export const CORRECT_TASK: MockTaskPlan = { end: 'succeeded', unknownId: false, regress: false };

export interface MockTask {
  readonly id: string;
  /** The operation the link leads to (the task's own route). */
  readonly linkedOperationId: string;
  /** The resource the request that started it changes (`operationId` and resource id), which stays busy until it ends. */
  readonly resource?: string;
  readonly spec: TaskSpec;
  readonly startedAt: number;
  readonly durationMs: number;
  readonly plan: MockTaskPlan;
  /** The path parameters of the request that started it. */
  readonly origin: Readonly<Record<string, string>>;
  answers: number;
}

/** What one answer about a task shows. */
export interface TaskView {
  readonly id: string;
  readonly state: string;
  /** Percent done, 100 once ended. */
  readonly progress: number;
  readonly startedAt: string;
  readonly endedAt?: string;
  readonly origin: Readonly<Record<string, string>>;
}

/** Bound on kept tasks so a long benchmark does not grow memory without end. */
const MAX_TASKS = 10_000;

const keyOf = (operationId: string, id: string): string => `${operationId}\u0000${id}`;

/** The states a task goes through before its end: the order's states that are not terminal. */
function runningStates(spec: TaskSpec): string[] {
  return spec.order.flatMap((group) => group.filter((s) => !spec.terminal.includes(s)));
}

function endState(spec: TaskSpec, plan: MockTaskPlan): string | undefined {
  if (plan.end === 'never') return undefined;
  const failed = spec.failed[0];
  return plan.end === 'failed' && failed !== undefined ? failed : (spec.terminal.find((s) => !spec.failed.includes(s)) ?? spec.terminal[0]);
}

/** A task's state at a time (for its `answer`-th answer): the running states in turn over its duration, then its end. */
function stateAt(task: MockTask, now: number, answer?: number): { state: string; ended: boolean; progress: number } {
  const running = runningStates(task.spec);
  const end = endState(task.spec, task.plan);
  if (task.plan.regress && running.length >= 2 && answer !== undefined && answer < 2) return { state: running[answer === 0 ? running.length - 1 : 0]!, ended: false, progress: answer === 0 ? 50 : 0 };
  const fraction = task.durationMs <= 0 ? 1 : (now - task.startedAt) / task.durationMs;
  if (fraction >= 1 && end !== undefined) return { state: end, ended: true, progress: 100 };
  if (running.length === 0) return { state: end ?? task.spec.terminal[0]!, ended: end !== undefined, progress: 100 };
  const index = Math.min(running.length - 1, Math.floor(Math.min(fraction, 0.999) * running.length));
  return { state: running[index]!, ended: false, progress: Math.min(99, Math.floor(fraction * 100)) };
}

/** The tasks accepted requests started, by the operation a link leads to and the task id. */
export class MockTasks {
  readonly #tasks = new Map<string, MockTask>();
  /** The last task started per resource: the only one that may still run (a second change is refused meanwhile). */
  readonly #latest = new Map<string, MockTask>();

  start(task: Omit<MockTask, 'answers'>): void {
    if (this.#tasks.size >= MAX_TASKS) {
      const now = Date.now();
      // Maps iterate in insertion order: the oldest task that has ended goes.
      for (const [key, old] of this.#tasks)
        if (stateAt(old, now).ended) {
          this.#tasks.delete(key);
          break;
        }
    }
    const started = { ...task, answers: 0 };
    this.#tasks.set(keyOf(task.linkedOperationId, task.id), started);
    if (task.resource !== undefined) this.#latest.set(task.resource, started);
  }

  get(linkedOperationId: string, id: string): MockTask | undefined {
    return this.#tasks.get(keyOf(linkedOperationId, id));
  }

  ids(linkedOperationId: string): string[] {
    const prefix = keyOf(linkedOperationId, '');
    return [...this.#tasks.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
  }

  /** A task of the resource that has not ended (a second change of it is refused meanwhile). */
  running(resource: string, now = Date.now()): MockTask | undefined {
    const task = this.#latest.get(resource);
    return task && !stateAt(task, now).ended ? task : undefined;
  }

  /** What the next answer about the task shows (each answer counts: a regressing task goes back once). */
  observe(task: MockTask, now = Date.now()): TaskView {
    const { state, ended, progress } = stateAt(task, now, task.answers);
    task.answers += 1;
    return {
      id: task.id,
      state,
      progress,
      startedAt: new Date(task.startedAt).toISOString(),
      ...(ended ? { endedAt: new Date(Math.max(task.startedAt + task.durationMs, task.startedAt)).toISOString() } : {}),
      origin: task.origin,
    };
  }
}
