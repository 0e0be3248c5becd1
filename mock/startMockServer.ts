import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigError } from '../src/errors/ConformanceError.ts';
import { credentialTextProblem } from '../src/config/credentialTextProblem.ts';
import { loadSpecs } from '../src/openapi/loadSpecs.ts';
import { credentialHeaderNames } from '../src/runner/credentialHeaderNames.ts';
import { redactHeaders, redactText } from '../src/runner/redact.ts';
import { secretsOf } from '../src/runner/secretsOf.ts';
import type { Spec } from '../src/openapi/Spec.ts';
import { applyChaos } from './applyChaos.ts';
import { buildRoutes } from './buildRoutes.ts';
import { flatIncomingHeaders } from './flatIncomingHeaders.ts';
import { CHAOS_MODES, type ChaosOptions, type MockFixtures, type MockLogEntry, type MockOptions, type MockServer } from './MockOptions.ts';
import type { MockResponse } from './MockResponse.ts';
import { MockLogins } from './MockLogins.ts';
import { MockState } from './MockState.ts';
import { DEFAULT_TASK_DURATION_MS } from './MockTasks.ts';
import { handlersFor } from './operations/handlers.ts';
import { RateLimiter } from './RateLimiter.ts';
import { resolveFault } from './resolveFault.ts';
import { resolveMutant } from './mutants/resolveMutant.ts';
import { Router } from './Router.ts';
import { serveRequest } from './serveRequest.ts';

// Loading and validating the documents dominates start-up; servers of one process share the result.
const specCache = new Map<string, Promise<Spec[]>>();

function cachedSpecs(files: readonly string[]): Promise<Spec[]> {
  const key = files.join('\n');
  let specs = specCache.get(key);
  if (!specs) {
    specs = loadSpecs(files);
    specCache.set(key, specs);
    specs.catch(() => specCache.delete(key));
  }
  return specs;
}

const MAX_BODY_BYTES = 1024 * 1024;
const DEFAULT_HUGE_BYTES = 32 * 1024 * 1024;

/** How long a caller may wait for one of the mock's tasks: ample for its duration, short for one that never ends. */
function taskDeadlineFor(durationMs: number): number {
  return Math.max(1_000, 50 * durationMs);
}

function nonNegative(name: string, value: number | undefined): void {
  if (value !== undefined && !(Number.isFinite(value) && value >= 0)) throw new ConfigError(`mock option ${name} must be a number >= 0`);
}

function chaosOf(chaos: MockOptions['chaos']): ChaosOptions | undefined {
  if (chaos === undefined) return undefined;
  const resolved = typeof chaos === 'string' ? { mode: chaos } : chaos;
  if (!CHAOS_MODES.includes(resolved.mode)) throw new ConfigError(`unknown chaos mode "${String(resolved.mode)}"; valid modes: ${CHAOS_MODES.join(', ')}`);
  const fraction = resolved.fraction ?? 1;
  if (!(fraction >= 0 && fraction <= 1)) throw new ConfigError('mock option chaos.fraction must be between 0 and 1');
  return resolved;
}

/** The request's headers with credential headers `[REDACTED]` and the mock's token scrubbed from every other value. */
function redactedHeaders(req: IncomingMessage, credentialHeaders: ReadonlySet<string>, secrets: readonly string[]): Record<string, string> {
  return Object.fromEntries(Object.entries(redactHeaders(flatIncomingHeaders(req.headers), credentialHeaders)).map(([name, value]) => [name, redactText(value, secrets)]));
}

function write(res: ServerResponse, response: MockResponse): void {
  let payload = '';
  let contentType: string | undefined;
  if (response.json !== undefined) {
    payload = JSON.stringify(response.json);
    contentType = response.contentType ?? 'application/json';
  } else if (response.text !== undefined) {
    payload = response.text;
    contentType = response.contentType ?? 'text/plain; charset=utf-8';
  }
  const headers: Record<string, string | number> = { ...response.headers, 'content-length': Buffer.byteLength(payload) };
  if (contentType) headers['content-type'] = contentType;
  res.writeHead(response.status, headers).end(payload);
}

/**
 * Starts the reference mock of both APIs on one HTTP server: routes, credentials and validation come from
 * the shipped OpenAPI documents, state is in memory, and a fault profile or chaos mode can make it wrong.
 */
