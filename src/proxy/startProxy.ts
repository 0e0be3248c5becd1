import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { Agent, request } from 'undici';
import { DEFAULT_CONFIG } from '../config/ConformanceConfig.ts';
import { classifyError, errorCode } from '../runner/classifyError.ts';
import { CappedCopy } from './CappedCopy.ts';
import { flatHeaders } from './flatHeaders.ts';
import { forwardableHeaders } from './forwardableHeaders.ts';
import type { ObservedTraffic } from './ObservedTraffic.ts';

export interface ProxyOptions {
  /** Base URL requests are forwarded to; the client's path and query are appended to its path. */
  readonly upstream: string;
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  /** Bytes of each body kept for judging; the rest is forwarded, not kept. */
  readonly maxBodyBytes: number;
  /** Every exchange the client saw to its end (or that the upstream broke off). */
  onExchange(traffic: ObservedTraffic): void;
  /** A client that went away before its answer was through: nothing to judge. */
  onAbandoned?(method: string, path: string): void;
  /**
   * Asked before each request is forwarded: how long to wait first (ms; a rate limit), or undefined when
   * it may not be sent at all (a request budget spent). Default: every request goes at once.
   */
  admit?(): number | undefined;
  /** A request `admit` refused: the proxy answered it 503 itself, the upstream never saw it. */
  onRefused?(method: string, url: string): void;
  /** Timeouts towards the upstream (default: the run's defaults). */
  readonly timeouts?: { readonly connectMs: number; readonly headersMs: number; readonly bodyMs: number };
}

export interface RunningProxy {
  readonly url: string;
  /** Stops accepting, lets the exchanges in flight finish, then closes every connection. */
  close(): Promise<void>;
}

/** Undici's header record as raw name/value pairs (a repeated header, e.g. Set-Cookie, as an array). */
function rawPairs(headers: Record<string, string | string[] | undefined>): string[] {
  return Object.entries(headers).flatMap(([name, value]) => (value === undefined ? [] : (Array.isArray(value) ? value : [value]).flatMap((v) => [name, v])));
}

/** True when the request carries a body (HTTP/1.1 framing: a length or chunked). */
function hasBody(req: IncomingMessage): boolean {
  return req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');
}

/**
 * A forwarding HTTP proxy that changes nothing it forwards: the status, every header except the hop-by-hop
 * ones, and the bodies, streamed both ways with backpressure. On the side, a capped copy of each body
 * goes to `onExchange` for judging. An upstream that cannot be reached is answered 502 (and reported as
 * a transport failure); a redirect is passed to the client, never followed.
 */
export async function startProxy(options: ProxyOptions): Promise<RunningProxy> {
  const upstream = new URL(options.upstream);
  const prefix = upstream.pathname.replace(/\/+$/, '');
  // An upstream that never answers gets the client its 502 (and the report a transport finding) within the
  // run's default timeouts, not undici's five minutes.
  const timeouts = options.timeouts ?? DEFAULT_CONFIG.timeouts;
  const agent = new Agent({ connections: 64, headersTimeout: timeouts.headersMs, bodyTimeout: timeouts.bodyMs, connect: { timeout: timeouts.connectMs } });
  const inFlight = new Set<Promise<void>>();

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const url = `${upstream.origin}${prefix}${path}`;
    const requestCopy = new CappedCopy(options.maxBodyBytes);
    // Host names the upstream (undici sets it); Expect is answered by this server, not forwarded.
    const headers = forwardableHeaders(req.rawHeaders, ['host', 'expect']);
    const abort = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) abort.abort();
    });
    const wait = options.admit ? options.admit() : 0;
    if (wait === undefined) {
      req.resume();
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' }).end('conformance proxy: not sent (request budget spent)\n');
      options.onRefused?.(method, url);
      return;
    }
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const started = performance.now();
    const durationMs = (): number => performance.now() - started;
    const requestBody = (): string | undefined => (requestCopy.total > 0 ? requestCopy.text() : undefined);
    let answer: Awaited<ReturnType<typeof request>>;
    try {
      answer = await request(url, {
        method,
        headers,
        ...(hasBody(req) ? { body: req.pipe(requestCopy) } : {}),
        dispatcher: agent,
        signal: abort.signal,
      });
    } catch (error) {
      if (abort.signal.aborted) {
        options.onAbandoned?.(method, path);
        return;
      }
      const code = errorCode(error);
      const message = `the upstream ${upstream.origin} gave no answer: ${code ? `${code}: ` : ''}${(error as Error).message}`;
      res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' }).end(`conformance proxy: ${message}\n`);
      options.onExchange({
        method,
        url,
        requestHeaders: flatHeaders(headers),
        ...withBody(requestBody(), requestCopy.truncated),
        failure: { kind: classifyError(error), message },
        durationMs: durationMs(),
      });
      return;
    }
    const responseCopy = new CappedCopy(options.maxBodyBytes);
    const responseRaw = rawPairs(answer.headers);
    res.sendDate = false;
    res.writeHead(answer.statusCode, forwardableHeaders(responseRaw));
    let failure: ObservedTraffic['failure'];
    try {
      await pipeline(answer.body, responseCopy, res);
    } catch (error) {
      if (abort.signal.aborted) {
        options.onAbandoned?.(method, path);
        return;
      }
      const code = errorCode(error);
      failure = { kind: classifyError(error), message: `${answer.statusCode} answered, then the body failed: ${code ? `${code}: ` : ''}${(error as Error).message}` };
    }
    if (!failure && responseCopy.truncated) {
      failure = { kind: 'too-large', message: `body of ${responseCopy.total} bytes exceeds the ${options.maxBodyBytes}-byte cap; forwarded whole, first ${options.maxBodyBytes} bytes judged` };
    }
    options.onExchange({
      method,
      url,
      requestHeaders: flatHeaders(headers),
      ...withBody(requestBody(), requestCopy.truncated),
      response: { status: answer.statusCode, headers: flatHeaders(responseRaw), body: responseCopy.text(), truncated: responseCopy.truncated },
      ...(failure ? { failure } : {}),
      durationMs: durationMs(),
    });
  };

  const server = createServer((req, res) => {
    const done = handle(req, res)
      .catch((error: unknown) => {
        // A bug in judging must not take the proxy down: the client's answer is already on its way.
        if (!res.headersSent) res.writeHead(502).end();
        else res.destroy(error as Error);
      })
      .finally(() => inFlight.delete(done));
    inFlight.add(done);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
      server.closeAllConnections();
      await closed;
      await agent.close();
    },
  };
}

function withBody(body: string | undefined, cut: boolean): { requestBody?: string; requestBodyCut?: boolean } {
  return body === undefined ? {} : { requestBody: body, ...(cut ? { requestBodyCut: true } : {}) };
}
