import type { Exchange } from '../model/Exchange.ts';
import type { TaskObservation, TaskOutcome } from '../model/TaskTimeline.ts';
import type { TaskSpec } from '../openapi/LinkSpec.ts';
import { valueAt } from '../openapi/pointer.ts';
import { responseJson } from '../checks/responseJson.ts';
import type { Clock } from './Clock.ts';

/** The first pause between polls; each next one is twice as long, up to `maxDelayOf(deadline)`. */
export const FIRST_POLL_DELAY_MS = 5;

/** The longest pause between two polls: a tenth of the deadline, at most 30 s (a long task costs few requests). */
export function maxDelayOf(deadlineMs: number): number {
  return Math.max(FIRST_POLL_DELAY_MS, Math.min(30_000, deadlineMs / 10));
}

export interface PolledTask {
  readonly outcome: TaskOutcome;
  readonly state?: string;
  readonly states: TaskObservation[];
  /** Every exchange, in order (the first one right after the answer that started the task). */
  readonly exchanges: Exchange[];
  readonly durationMs: number;
  readonly note?: string;
}

/** The task's state in an answer, as text (a number or boolean state is compared as its text). */
export function stateOf(exchange: Exchange, spec: TaskSpec): string | undefined {
  const value = exchange.response ? valueAt(responseJson(exchange.response), spec.status) : undefined;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

/**
 * Polls a task until it is in a terminal state, with a pause that doubles from `FIRST_POLL_DELAY_MS`,
 * until the deadline, or until an answer shows the id is unknown (`notFound`), is no answer, or is not a
 * 2xx. `poll` sends one request; `undefined` means it could not be sent (interrupted, budget spent).
 */
export async function pollTask(
  poll: () => Promise<Exchange | { readonly notSent: string }>,
  spec: TaskSpec,
  options: { readonly clock: Clock; readonly deadlineMs: number; readonly notFound: (status: number) => boolean; readonly signal?: AbortSignal },
): Promise<PolledTask> {
  const { clock, deadlineMs } = options;
  const start = clock.now();
  const states: TaskObservation[] = [];
  const exchanges: Exchange[] = [];
  let delay = FIRST_POLL_DELAY_MS;
  let state: string | undefined;
  const end = (outcome: TaskOutcome, note?: string): PolledTask => ({
    outcome,
    ...(state !== undefined ? { state } : {}),
    states,
    exchanges,
    durationMs: Math.round(clock.now() - start),
    ...(note ? { note } : {}),
  });
  for (;;) {
    if (options.signal?.aborted) return end('interrupted', 'the run was interrupted');
    const sent = await poll();
    if (!('case' in sent)) return end('interrupted', sent.notSent);
    exchanges.push(sent);
    const status = sent.response?.status;
    const seen = stateOf(sent, spec);
    if (seen !== undefined) state = seen;
    const atMs = Math.round(clock.now() - start);
    const last = states[states.length - 1];
    if (!last || last.state !== seen || last.status !== status) states.push({ atMs, ...(status !== undefined ? { status } : {}), ...(seen !== undefined ? { state: seen } : {}) });
    if (status === undefined) return end('unanswered', `no answer: ${sent.failure?.message ?? 'the request failed'}`);
    if (options.notFound(status)) return end('unknown-id', `answered ${status}: the id is unknown`);
    if (status < 200 || status > 299) return end('unanswered', `answered ${status}`);
    if (seen !== undefined && spec.terminal.includes(seen)) return end(spec.failed.includes(seen) ? 'failed' : 'succeeded');
    const left = deadlineMs - (clock.now() - start);
    if (left <= 0) return end('deadline', `still ${state ?? 'without a state'} after ${deadlineMs} ms`);
    await clock.sleep(Math.min(delay, left), options.signal);
    delay = Math.min(delay * 2, maxDelayOf(deadlineMs));
  }
}
