import type { Constraint } from '../model/Constraint.ts';
import type { Exchange } from '../model/Exchange.ts';
import type { Verdict } from '../model/Verdict.ts';
import type { LinkSpec, TaskSpec } from '../openapi/LinkSpec.ts';
import type { PolledTask } from './pollTask.ts';
import { stateOf } from './pollTask.ts';

/** The rank of a state in the documented order; undefined for a state the order does not list. */
function rankOf(spec: TaskSpec, state: string): number | undefined {
  const rank = spec.order.findIndex((group) => group.includes(state));
  return rank < 0 ? undefined : rank;
}

/** The first answer whose state goes back (a lower rank), or leaves a terminal state, with the states it moved between. */
function firstStepBack(spec: TaskSpec, exchanges: readonly Exchange[]): { exchange: Exchange; from: string; to: string } | undefined {
  let held: string | undefined;
  for (const exchange of exchanges) {
    const state = stateOf(exchange, spec);
    if (state === undefined) continue;
    if (held !== undefined && state !== held) {
      const before = rankOf(spec, held);
      const now = rankOf(spec, state);
      if (spec.terminal.includes(held) || (before !== undefined && now !== undefined && now < before)) return { exchange, from: held, to: state };
    }
    held = state;
  }
  return undefined;
}

/**
 * The verdicts of one followed task: its id is known to the linked operation (`task-known`), it ends
 * before the deadline (`task-ends`), its states only move forward (`task-states`), and a request that
 * breaks a rule is not accepted only to fail as a task (`late-validation`, with the rule's provenance).
 * Each verdict about an answer of the task names that exchange (`on`), as from the case's own request.
 */
export function judgeTask(polled: PolledTask, link: LinkSpec, spec: TaskSpec, origin: Exchange, catalogue: readonly Constraint[]): Verdict[] {
  const on = (exchange: Exchange | undefined): { on?: Exchange } => (exchange ? { on: { ...exchange, case: origin.case } } : {});
  const provenance = link.provenance;
  const last = polled.exchanges[polled.exchanges.length - 1];
  const verdicts: Verdict[] = [];
  const id = Object.values(last?.case.request.pathParams ?? {}).join(', ');
  if (polled.outcome === 'unknown-id') {
    verdicts.push({
      check: 'task-known',
      outcome: 'fail',
      provenance,
      message: `link ${link.name}: ${link.operationId} answered ${last?.response?.status ?? ''} for ${id}, the id the ${origin.response?.status ?? ''} answer gave (${link.source})`,
      ...on(last),
    });
  } else if (polled.exchanges.some((e) => e.response && e.response.status >= 200 && e.response.status <= 299)) {
    verdicts.push({ check: 'task-known', outcome: 'pass', message: `link ${link.name}: ${link.operationId} knows ${id}` });
  }
  if (polled.outcome === 'deadline') {
    verdicts.push({
      check: 'task-ends',
      outcome: 'fail',
      provenance,
      message: `link ${link.name}: task ${id} ${polled.note ?? 'did not end'} (deadline; terminal states ${spec.terminal.join(', ')})`,
      ...on(last),
    });
  } else if (polled.outcome === 'succeeded' || polled.outcome === 'failed') {
    verdicts.push({ check: 'task-ends', outcome: 'pass', message: `link ${link.name}: task ${id} ended ${polled.state ?? ''} after ${polled.durationMs} ms` });
  }
  const back = firstStepBack(spec, polled.exchanges);
  if (back) {
    verdicts.push({
      check: 'task-states',
      outcome: 'fail',
      provenance,
      message: `link ${link.name}: task ${id} went from ${back.from} to ${back.to}; the documented order is ${spec.order.map((g) => g.join('|')).join(' → ')}`,
      ...on(back.exchange),
    });
  } else if (polled.states.some((s) => s.state !== undefined)) {
    verdicts.push({ check: 'task-states', outcome: 'pass', message: `link ${link.name}: task ${id} moved forward (${polled.states.map((s) => s.state ?? '?').join(' → ')})` });
  }
  const { intent } = origin.case;
  if (intent.kind === 'invalid' && polled.outcome === 'failed') {
    const constraint = catalogue.find((c) => c.id === intent.constraintId);
    verdicts.push({
      check: 'late-validation',
      outcome: 'fail',
      constraintId: intent.constraintId,
      provenance: constraint?.provenance ?? 'page',
      message: `the request breaks ${intent.constraintId} (${intent.label}) and was answered ${origin.response?.status ?? ''}, then its task ${id} ended ${polled.state ?? ''}: the input was validated late; it should have been rejected`,
    });
  }
  return verdicts;
}
