import { describe, expect, it } from 'vitest';
import type { Clock } from '../../src/engine/Clock.ts';
import { judgeTask } from '../../src/engine/judgeTask.ts';
import { FIRST_POLL_DELAY_MS, maxDelayOf, pollTask } from '../../src/engine/pollTask.ts';
import type { Case } from '../../src/model/Case.ts';
import type { Exchange } from '../../src/model/Exchange.ts';
import type { LinkSpec, TaskSpec } from '../../src/openapi/LinkSpec.ts';

const SPEC: TaskSpec = { status: '/data/status', order: [['QUEUED'], ['RUNNING'], ['SUCCESS', 'FAILED']], terminal: ['SUCCESS', 'FAILED'], failed: ['FAILED'], deadlineMs: 1_000 };
const LINK: LinkSpec = { name: 'task', operationId: 'getTask', parameters: { id: '$response.body#/id' }, task: SPEC, provenance: 'convention', source: 'link task' };

/** Time that passes only when the poller sleeps: nothing waits, and every pause is recorded. */
function fakeClock(): Clock & { readonly pauses: number[] } {
  let now = 0;
  const pauses: number[] = [];
  return {
    pauses,
    now: () => now,
    sleep: async (ms) => {
      pauses.push(ms);
      now += ms;
    },
  };
}

const TASK_CASE: Case = {
  id: 'c>task',
  operationId: 'getTask',
  intent: { kind: 'valid', label: 'link' },
  request: { method: 'GET', path: '/tasks/t1', pathParams: { id: 't1' }, query: {}, headers: {}, auth: 'configured' },
  seed: 1,
  needsFixture: false,
};

function answer(status: number, state?: string): Exchange {
  const json = state === undefined ? {} : { data: { status: state } };
  return {
    case: TASK_CASE,
    sent: { method: 'GET', url: 'http://127.0.0.1/tasks/t1', headers: {} },
    response: { status, headers: { 'content-type': 'application/json' }, bodyText: JSON.stringify(json), json, truncated: false, durationMs: 1 },
  };
}

/** A server that gives these answers in turn, then the last one for ever. */
function answers(...list: Exchange[]): () => Promise<Exchange> {
  let i = 0;
  return async () => list[Math.min(i++, list.length - 1)]!;
}

const origin = (intent: Case['intent'] = { kind: 'valid', label: 'base' }): Exchange => ({
  case: { ...TASK_CASE, id: 'upgrade-1', operationId: 'upgrade', intent },
  sent: { method: 'POST', url: 'http://127.0.0.1/upgrade', headers: {} },
  response: { status: 202, headers: {}, bodyText: '{"id":"t1"}', json: { id: 't1' }, truncated: false, durationMs: 1 },
});

const notFound = (status: number): boolean => status === 404;

