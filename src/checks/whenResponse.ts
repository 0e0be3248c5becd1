import type { Verdict } from '../model/Verdict.ts';
import type { AnsweredExchange } from './AnsweredExchange.ts';
import type { Check, CheckContext } from './Check.ts';

/** A check that only looks at exchanges with a response; a transport failure is the `transport` check's business. */
export function whenResponse(check: Omit<Check, 'run'> & { run(exchange: AnsweredExchange, context: CheckContext): Verdict | readonly Verdict[] | undefined }): Check {
  return {
    ...check,
    run: (exchange, context) => (exchange.failure || !exchange.response ? undefined : check.run(exchange as AnsweredExchange, context)),
  };
}
