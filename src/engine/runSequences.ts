import type { Case } from '../model/Case.ts';
import type { CaseResult } from '../model/CaseResult.ts';
import { valueAt } from '../openapi/pointer.ts';
import { matchesStatusKey } from '../checks/matchesStatusKey.ts';
import { pendingState } from '../checks/pendingState.ts';
import { stateExpectations, type StepOutcome } from '../plan/stateExpectations.ts';
import type { PreparedOperation } from './PreparedOperation.ts';

export interface SequenceItem {
  readonly testCase: Case;
  readonly prepared: PreparedOperation;
}

function objectAt(root: unknown, pointer: string): Record<string, unknown> | undefined {
  const value = valueAt(root, pointer);
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** What a sent step showed: the object sent, whether the update was applied, and the object answered. */
function outcomeOf(testCase: Case, result: CaseResult, prepared: PreparedOperation): StepOutcome {
  const step = testCase.sequence!;
  const sent = objectAt(testCase.request.body && 'json' in testCase.request.body ? testCase.request.body.json : undefined, step.reflects.sent) ?? {};
  const response = result.status === 'ran' && !result.exchange.failure ? result.exchange.response : undefined;
  if (!response || !matchesStatusKey(step.reflects.status, response.status)) return { step, sent, applied: false };
  const shown = objectAt(response.json, step.reflects.shown);
  const pending = pendingState(prepared.operation.hints.pending, response.status, response.json) !== undefined;
  return { step, sent, applied: !pending, ...(shown ? { shown } : {}) };
}

/**
 * Sends the steps of state sequences in order, one at a time per operation (its resource sees nothing
 * else meanwhile: the engine runs them after every other case of the operation), each with the
 * expectations the answers before it give (`Case.expect`). Steps of different sequences of one operation
 * (a corpus sequence of another seed) follow each other; operations run side by side.
 */
export async function runSequences(items: readonly SequenceItem[], send: (item: SequenceItem, testCase: Case) => Promise<CaseResult>, signal: AbortSignal): Promise<void> {
  const byOperation = new Map<PreparedOperation, SequenceItem[]>();
  for (const item of items) byOperation.set(item.prepared, [...(byOperation.get(item.prepared) ?? []), item]);
  await Promise.all(
    [...byOperation.values()].map(async (steps) => {
      const outcomes = new Map<string, StepOutcome[]>();
      for (const item of steps) {
        if (signal.aborted) return;
        const step = item.testCase.sequence!;
        const before = outcomes.get(step.id) ?? [];
        const result = await send(item, { ...item.testCase, expect: stateExpectations(step, before) });
        outcomes.set(step.id, [...before, outcomeOf(item.testCase, result, item.prepared)]);
      }
    }),
  );
}
