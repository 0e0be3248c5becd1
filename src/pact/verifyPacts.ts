import { fork } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ConformanceError, PactError, UsageError } from '../errors/ConformanceError.ts';
import type { EmbeddedTargetFactory } from '../model/EmbeddedTarget.ts';
import { fixturesOf } from '../model/fixturesOf.ts';
import { loadSpecs } from '../openapi/loadSpecs.ts';
import { compilePathTemplate } from '../openapi/compilePathTemplate.ts';
import { credentialHeaderNames } from '../runner/credentialHeaderNames.ts';
import { operationCredentialHeaders } from '../runner/operationCredentialHeaders.ts';
import { redactText } from '../runner/redact.ts';
import { REPRESENTATION_HEADERS } from '../runner/representationHeaders.ts';
import { secretsOf } from '../runner/secretsOf.ts';
import { DEFAULT_CONFIG } from '../config/ConformanceConfig.ts';
import { defaultPactFiles } from './defaultPactFiles.ts';
import { outcomesFromResults } from './outcomesFromResults.ts';
import { PACT_TOKEN_PLACEHOLDER } from './pactTokenPlaceholder.ts';
import type { PactVerificationResult } from './PactVerificationResult.ts';
import { providerRequests } from './providerRequests.ts';
import { startProviderTap, type ProviderTap } from './providerTap.ts';
import { readPactFiles } from './readPactFiles.ts';
import type { VerifierWorkerRequest, VerifierWorkerResponse } from './VerifierWorkerMessages.ts';

export interface VerifyPactsOptions {
  /** Base URL of the provider; without it the embedded target is started and verified. */
  readonly target?: string;
  /** Starts the server verified when no target is given (the CLI passes the embedded mock). */
  readonly embeddedTarget?: EmbeddedTargetFactory;
  /** Ids of existing resources on the target, keyed by path-parameter name (the provider-state values). */
  readonly fixtures?: Readonly<Record<string, string>>;
  /** Extra request headers (`--header`); treated as credentials: sent, never shown. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The credential that replaces the pacts' placeholder. */
  readonly token?: string;
  /** Pact files to verify (default: contracts/pacts/*.json). */
  readonly pactFiles?: readonly string[];
  /** OpenAPI documents that name the credential headers (default: the shipped ones). */
  readonly specFiles?: readonly string[];
  /** Fault profile of the embedded mock (only without a target). */
  readonly mockFault?: string;
  /** Timeout of one request of the verifier (default 10 s). */
  readonly requestTimeoutMs?: number;
  /** Requests that may reach the provider (the run's `--max-requests`); past it nothing is sent. */
  readonly maxRequests?: number;
  /** Requests per second to the provider (the run's `--rate-limit`). */
  readonly rateLimitPerSecond?: number;
  /** Bytes of each answer kept for the document's checks (default 1 MiB); a bigger one is judged too large. */
  readonly maxResponseBytes?: number;
  /** Timeout of the whole verification (default 5 min). */
  readonly timeoutMs?: number;
  /** The native verifier's log level (its report is printed at every level). */
  readonly logLevel?: 'error' | 'warn' | 'info';
  /** Receives the verifier's output, one scrubbed line at a time, without colour codes. */
  readonly onLog?: (line: string) => void;
}

// The worker beside this module: its source through tsx when running from the sources, else compiled (dist/).
const FROM_SOURCES = import.meta.url.endsWith('.ts');
const WORKER = fileURLToPath(new URL(FROM_SOURCES ? './verifierWorker.ts' : './verifierWorker.js', import.meta.url));
const workerExecArgv = (): string[] => (FROM_SOURCES ? ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href] : []);