export async function startMockServer(options: MockOptions = {}): Promise<MockServer> {
  nonNegative('latencyMs', options.latencyMs);
  nonNegative('taskDurationMs', options.taskDurationMs);
  nonNegative('hugeBytes', options.hugeBytes);
  if (options.rateLimit && !(Number.isInteger(options.rateLimit.requestsPerSecond) && options.rateLimit.requestsPerSecond > 0)) {
    throw new ConfigError('mock option rateLimit.requestsPerSecond must be a positive integer');
  }
  // The mock takes every credential the CLI takes, so a run against it never trips on one the user's server would accept.
  const tokenProblem = options.token === undefined ? undefined : credentialTextProblem(options.token);
  if (tokenProblem) throw new ConfigError(`mock option token: the value ${tokenProblem}`);
  const chaos = chaosOf(options.chaos);
  if (options.fault !== undefined && options.mutant !== undefined) throw new ConfigError('the mock takes a fault profile or a mutant, not both');
  const profile = resolveFault(options.fault);

  const specs = await cachedSpecs(options.specFiles ?? []);
  const operations = specs.flatMap((s) => s.operations);
  const fault = options.mutant !== undefined ? resolveMutant(options.mutant, operations) : profile;
  const served = handlersFor(operations);
  const routes = buildRoutes(operations, served, fault);
  const router = new Router(routes);
  const state = new MockState();
  const seeded: Record<string, string> = {};
  // Only the handlers of routes the documents describe: the others have nothing to seed from.
  for (const handler of new Set(routes.map((r) => r.handler))) {
    const operation = operations.find((o) => o.operationId === handler.operationId);
    if (handler.seed && operation) Object.assign(seeded, handler.seed(state, operation));
  }
  const fixtures: MockFixtures = {
    ...seeded,
    applianceId: seeded['applianceId'] ?? '',
    project_id: seeded['project_id'] ?? '',
    hosted_connect_id: seeded['hosted_connect_id'] ?? '',
  };

  const token = options.token ?? randomBytes(24).toString('base64url');
  const logins = options.logins ? new MockLogins(options.logins) : undefined;
  const env = { token, state, taskDurationMs: options.taskDurationMs ?? DEFAULT_TASK_DURATION_MS, ...(logins ? { issued: logins.accepts.bind(logins) } : {}) };
  const limiter = options.rateLimit ? new RateLimiter(options.rateLimit.requestsPerSecond) : undefined;
  const latencyMs = options.latencyMs ?? 0;
  const hugeBytes = options.hugeBytes ?? DEFAULT_HUGE_BYTES;
  const log = options.log;
  const credentialHeaders = credentialHeaderNames(operations);
  const secrets = secretsOf(token);

  const timers = new Set<NodeJS.Timeout>();
  let count = 0;
  let chaosApplied = 0;
  let baseUrl = '';

  const logRequest = (req: IncomingMessage, res: ServerResponse, started: number, operationId: string | undefined, chaosStatus?: number): void => {
    if (!log) return;
    const entry: MockLogEntry = {
      time: new Date(started).toISOString(),
      method: req.method ?? '',
      path: redactText(req.url ?? '', secrets),
      status: chaosStatus ?? (res.headersSent ? res.statusCode : 0),
      ...(operationId ? { operationId } : {}),
      headers: redactedHeaders(req, credentialHeaders, secrets),
      durationMs: Date.now() - started,
    };
    if (typeof log === 'function') log(entry);
    else log.push(entry);
  };

  const respond = (res: ServerResponse, response: MockResponse): void => {
    if (latencyMs === 0) return write(res, response);
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!res.destroyed) write(res, response);
    }, latencyMs);
    timers.add(timer);
  };

  const onRequest = (req: IncomingMessage, res: ServerResponse): void => {
    count += 1;
    const started = log ? Date.now() : 0;
    // Chaos picks every (1/fraction)-th request, deterministically.
    if (chaos && Math.floor(count * (chaos.fraction ?? 1)) > chaosApplied) {
      chaosApplied += 1;
      const status = applyChaos(chaos.mode, req, res, { baseUrl, hugeBytes });
      logRequest(req, res, started, undefined, status);
      return;
    }
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    const method = req.method ?? 'GET';
    if (logins?.handles(path)) {
      if (log) res.once('close', () => logRequest(req, res, started, undefined));
      const chunks: Buffer[] = [];
      let size = 0;
      req.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size <= MAX_BODY_BYTES) chunks.push(chunk);
      });
      req.on('end', () => respond(res, size > MAX_BODY_BYTES ? { status: 413 } : logins.answer(method, path, Buffer.concat(chunks).toString('utf8'))));
      return;
    }
    const match = router.match(method, path);
    if (log) res.once('close', () => logRequest(req, res, started, match.kind === 'found' ? match.route.operationId : undefined));
    if (match.kind !== 'found') {
      req.resume();
      respond(res, match.kind === 'none' ? { status: 404 } : { status: 405, headers: { allow: match.allow } });
      return;
    }
    const { route } = match;
    const requestId = randomUUID().replaceAll('-', '');
    if (limiter && !limiter.take()) {
      req.resume();
      respond(res, route.handler.errors.tooManyRequests(requestId));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) return respond(res, { status: 413 });
      let response: MockResponse;
      try {
        const rawBody = chunks.length === 0 ? '' : Buffer.concat(chunks).toString('utf8');
        response = serveRequest(route, { method, path, rawParams: match.rawParams, search: q < 0 ? '' : url.slice(q + 1), headers: req.headers, rawBody, requestId }, env);
      } catch {
        response = route.handler.errors.serverError(requestId);
      }
      respond(res, response);
    });
  };

  const server = createServer({ keepAliveTimeout: 5000 }, onRequest);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => reject(new ConfigError(`the mock cannot listen on ${host}:${options.port ?? 0}: ${error.code ?? error.message}`)));
    server.listen(options.port ?? 0, host, () => {
      server.removeAllListeners('error');
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  baseUrl = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;

  let closing: Promise<void> | undefined;
  return {
    url: baseUrl,
    fixtures,
    token,
    taskDeadlineMs: taskDeadlineFor(env.taskDurationMs),
    requestCount: () => count,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        // Hung and slow-body answers keep their sockets open: close() must not wait for them.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
