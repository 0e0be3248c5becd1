import { request } from 'undici';
import { credentialTextProblem } from '../config/credentialTextProblem.ts';
import { LoginError } from '../errors/ConformanceError.ts';
import { valueAt } from '../openapi/pointer.ts';
import { errorCode } from '../runner/classifyError.ts';
import { createDispatcher } from '../runner/createDispatcher.ts';
import { redactText } from '../runner/redact.ts';
import { redactUrl } from '../runner/redactUrl.ts';
import { RunInterruptedError } from '../runner/RunInterruptedError.ts';
import type { RunnerOptions } from '../runner/RunnerOptions.ts';
import type { ResolvedLogin } from './ResolvedLogin.ts';

/** A login's answer is read this far at most (a token in a body is small; an IAM catalogue is not huge). */
const MAX_LOGIN_BODY_BYTES = 4 * 1024 * 1024;

/**
 * Sends one login request to `url` over connections of the run's transport settings (TLS, proxy,
 * `--resolve`, timeouts; retried on 429 only, as any request that is not idempotent) and returns the
 * token its answer carries. Anything else is a `LoginError` whose one line names the login, the method,
 * the URL and the status, never the password, the body sent or the answer's body.
 */
export async function logIn(login: ResolvedLogin, url: string, options: RunnerOptions): Promise<string> {
  const where = `${login.label}: ${login.method} ${redactText(redactUrl(url), login.secrets)}`;
  const { nonIdempotent, close } = createDispatcher({ ...options, concurrency: 1 }, { claimRetry: () => 0 });
  try {
    let answer;
    try {
      answer = await request(url, {
        method: login.method,
        headers: { ...login.headers },
        ...(login.body !== undefined ? { body: login.body } : {}),
        dispatcher: nonIdempotent,
        headersTimeout: options.timeouts.headersMs,
        bodyTimeout: options.timeouts.bodyMs,
        ...(options.signal ? { signal: options.signal } : {}),
      });
    } catch (error) {
      // Ctrl-C during a login is an interruption, not a refused login.
      if (options.signal?.aborted) throw new RunInterruptedError();
      const cause = error as Error;
      throw new LoginError(`${where}: no answer (${redactText(errorCode(cause) ?? cause.message, login.secrets)})`);
    }
    const status = answer.statusCode;
    const text = await readCapped(answer.body);
    if (status < 200 || status > 299) {
      const refused = status === 401 || status === 403 ? ': the user name or password was refused' : '';
      throw new LoginError(`${where} answered ${status}${refused}`);
    }
    const token = tokenOf(login, answer.headers, text);
    const unusable = token === undefined ? undefined : credentialTextProblem(token);
    if (token === undefined || unusable !== undefined) {
      const at = 'header' in login.token ? `the ${login.token.header} header` : `the body at ${login.token.pointer}`;
      throw new LoginError(`${where} answered ${status}, but ${at} ${token === undefined ? 'carries no token' : `carries a token that cannot be sent in a header (it ${unusable})`}`);
    }
    return token;
  } finally {
    await close();
  }
}

function tokenOf(login: ResolvedLogin, headers: Record<string, string | string[] | undefined>, text: string): string | undefined {
  if ('header' in login.token) {
    const value = headers[login.token.header];
    return typeof value === 'string' ? value : undefined;
  }
  try {
    const value = valueAt(JSON.parse(text), login.token.pointer);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

async function readCapped(body: AsyncIterable<Buffer> & { destroy(): unknown }): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > MAX_LOGIN_BODY_BYTES) {
      body.destroy();
      break;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