const ANSI = /\u001b\[[0-9;]*m/g;

/** Runs the worker with the request over IPC; output lines go to `onLine`. */
function runWorker(request: VerifierWorkerRequest, timeoutMs: number, scrub: (text: string) => string, onLine: (line: string) => void): Promise<VerifierWorkerResponse> {
  return new Promise((resolve, reject) => {
    const child = fork(WORKER, [], {
      execArgv: workerExecArgv(),
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: { ...process.env, PACT_DO_NOT_TRACK: 'true' },
    });
    let answer: VerifierWorkerResponse | undefined;
    const tail: string[] = [];
    const reader = (stream: NodeJS.ReadableStream | null): void => {
      let pending = '';
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => {
        const lines = (pending + chunk).split('\n');
        pending = lines.pop() ?? '';
        for (const raw of lines) {
          const line = scrub(raw.replace(ANSI, ''));
          tail.push(line);
          if (tail.length > 20) tail.shift();
          onLine(line);
        }
      });
      stream?.on('end', () => pending && onLine(scrub(pending.replace(ANSI, ''))));
    };
    reader(child.stdout);
    reader(child.stderr);
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new PactError(`the Pact verifier did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('message', (message: VerifierWorkerResponse) => {
      answer = message;
    });
    child.on('error', (cause) => {
      clearTimeout(timer);
      reject(new PactError(`cannot start the Pact verifier: ${cause.message}`, { cause }));
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (answer) resolve(answer);
      else reject(new PactError(`the Pact verifier exited (${signal ?? `code ${code}`}) without results; last output:\n${tail.join('\n')}`));
    });
    child.send(request);
  });
}

/**
 * Verifies pact files against a provider with Pact's own verifier: each provider state answers with the
 * given fixture ids, a request filter swaps the credential placeholder for the real credential, and every
 * line of output and every mismatch is scrubbed of secrets. The verifier reaches the provider through a
 * tap on loopback that applies the request budget and rate limit and keeps every answer, so the
 * document's own checks can judge them too (`providerRequests`). Returns one outcome per interaction;
 * throws PactError when the verifier cannot run, never for a failed interaction.
 */
export async function verifyPacts(options: VerifyPactsOptions = {}): Promise<PactVerificationResult> {
  const started = Date.now();
  const pactFiles = [...(options.pactFiles ?? defaultPactFiles())];
  if (pactFiles.length === 0) throw new PactError('no pact files to verify');
  const interactions = await readPactFiles(pactFiles);
  const specs = await loadSpecs(options.specFiles ?? []);
  const operations = specs.flatMap((s) => s.operations);
  const credentialHeaders = [...credentialHeaderNames(operations)];
  const routes = operations.map((o) => ({ method: o.method, path: compilePathTemplate(o.pathTemplate).source, headers: [...operationCredentialHeaders(o)] }));

  const mock = options.target
    ? undefined
    : await options.embeddedTarget?.({ port: 0, token: options.token ?? randomBytes(24).toString('base64url'), ...(options.mockFault ? { fault: options.mockFault } : {}) });
  const providerBaseUrl = options.target ?? mock?.url;
  if (providerBaseUrl === undefined) throw new UsageError('verify-pacts: no target to verify (give a target, or an embedded target to start)');
  const token = mock ? mock.token : options.token;
  const fixtures: Record<string, string> = mock ? fixturesOf(mock) : { ...options.fixtures };
  const extraHeaders = { ...options.headers };
  const secrets = [...(token ? secretsOf(token) : []), ...Object.entries(extraHeaders).flatMap(([name, value]) => (REPRESENTATION_HEADERS.has(name.toLowerCase()) ? [] : secretsOf(value, name)))];
  const requestTimeoutMs = options.requestTimeoutMs ?? 10_000;
  let tap: ProviderTap | undefined;
  // The verifier talks to the tap: its lines name the provider, never the tap's port.
  const scrub = (text: string): string => redactText(tap ? text.replaceAll(tap.url, providerBaseUrl) : text, secrets);

  try {
    const stateNames = [...new Set(interactions.flatMap((i) => i.states.map((s) => s.name)))].sort();
    const missing = [...new Set(interactions.flatMap((i) => i.states.flatMap((s) => Object.keys(s.params))))].filter((k) => fixtures[k] === undefined).sort();
    if (missing.length > 0) throw new PactError(`the pacts' provider states need fixture ids for: ${missing.join(', ')} (give them as fixtures)`);
    // Between the verifier and the provider: every answer kept for the document's checks, the budget and pace applied.
    tap = await startProviderTap({
      upstream: providerBaseUrl,
      maxBodyBytes: options.maxResponseBytes ?? DEFAULT_CONFIG.maxResponseBytes,
      ...(options.maxRequests !== undefined ? { maxRequests: options.maxRequests } : {}),
      ...(options.rateLimitPerSecond !== undefined ? { rateLimitPerSecond: options.rateLimitPerSecond } : {}),
      timeouts: { connectMs: DEFAULT_CONFIG.timeouts.connectMs, headersMs: requestTimeoutMs, bodyMs: requestTimeoutMs },
    });
    const request: VerifierWorkerRequest = {
      kind: 'verify',
      providerBaseUrl: tap.url,
      pactFiles,
      stateNames,
      fixtures,
      credentials: { ...(token ? { token } : {}), headers: extraHeaders, credentialHeaders, placeholder: PACT_TOKEN_PLACEHOLDER, routes },
      requestTimeoutMs,
      logLevel: options.logLevel ?? 'error',
    };
    const onLog = options.onLog;
    const answer = await runWorker(request, options.timeoutMs ?? 300_000, scrub, (line) => onLog?.(line));
    if (answer.kind === 'crash') throw new PactError(`the Pact verifier could not run: ${scrub(answer.message)}`);
    const provider = providerRequests(tap.requests(), interactions, specs, providerBaseUrl, { secrets, extraHeaders: Object.keys(extraHeaders) });
    const outcomes = outcomesFromResults(answer.resultsJson, interactions, answer.answers).map((o, i) => {
      const index = provider.lineUp[i];
      return { ...o, mismatches: o.mismatches.map(scrub), ...(index !== undefined ? { providerRequest: index } : {}) };
    });
    return {
      passed: outcomes.every((o) => o.passed),
      target: providerBaseUrl,
      extraHeaders: Object.keys(extraHeaders),
      token: token !== undefined,
      pactFiles,
      interactions: outcomes,
      providerRequests: provider.requests,
      durationMs: Date.now() - started,
    };
  } catch (error) {
    if (error instanceof ConformanceError) throw error;
    // No cause: its message could hold a secret.
    throw new PactError(`the Pact verifier failed: ${scrub(error instanceof Error ? error.message : String(error))}`);
  } finally {
    await tap?.close();
    await mock?.close();
  }
}