describe('pollTask', () => {
  it('polls at once, then with a pause that doubles, until a terminal state', async () => {
    const clock = fakeClock();
    const polled = await pollTask(answers(answer(200, 'QUEUED'), answer(200, 'QUEUED'), answer(200, 'RUNNING'), answer(200, 'RUNNING'), answer(200, 'SUCCESS')), SPEC, {
      clock,
      deadlineMs: 1_000,
      notFound,
    });
    expect(polled.outcome).toBe('succeeded');
    expect(polled.exchanges).toHaveLength(5);
    expect(clock.pauses).toEqual([FIRST_POLL_DELAY_MS, 2 * FIRST_POLL_DELAY_MS, 4 * FIRST_POLL_DELAY_MS, 8 * FIRST_POLL_DELAY_MS]);
    // Answers with the same state are one entry of the timeline.
    expect(polled.states.map((s) => s.state)).toEqual(['QUEUED', 'RUNNING', 'SUCCESS']);
    expect(polled.states.map((s) => s.atMs)).toEqual([0, 15, 75]);
  });

  it('stops at the deadline with the pause capped at a tenth of it, and reports the task as never ending', async () => {
    const clock = fakeClock();
    const polled = await pollTask(answers(answer(200, 'RUNNING')), SPEC, { clock, deadlineMs: 1_000, notFound });
    expect(polled.outcome).toBe('deadline');
    expect(Math.max(...clock.pauses)).toBe(maxDelayOf(1_000));
    expect(clock.pauses.reduce((a, b) => a + b, 0)).toBe(1_000);
    expect(polled.note).toContain('still RUNNING after 1000 ms');
    const verdicts = judgeTask(polled, LINK, SPEC, origin(), []);
    expect(verdicts.find((v) => v.check === 'task-ends')).toMatchObject({ outcome: 'fail', provenance: 'convention' });
    expect(verdicts.find((v) => v.check === 'task-ends')?.on?.case.id).toBe('upgrade-1');
  });

  it('a longer deadline pauses longer, never more than 30 s', () => {
    expect(maxDelayOf(100)).toBe(10);
    expect(maxDelayOf(7_200_000)).toBe(30_000);
    expect(maxDelayOf(1)).toBe(FIRST_POLL_DELAY_MS);
  });

  it('an id the linked operation answers 404 is unknown: task-known fails, once', async () => {
    const clock = fakeClock();
    const polled = await pollTask(answers(answer(404)), SPEC, { clock, deadlineMs: 1_000, notFound });
    expect(polled.outcome).toBe('unknown-id');
    expect(clock.pauses).toEqual([]);
    const verdicts = judgeTask(polled, LINK, SPEC, origin(), []);
    expect(verdicts.filter((v) => v.outcome === 'fail').map((v) => v.check)).toEqual(['task-known']);
  });

  it('states that go back fail task-states; a forward sequence passes', async () => {
    const back = await pollTask(answers(answer(200, 'RUNNING'), answer(200, 'QUEUED'), answer(200, 'SUCCESS')), SPEC, { clock: fakeClock(), deadlineMs: 1_000, notFound });
    const failing = judgeTask(back, LINK, SPEC, origin(), []).filter((v) => v.outcome === 'fail');
    expect(failing.map((v) => v.check)).toEqual(['task-states']);
    expect(failing[0]!.message).toContain('from RUNNING to QUEUED');
    const forward = await pollTask(answers(answer(200, 'QUEUED'), answer(200, 'RUNNING'), answer(200, 'SUCCESS')), SPEC, { clock: fakeClock(), deadlineMs: 1_000, notFound });
    const verdicts = judgeTask(forward, LINK, SPEC, origin(), []);
    expect(verdicts.filter((v) => v.outcome === 'fail')).toEqual([]);
    expect(verdicts.map((v) => `${v.check} ${v.outcome}`)).toEqual(['task-known pass', 'task-ends pass', 'task-states pass']);
  });

  it('an invalid request accepted whose task fails was validated late, with its rule named; a valid one that fails is no finding', async () => {
    const failed = await pollTask(answers(answer(200, 'RUNNING'), answer(200, 'FAILED')), SPEC, { clock: fakeClock(), deadlineMs: 1_000, notFound });
    expect(failed.outcome).toBe('failed');
    const invalid = origin({ kind: 'invalid', constraintId: 'X.body.json', label: 'truncated JSON' });
    const late = judgeTask(failed, LINK, SPEC, invalid, [{ id: 'X.body.json', provenance: 'page' } as never]);
    expect(late.find((v) => v.check === 'late-validation')).toMatchObject({ outcome: 'fail', constraintId: 'X.body.json', provenance: 'page' });
    expect(judgeTask(failed, LINK, SPEC, origin(), []).filter((v) => v.outcome === 'fail')).toEqual([]);
  });

  it('stops when the run is interrupted or the request cannot be sent', async () => {
    const controller = new AbortController();
    controller.abort();
    expect((await pollTask(answers(answer(200, 'RUNNING')), SPEC, { clock: fakeClock(), deadlineMs: 1_000, notFound, signal: controller.signal })).outcome).toBe('interrupted');
    expect((await pollTask(async () => ({ notSent: 'the request budget is spent' }), SPEC, { clock: fakeClock(), deadlineMs: 1_000, notFound })).note).toBe('the request budget is spent');
  });
});
