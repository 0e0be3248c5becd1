import { setMaxListeners } from 'node:events';
import { debuglog } from 'node:util';
import type { Dispatcher } from 'undici';
import type { Case } from '../model/Case.ts';
import type { Exchange, RecordedResponse, TransportFailure } from '../model/Exchange.ts';
import type { CredentialScheme } from '../openapi/Operation.ts';
import { buildRequest } from './buildRequest.ts';
import { omitPlannedHeaders } from './omitPlannedHeaders.ts';
import { classifyError, errorCode } from './classifyError.ts';
import { CollectHandler, type Collected } from './CollectHandler.ts';
import { AcceptedLimit, type AcceptedLimitState } from './AcceptedLimit.ts';
import { createDispatcher } from './createDispatcher.ts';
import { Limiter } from './Limiter.ts';
import { Pacer } from './Pacer.ts';
import { credentialHeaderNames } from './credentialHeaderNames.ts';
import { redactResponseHeaders, redactText } from './redact.ts';
import { redactSent } from './redactSent.ts';
import { requestTarget } from './requestTarget.ts';
import { REPRESENTATION_HEADERS } from './representationHeaders.ts';
import { RequestBudgetError } from './RequestBudgetError.ts';
import { RunInterruptedError } from './RunInterruptedError.ts';
import type { RunnerOptions } from './RunnerOptions.ts';
import { methodPolicy, type SendPolicy } from './SendPolicy.ts';

const debug = debuglog('conformance');

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Sends planned cases over one shared keep-alive dispatcher. The only network I/O of a run.
 *
 * - Concurrency, pacing (`rateLimitPerSecond`) and the request budget apply to every request that
 *   reaches the server, retries included. Once the budget is spent `send()` throws `RequestBudgetError`
 *   (a tool error that stops the run; what ran is still reported); a retry that would overspend is
 *   skipped and the last 429/503 is reported.
 * - A request that is not idempotent (`SendPolicy`) is retried on 429 only: a 503 to it is an answer.
 * - A state-changing request names its resource; with `maxAccepted`, once that many were accepted (2xx)
 *   for a resource, `send()` throws `AcceptedLimitError` for it without sending (places are reserved
 *   before sending, so requests in flight cannot overshoot).
 * - Server misbehaviour never throws: the Exchange carries a `failure`. A 3xx is a `redirect` failure
 *   (never followed); a 429 (or a 503 with `Retry-After`) still there after the retries is `rate-limited`;
 *   a body over `maxResponseBytes` is a `too-large` failure whose `response` keeps the status, headers
 *   and the first `maxResponseBytes` bytes (`truncated: true`).
 * - Once `signal` aborts (the run was interrupted), requests in flight are cut and every `send()` throws
 *   `RunInterruptedError`: an unanswered request is not a finding about the server.
 * - `sent` is redacted before it leaves: credential headers show `[REDACTED]`; failure messages,
 *   response headers and response bodies are scrubbed of credential values (`#toExchange`).
 */
export class HttpRunner {
  readonly #options: RunnerOptions;
  readonly #dispatcher: Dispatcher;
  /** Retries 429 only: for requests that are not idempotent. */
  readonly #nonIdempotent: Dispatcher;
  readonly #accepted: AcceptedLimit | undefined;
  readonly #close: () => Promise<void>;
  readonly #limiter: Limiter;
  readonly #pacer: Pacer | undefined;
  /** Follows the run's signal with one listener; each request in flight listens here. */
  readonly #signal: AbortSignal | undefined;
  #sent = 0;
  /** The credential header names of each set of credential schemes (an operation's), computed once. */
  readonly #credentialNames = new WeakMap<readonly CredentialScheme[], ReadonlySet<string>>();
  #closed: Promise<void> | undefined;

