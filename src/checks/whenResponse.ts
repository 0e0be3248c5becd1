import type { Verdict } from '../model/Verdict.ts';
import type { AnsweredExchange } from './AnsweredExchange.ts';
import type { Check, CheckContext } from './Check.ts';
import type { Provenance } from '../model/Provenance.ts';
import type { IntentKind } from '../model/Case.ts';

/** A check that only looks at exchanges with a response; a transport failure is the `transport` check's business. */
export function whenResponse(check: {
  readonly name: string;
  readonly title: string;
  readonly provenance: Provenance;
  readonly plans?: readonly IntentKind[];
  run(exchange: AnsweredExchange, context: CheckContext): Verdict | readonly Verdict[] | undefined;
}): Check {
  return {
    name: check.name,
    title: check.title,
    provenance: check.provenance,
    ...(check.plans ? { plans: check.plans } : {}),
    run: (exchange, context) => (exchange.failure || !exchange.response ? undefined : check.run(exchange as AnsweredExchange, context)),
  };
}
