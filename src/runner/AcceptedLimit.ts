import { AcceptedLimitError } from './AcceptedLimitError.ts';

interface ResourceState {
  accepted: number;
  /** Requests sent and not answered yet: each may still be accepted. */
  inFlight: number;
  /** Requests never sent because the limit was reached. */
  refused: number;
  readonly waiting: Array<() => void>;
}

/** What the limit did to one resource. */
export interface AcceptedLimitState {
  readonly resource: string;
  readonly accepted: number;
  /** State-changing requests not sent because the limit was reached. */
  readonly notSent: number;
}

/**
 * At most `limit` accepted (2xx) state-changing requests per resource (`--max-accepted`). A request
 * reserves its place before it is sent, so with many requests in flight the limit still holds: while
 * `accepted + in flight` is at the limit, the next request waits for an answer; a refused one frees its
 * place, an accepted one keeps it, and once `accepted` is at the limit every further request is refused
 * with `AcceptedLimitError`.
 */
export class AcceptedLimit {
  readonly #limit: number;
  readonly #resources = new Map<string, ResourceState>();

  constructor(limit: number) {
    if (!(Number.isInteger(limit) && limit >= 1)) throw new RangeError(`the accepted-request limit must be an integer >= 1, got ${limit}`);
    this.#limit = limit;
  }

  get limit(): number {
    return this.#limit;
  }

  #state(resource: string): ResourceState {
    let state = this.#resources.get(resource);
    if (!state) {
      state = { accepted: 0, inFlight: 0, refused: 0, waiting: [] };
      this.#resources.set(resource, state);
    }
    return state;
  }

  /** Waits for a place; returns the function that settles it with the answer's status (`undefined`: no answer). */
  async reserve(resource: string): Promise<(status: number | undefined) => void> {
    const state = this.#state(resource);
    while (state.accepted + state.inFlight >= this.#limit && state.accepted < this.#limit) {
      await new Promise<void>((resolve) => state.waiting.push(resolve));
    }
    if (state.accepted >= this.#limit) {
      state.refused += 1;
      throw new AcceptedLimitError(this.#limit, resource);
    }
    state.inFlight += 1;
    let settled = false;
    return (status) => {
      if (settled) return;
      settled = true;
      state.inFlight -= 1;
      if (status !== undefined && status >= 200 && status <= 299) state.accepted += 1;
      // Every waiter looks again: one may take the freed place, the others wait or are refused.
      for (const wake of state.waiting.splice(0)) wake();
    };
  }

  /** The resources whose limit was reached, with what it kept from being sent. */
  reached(): AcceptedLimitState[] {
    return [...this.#resources.entries()].filter(([, s]) => s.accepted >= this.#limit).map(([resource, s]) => ({ resource, accepted: s.accepted, notSent: s.refused }));
  }
}
