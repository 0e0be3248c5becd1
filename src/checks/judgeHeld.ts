import { isDeepStrictEqual } from 'node:util';
import type { HeldValue } from '../model/Case.ts';
import type { Verdict } from '../model/Verdict.ts';
import { valueAt } from '../openapi/pointer.ts';
import type { AnsweredExchange } from './AnsweredExchange.ts';
import type { CheckContext } from './Check.ts';
import { describeValue } from './describeValue.ts';
import { matchesStatusKey } from './matchesStatusKey.ts';
import { pendingState } from './pendingState.ts';
import { responseJson } from './responseJson.ts';

/**
 * Judges the held values of one kind that a state-sequence step's answer must show (`case.expect`): only
 * on the answer of the status that shows the updated object, never while it reports a documented pending
 * state, and a member the answer leaves out is not compared.
 */
export function judgeHeld(check: string, kind: HeldValue['kind'], { case: testCase, response }: AnsweredExchange, { operation }: CheckContext): Verdict[] | undefined {
  const held = (testCase.expect ?? []).filter((h) => h.kind === kind);
  const step = testCase.sequence;
  if (!step || held.length === 0 || !matchesStatusKey(step.reflects.status, response.status)) return undefined;
  const body = responseJson(response);
  const shown = valueAt(body, step.reflects.shown);
  if (shown === null || typeof shown !== 'object' || Array.isArray(shown)) return [{ check, outcome: 'skip', message: `${step.reflects.shown || 'the body'} is not an object: nothing to compare` }];
  const pending = pendingState(operation.hints.pending, response.status, body);
  if (pending !== undefined) return [{ check, outcome: 'skip', message: `${pending}: the update is not applied yet, not compared` }];
  const object = shown as Record<string, unknown>;
  return held.map((h): Verdict => {
    const where = `${step.reflects.shown}/${h.member}`;
    const actual = object[h.member];
    if (actual === undefined) return { check, outcome: 'skip', message: `${where} not shown: not compared` };
    const same = isDeepStrictEqual(actual, h.value);
    if (kind === 'persisted') {
      return same
        ? { check, outcome: 'pass', message: `${where} still shows ${describeValue(h.value)} (${h.because})` }
        : {
            check,
            outcome: 'fail',
            message: `${where} = ${describeValue(actual)}, expected ${describeValue(h.value)} stored by an earlier update (${h.because}): the update was answered but not kept`,
            provenance: step.provenance,
          };
    }
    return same
      ? { check, outcome: 'fail', message: `${where} = ${describeValue(actual)}: the request's undocumented member was written into the resource (${h.because})` }
      : { check, outcome: 'pass', message: `${where} = ${describeValue(actual)}, not the undocumented value sent` };
  });
}
