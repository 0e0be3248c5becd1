import type { IncomingHttpHeaders } from 'node:http';
import type { Duplex } from 'node:stream';
import { errors, type Dispatcher } from 'undici';

export interface DeadlineTimeouts {
  readonly connectMs: number;
  readonly headersMs: number;
  readonly bodyMs: number;
}

/** The controller handed on when the timer fires before undici gave one: it reads as aborted. */
function abortedController(reason: Error): Dispatcher.DispatchController {
  return { aborted: true, paused: false, reason, abort: () => undefined, pause: () => undefined, resume: () => undefined };
}

/**
 * Wraps one attempt's handler with a timer that is armed for as long as the attempt is pending: from
 * dispatch until the request is written (connect + headers), then until the headers come, then between
 * body chunks. When it fires, the attempt is aborted and the handler gets undici's own timeout error,
 * once; anything undici reports afterwards is dropped.
 */
class DeadlineHandler implements Dispatcher.DispatchHandler {
  readonly #inner: Dispatcher.DispatchHandler;
  readonly #timeouts: DeadlineTimeouts;
  #controller: Dispatcher.DispatchController | undefined;
  /** What the inner handler gets: undici's controller, with pausing stopping the timer. */
  #handed: Dispatcher.DispatchController | undefined;
  #timer: NodeJS.Timeout | undefined;
  #expired: Error | undefined;
  #settled = false;

  constructor(inner: Dispatcher.DispatchHandler, timeouts: DeadlineTimeouts) {
    this.#inner = inner;
    this.#timeouts = timeouts;
    const total = timeouts.connectMs + timeouts.headersMs;
    this.#arm(total, () => new errors.HeadersTimeoutError(`no response headers within ${total} ms of sending (connect and headers timeouts)`));
  }

  onRequestStart(controller: Dispatcher.DispatchController, context: unknown): void {
    if (this.#expired) {
      controller.abort(this.#expired);
      return;
    }
    this.#controller = controller;
    this.#handed = this.#pauseAware(controller);
    const ms = this.#timeouts.headersMs;
    this.#arm(ms, () => new errors.HeadersTimeoutError(`no response headers within ${ms} ms`));
    this.#inner.onRequestStart?.(this.#handed, context);
  }

  onRequestUpgrade(controller: Dispatcher.DispatchController, statusCode: number, headers: IncomingHttpHeaders, socket: Duplex): void {
    this.#inner.onRequestUpgrade?.(this.#handed ?? controller, statusCode, headers, socket);
  }

  onResponseStart(controller: Dispatcher.DispatchController, statusCode: number, headers: IncomingHttpHeaders, statusMessage?: string): void {
    if (this.#settled) return;
    this.#armBody();
    this.#inner.onResponseStart?.(this.#handed ?? controller, statusCode, headers, statusMessage);
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.#settled) return;
    this.#timer?.refresh();
    this.#inner.onResponseData?.(this.#handed ?? controller, chunk);
  }

  onResponseEnd(controller: Dispatcher.DispatchController, trailers: IncomingHttpHeaders): void {
    if (this.#settle()) this.#inner.onResponseEnd?.(this.#handed ?? controller, trailers);
  }

  onResponseError(controller: Dispatcher.DispatchController, error: Error): void {
    if (this.#settle()) this.#inner.onResponseError?.(this.#handed ?? controller, error);
  }

  /**
   * A paused response waits on us, not on the server (the retry interceptor pauses a 429 while it waits
   * for Retry-After): no timer while paused, the body timer again on resume.
   */
  #pauseAware(controller: Dispatcher.DispatchController): Dispatcher.DispatchController {
    return {
      get aborted() {
        return controller.aborted;
      },
      get paused() {
        return controller.paused;
      },
      get reason() {
        return controller.reason;
      },
      get rawHeaders() {
        return controller.rawHeaders;
      },
      get rawTrailers() {
        return controller.rawTrailers;
      },
      abort: (reason) => controller.abort(reason),
      pause: () => {
        clearTimeout(this.#timer);
        controller.pause();
      },
      resume: () => {
        if (!this.#settled) this.#armBody();
        controller.resume();
      },
    };
  }

  #armBody(): void {
    const ms = this.#timeouts.bodyMs;
    this.#arm(ms, () => new errors.BodyTimeoutError(`no body data for ${ms} ms`));
  }

  /** True the first time: the attempt is over, its timer stops. */
  #settle(): boolean {
    clearTimeout(this.#timer);
    if (this.#settled) return false;
    this.#settled = true;
    return true;
  }

  #arm(ms: number, error: () => Error): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      const reason = error();
      this.#expired = reason;
      // undici answers an abort through onResponseError; should it not, the handler still hears of it.
      this.#controller?.abort(reason);
      if (this.#settle()) this.#inner.onResponseError?.(this.#handed ?? abortedController(reason), reason);
    }, ms);
  }
}

/**
 * undici runs its headers and body timeouts on fast timers that tick about once a second, so a
 * `--timeout 50` waited a second or more; and a request undici never answers would hold its place in
 * the pool for good. This interceptor keeps a precise timer per attempt (composed under the retry
 * interceptor, so a Retry-After wait is never counted as the server's) and ends the attempt with
 * undici's own timeout error, which the runner reports as a `timeout` transport failure. undici's timers
 * stay set as a second line.
 */
export function requestDeadline(timeouts: DeadlineTimeouts): Dispatcher.DispatcherComposeInterceptor {
  return (dispatch) => (options, handler) => {
    const guarded = new DeadlineHandler(handler, timeouts);
    try {
      return dispatch(options, guarded);
    } catch (error) {
      // A request undici refuses outright (an invalid header, say) ends as that error, never as a hang.
      guarded.onResponseError(abortedController(error as Error), error as Error);
      return true;
    }
  };
}
