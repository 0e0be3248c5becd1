import type { Dispatcher } from 'undici';

/** What came back for one request: a response (maybe cut at the cap) or the error that ended it. */
export interface Collected {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  readonly body?: Buffer;
  /** The body was longer than the cap: `body` holds its first `cap` bytes. */
  readonly truncated: boolean;
  readonly error?: Error;
  /** Attempts the retry layer made (each one starts a request). */
  readonly attempts: number;
}

class BodyCapReached extends Error {}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/**
 * An undici dispatch handler that gathers the response body up to a byte cap and settles one promise;
 * at the cap it aborts the request (the connection is dropped, the rest is never read). Cheaper than a
 * body stream: no stream machinery per request.
 */
export class CollectHandler implements Dispatcher.DispatchHandler {
  readonly #cap: number;
  readonly #resolve: (collected: Collected) => void;
  #status: number | undefined;
  #headers: Record<string, string> | undefined;
  readonly #chunks: Buffer[] = [];
  #size = 0;
  #truncated = false;
  #attempts = 0;
  #settled = false;
  #controller: Dispatcher.DispatchController | undefined;

  constructor(cap: number, resolve: (collected: Collected) => void) {
    this.#cap = cap;
    this.#resolve = resolve;
  }

  onRequestStart(controller: Dispatcher.DispatchController): void {
    this.#controller = controller;
    this.#attempts += 1;
  }

  /** Ends the request now with `reason` (the run was interrupted); nothing more is read. */
  abort(reason: Error): void {
    if (this.#settled) return;
    this.#settle(reason);
    this.#controller?.abort(reason);
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number, headers: Record<string, string | string[] | undefined>): void {
    this.#status = statusCode;
    this.#headers = flattenHeaders(headers);
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.#truncated) return;
    const room = this.#cap - this.#size;
    if (chunk.length <= room) {
      this.#chunks.push(chunk);
      this.#size += chunk.length;
      return;
    }
    if (room > 0) this.#chunks.push(chunk.subarray(0, room));
    this.#size = this.#cap;
    this.#truncated = true;
    controller.abort(new BodyCapReached('body cap reached'));
  }

  onResponseEnd(): void {
    this.#settle();
  }

  onResponseError(_controller: Dispatcher.DispatchController | undefined, error: Error): void {
    // Our own abort at the cap is a successful (cut) read, not an error.
    this.#settle(this.#truncated ? undefined : error);
  }

  #settle(error?: Error): void {
    if (this.#settled) return;
    this.#settled = true;
    const body = this.#chunks.length === 1 ? (this.#chunks[0] as Buffer) : Buffer.concat(this.#chunks, this.#size);
    this.#resolve({
      ...(this.#status !== undefined ? { status: this.#status } : {}),
      ...(this.#headers !== undefined ? { headers: this.#headers } : {}),
      body,
      truncated: this.#truncated,
      ...(error !== undefined ? { error } : {}),
      attempts: this.#attempts,
    });
  }
}
