import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { ConfigError } from '../src/errors/ConformanceError.ts';
import type { CredentialScheme } from '../src/openapi/Operation.ts';
import type { MockResponse } from './MockResponse.ts';

/** One user the mock's logins accept. */
export interface MockUser {
  readonly username: string;
  readonly password: string;
  /** The IAM account (domain) name; absent: any domain. */
  readonly domain?: string;
}

export interface MockLoginOptions {
  readonly users: readonly MockUser[];
  /** The path of the IAM token API (default `/v3/auth/tokens`). */
  readonly iamPath?: string;
  /** Requests a token it issued is accepted for, then it has expired (401); default: no end. */
  readonly tokenUses?: number;
}

export const HCX_SESSIONS_PATH = '/hybridity/api/sessions';
export const IAM_TOKENS_PATH = '/v3/auth/tokens';

/** IAM's error body (Keystone's shape), e.g. for a wrong password. */
function iamError(code: number, title: string, message: string): MockResponse {
  return { status: code, json: { error: { code, title, message } } };
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/**
 * The two login APIs the suite's `auth:` presets call: HCX's session API (`POST /hybridity/api/sessions`,
 * `{ username, password }`; 200 with the token in `x-hm-authorization`, 401 with no body for a wrong
 * password) and Huawei IAM's token API (`POST /v3/auth/tokens`, password authentication scoped to a
 * project; 201 with the token in `X-Subject-Token`, 401 with IAM's error body). The tokens it issues
 * are accepted by every operation beside the mock's own token, each for `tokenUses` requests.
 */
export class MockLogins {
  readonly #users: readonly MockUser[];
  readonly #iamPath: string;
  readonly #tokenUses: number | undefined;
  /** Issued token → requests it is still accepted for (Infinity: no end). */
  readonly #issued = new Map<string, number>();

  constructor(options: MockLoginOptions) {
    if (options.users.length === 0) throw new ConfigError('mock option logins.users: at least one user');
    if (options.tokenUses !== undefined && !(Number.isInteger(options.tokenUses) && options.tokenUses > 0)) throw new ConfigError('mock option logins.tokenUses must be a positive integer');
    const iamPath = options.iamPath ?? IAM_TOKENS_PATH;
    if (!iamPath.startsWith('/')) throw new ConfigError('mock option logins.iamPath must start with /');
    this.#users = options.users;
    this.#iamPath = iamPath;
    this.#tokenUses = options.tokenUses;
  }

  /** Whether a request goes to one of the login APIs (any method: the wrong one is answered 405). */
  handles(path: string): boolean {
    return path === HCX_SESSIONS_PATH || path === this.#iamPath;
  }

  /** The answer to a request `handles` took. */
  answer(method: string, path: string, rawBody: string): MockResponse {
    const iam = path === this.#iamPath;
    if (method !== 'POST') return { status: 405, headers: { allow: 'POST' } };
    let body: Record<string, unknown> | undefined;
    try {
      body = record(JSON.parse(rawBody));
    } catch {
      body = undefined;
    }
    if (body === undefined)
      return iam ? iamError(400, 'Bad Request', 'The request body is not JSON.') : { status: 400, json: { errors: [{ code: 'INVALID_PARAMETER', message: 'The request body is not JSON.' }] } };
    return iam ? this.#iamToken(body) : this.#hcxSession(body);
  }

  /** Whether a request carries, in one of the operation's schemes, a token issued here that has not expired; counts one use. */
  accepts(schemes: readonly CredentialScheme[], headers: IncomingHttpHeaders): boolean {
    for (const scheme of schemes) {
      const value = headers[scheme.header];
      if (typeof value !== 'string' || value.slice(0, scheme.prefix.length).toLowerCase() !== scheme.prefix.toLowerCase()) continue;
      const token = value.slice(scheme.prefix.length);
      const left = this.#issued.get(token);
      if (left === undefined || left <= 0) continue;
      this.#issued.set(token, left - 1);
      return true;
    }
    return false;
  }

  #issue(): string {
    const token = randomBytes(32).toString('base64url');
    this.#issued.set(token, this.#tokenUses ?? Number.POSITIVE_INFINITY);
    return token;
  }

  #hcxSession(body: Record<string, unknown>): MockResponse {
    const user = this.#users.find((u) => u.username === body['username'] && u.password === body['password']);
    // HCX answers a refused login 401 with no body, as its other 401s.
    if (!user) return { status: 401 };
    return { status: 200, headers: { 'x-hm-authorization': this.#issue() }, json: {} };
  }

  #iamToken(body: Record<string, unknown>): MockResponse {
    const auth = record(body['auth']);
    const identity = record(auth?.['identity']);
    const methods = identity?.['methods'];
    const user = record(record(identity?.['password'])?.['user']);
    const project = record(record(auth?.['scope'])?.['project']);
    if (!Array.isArray(methods) || !methods.includes('password') || !user || typeof user['name'] !== 'string' || typeof user['password'] !== 'string') {
      return iamError(400, 'Bad Request', 'The request body is invalid: auth.identity needs methods ["password"] and password.user with name, password and domain.');
    }
    const domain = record(user['domain'])?.['name'];
    const known = this.#users.find((u) => u.username === user['name'] && u.password === user['password'] && (u.domain === undefined || u.domain === domain));
    if (!known) return iamError(401, 'Unauthorized', 'The username or password is wrong.');
    const now = new Date();
    const expires = new Date(now.getTime() + 24 * 3600 * 1000);
    return {
      status: 201,
      headers: { 'x-subject-token': this.#issue() },
      json: {
        token: {
          expires_at: expires.toISOString(),
          issued_at: now.toISOString(),
          methods: ['password'],
          user: { name: known.username, ...(typeof domain === 'string' ? { domain: { name: domain } } : {}) },
          ...(project ? { project } : {}),
        },
      },
    };
  }
}
