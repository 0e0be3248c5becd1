import type { Exchange, RecordedResponse } from '../model/Exchange.ts';

/** An exchange that got a usable response. */
export interface AnsweredExchange extends Exchange {
  readonly response: RecordedResponse;
}