  constructor(options: RunnerOptions) {
    this.#options = options;
    if (options.signal) {
      this.#signal = AbortSignal.any([options.signal]);
      setMaxListeners(options.concurrency + 1, this.#signal);
    }
    this.#limiter = new Limiter(options.concurrency);
    this.#pacer = options.rateLimitPerSecond !== undefined ? new Pacer(options.rateLimitPerSecond) : undefined;
    this.#accepted = options.maxAccepted !== undefined ? new AcceptedLimit(options.maxAccepted) : undefined;
    const { dispatcher, nonIdempotent, close } = createDispatcher(options, { claimRetry: () => this.#claimRetry() });
    this.#dispatcher = dispatcher;
    this.#nonIdempotent = nonIdempotent;
    this.#close = close;
  }

  /** Requests that reached (or were dispatched to) a server so far, retries included. */
  get sentCount(): number {
    return this.#sent;
  }

  /** The resources whose accepted-request limit was reached (empty without `maxAccepted`). */
  get acceptedLimitReached(): AcceptedLimitState[] {
    return this.#accepted?.reached() ?? [];
  }

  /**
   * Sends one planned case to baseUrl; never throws for server misbehaviour (see the class comment).
   * Without a policy, the request's method says whether it is idempotent, and no resource is counted.
   */
  async send(testCase: Case, baseUrl: string, credentialSchemes: readonly CredentialScheme[], policy: SendPolicy = methodPolicy(testCase.request.method)): Promise<Exchange> {
    // The place is reserved before a concurrency slot is taken: requests waiting for a resource's answer
    // do not hold up requests to other resources.
    const settle = policy.resource !== undefined && this.#accepted ? await this.#accepted.reserve(policy.resource) : undefined;
    let status: number | undefined;
    try {
      const exchange = await this.#limiter.run(() => this.#sendRenewing(testCase, baseUrl, credentialSchemes, policy));
      status = exchange.response?.status;
      return exchange;
    } finally {
      settle?.(status);
    }
  }

  /** Closes the connections once in-flight requests are done. Safe to call twice. */
  close(): Promise<void> {
    this.#closed ??= this.#close();
    return this.#closed;
  }

  /** One more request: undefined when the budget is spent, else the wait the pace asks for (ms). */
  #claimRetry(): number | undefined {
    const max = this.#options.maxRequests;
    if (max !== undefined && this.#sent >= max) return undefined;
    this.#sent += 1;
    return this.#pacer?.reserve() ?? 0;
  }

  /**
   * Sends once; a 401 to a request that carried a login's token (`sessions`) that worked before renews
   * the token and sends the request once more with the fresh one, whatever its method: a 401 says the
   * server refused it before acting on it, so the state-changing request still takes effect at most once.
   * Any other answer, or none (a timeout), is never sent again here.
   */
  async #sendRenewing(testCase: Case, baseUrl: string, credentialSchemes: readonly CredentialScheme[], policy: SendPolicy): Promise<Exchange> {
    const sessions = this.#options.sessions;
    const first = await this.#send(testCase, baseUrl, credentialSchemes, policy);
    if (sessions === undefined || first.generation === undefined || first.exchange.response === undefined) return first.exchange;
    const { operationId } = testCase;
    if (first.exchange.response.status !== 401) {
      sessions.accepted(operationId, first.generation);
      return first.exchange;
    }
    if (!(await sessions.renew(operationId, first.generation))) return first.exchange;
    const again = await this.#send(testCase, baseUrl, credentialSchemes, policy);
    if (again.generation !== undefined && again.exchange.response !== undefined && again.exchange.response.status !== 401) sessions.accepted(operationId, again.generation);
    return again.exchange;
  }

  async #send(testCase: Case, baseUrl: string, credentialSchemes: readonly CredentialScheme[], policy: SendPolicy): Promise<{ exchange: Exchange; generation?: number }> {
    const signal = this.#signal;
    if (signal?.aborted) throw new RunInterruptedError();
    const built = omitPlannedHeaders(buildRequest(testCase, baseUrl, credentialSchemes, this.#options), testCase);
    const sent = redactSent(built);
    // The first attempt takes its place in the budget and the pace like any retry.
    const wait = this.#claimRetry();
    if (wait === undefined) throw new RequestBudgetError(this.#options.maxRequests!);
    if (wait > 0) await delay(wait);
    if (signal?.aborted) throw new RunInterruptedError();

    const started = performance.now();
    let collected: Collected;
    try {
      const url = new URL(built.url);
      collected = await new Promise<Collected>((resolve) => {
        const onAbort = (): void => handler.abort(new RunInterruptedError());
        const handler = new CollectHandler(this.#options.maxResponseBytes, (value) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(value);
        });
        signal?.addEventListener('abort', onAbort, { once: true });
        try {
          (policy.idempotent ? this.#dispatcher : this.#nonIdempotent).dispatch(
            { origin: url.origin, path: requestTarget(built.url), method: built.method, headers: built.headers, body: built.bodyText ?? null },
            handler,
          );
        } catch (error) {
          handler.onResponseError(undefined, error as Error);
        }
      });
    } catch (error) {
      collected = { truncated: false, error: error as Error, attempts: 0 };
    }
    if (collected.error instanceof RunInterruptedError) throw collected.error;
    const durationMs = performance.now() - started;
    // Named by what carries credentials (not by what happened to contain a short token, like content-type).
    const session = this.#options.sessions?.current(testCase.operationId)?.scheme.header;
    // Named once per set of schemes; a login session's header is added to it per request.
    let credentialNames = this.#credentialNames.get(credentialSchemes);
    if (!credentialNames) {
      credentialNames = credentialHeaderNames([], [...credentialSchemes.map((s) => s.header), ...Object.keys(this.#options.headers).filter((name) => !REPRESENTATION_HEADERS.has(name.toLowerCase()))]);
      this.#credentialNames.set(credentialSchemes, credentialNames);
    }
    if (session !== undefined && !credentialNames.has(session.toLowerCase())) credentialNames = new Set([...credentialNames, session.toLowerCase()]);
    const exchange = this.#toExchange(testCase, sent, collected, durationMs, built.secrets, credentialNames, policy);
    if (debug.enabled) debug('%s %s -> %s %dms', sent.method, sent.url, exchange.failure ? exchange.failure.kind : String(exchange.response?.status), Math.round(durationMs));
    return { exchange, ...(built.sessionGeneration !== undefined ? { generation: built.sessionGeneration } : {}) };
  }

  /**
   * The one place an answer enters the run: every credential value is scrubbed here, from the response
   * headers (`Set-Cookie` and credential-named ones whole), the body, the parsed JSON and failure
   * messages, so checks, reporters, the corpus and every log line downstream only see clean data.
   */
  #toExchange(testCase: Case, sent: Exchange['sent'], collected: Collected, durationMs: number, secrets: readonly string[], credentialNames: ReadonlySet<string>, policy: SendPolicy): Exchange {
    const fail = (kind: TransportFailure['kind'], message: string): TransportFailure => ({ kind, message: redactText(message, secrets), durationMs });
    const { status, error } = collected;
    if (status === undefined || collected.headers === undefined) {
      const cause = error ?? new Error('no response');
      const code = errorCode(cause);
      const message = code && !cause.message.includes(code) ? `${code}: ${cause.message}` : cause.message;
      return { case: testCase, sent, failure: fail(classifyError(cause), message || (code ?? 'request failed')) };
    }

    const headers = redactResponseHeaders(collected.headers, credentialNames, secrets);
    const raw = (collected.body ?? Buffer.alloc(0)).toString('utf8');
    const bodyText = redactText(raw, secrets);
    let json: unknown;
    if (!collected.truncated && raw.length > 0) {
      // Parsed from the bytes received, so scrubbing never garbles the structure; only when a credential
      // was echoed are string values scrubbed (a reviver on every body would halve the throughput).
      try {
        json = bodyText === raw ? JSON.parse(raw) : JSON.parse(raw, (_key, value: unknown) => (typeof value === 'string' ? redactText(value, secrets) : value));
      } catch {
        json = undefined;
      }
    }
    const response: RecordedResponse = { status, headers, bodyText, ...(json !== undefined ? { json } : {}), truncated: collected.truncated, durationMs };
    const withFailure = (failure: TransportFailure): Exchange => ({ case: testCase, sent, response, failure });

    if (error) {
      // Headers came, the body did not finish.
      const code = errorCode(error);
      return withFailure(fail(classifyError(error), `${status} answered, then the body failed: ${code ? `${code}: ` : ''}${error.message}`));
    }
    if (collected.truncated) {
      const length = headers['content-length'];
      return withFailure(
        fail('too-large', `body exceeds the ${this.#options.maxResponseBytes}-byte cap${length ? ` (content-length ${length})` : ''}; first ${this.#options.maxResponseBytes} bytes kept`),
      );
    }
    if (status >= 300 && status < 400 && status !== 304) {
      return withFailure(fail('redirect', `answered ${status} redirecting to ${headers.location ?? '(no Location header)'}; redirects are not followed`));
    }
    // A 503 to a request that is not idempotent was not retried: it is an answer, for the checks to judge.
    if (status === 429 || (status === 503 && headers['retry-after'] !== undefined && policy.idempotent)) {
      const spent = this.#options.maxRequests !== undefined && this.#sent >= this.#options.maxRequests;
      const retryAfter = headers['retry-after'] !== undefined ? ` (Retry-After: ${headers['retry-after']})` : '';
      return withFailure(fail('rate-limited', `still ${status}${retryAfter} after ${collected.attempts} attempt${collected.attempts === 1 ? '' : 's'}${spent ? '; request budget spent' : ''}`));
    }
    return { case: testCase, sent, response };
  }
}
