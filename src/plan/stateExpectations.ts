import { isDeepStrictEqual } from 'node:util';
import type { HeldValue, SequenceStep } from '../model/Case.ts';

/** What an earlier step of the sequence sent and what its answer showed. */
export interface StepOutcome {
  readonly step: SequenceStep;
  /** The object the step sent (at `reflects.sent`). */
  readonly sent: Readonly<Record<string, unknown>>;
  /** True when it was answered with the status whose answer shows the object, and not in a pending state. */
  readonly applied: boolean;
  /** The object its answer showed (at `reflects.shown`), when it did. */
  readonly shown?: Readonly<Record<string, unknown>>;
}

/**
 * What the answer to `step` must show, given the steps before it: every member an earlier applied update
 * sent, and no later step sent, shows the value sent (`persisted`); every member a mass-assignment step
 * planted does not show the planted value (`not-assigned`) when an answer before it showed another value
 * (so a server that happens to hold that value is never blamed).
 */
export function stateExpectations(step: SequenceStep, before: readonly StepOutcome[]): HeldValue[] {
  const held: HeldValue[] = [];
  const latest = new Map<string, { value: unknown; because: string }>();
  for (const outcome of before) {
    if (!outcome.applied) continue;
    for (const member of outcome.step.sets) latest.set(member, { value: outcome.sent[member], because: `step ${outcome.step.step + 1} sent it` });
  }
  for (const [member, { value, because }] of latest) {
    if (!step.sets.includes(member)) held.push({ member, kind: 'persisted', value, because });
  }
  const planting = [
    ...before.filter((o) => o.step.planted !== undefined).map((o) => ({ planted: o.step.planted!, index: before.indexOf(o) })),
    ...(step.planted ? [{ planted: step.planted, index: before.length }] : []),
  ];
  for (const { planted, index } of planting) {
    for (const [member, value] of Object.entries(planted)) {
      // The value the resource had before the planting step, as the last answer before it showed.
      const known = before
        .slice(0, index)
        .reverse()
        .find((o) => o.shown !== undefined && o.shown[member] !== undefined)?.shown?.[member];
      if (known === undefined || isDeepStrictEqual(known, value)) continue;
      held.push({ member, kind: 'not-assigned', value, because: `sent as an undocumented member in step ${index + 1}; the resource showed ${JSON.stringify(known)} before` });
    }
  }
  return held;
}
