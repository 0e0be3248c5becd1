import { ConfigError, LoginError } from '../errors/ConformanceError.ts';
import { documentKeys } from '../openapi/documentKeys.ts';
import type { CredentialScheme, Operation } from '../openapi/Operation.ts';
import type { RunnerOptions } from '../runner/RunnerOptions.ts';
import { secretsOf } from '../runner/secretsOf.ts';
import type { SessionCredential, SessionCredentials } from '../runner/SessionCredentials.ts';
import { logIn } from './logIn.ts';
import type { ResolvedLogin } from './ResolvedLogin.ts';

/** What a login needs of an operation a run sends (a `PreparedOperation` is one). */
export interface LoggedInOperation {
  readonly operation: Pick<Operation, 'operationId' | 'credentialSchemes'>;
  readonly specFile: string;
  readonly baseUrl: string;
  /** The operations its answers' links lead to, at the same target (a task's status): sent with the same login. */
  readonly linked?: Readonly<Record<string, LoggedInOperation>>;
}

/** One login at one URL, and the token it holds now. */
interface Session {
  readonly login: ResolvedLogin;
  readonly url: string;
  readonly scheme: CredentialScheme;
  token?: string;
  generation: number;
  /** A request carrying the current token was answered other than 401. */
  worked: boolean;
  renewing?: Promise<boolean>;
}

/**
 * The logins of one target's operations (a config file's `auth:`), each done once before the first
 * request (`start`) and again when its token stops working (`renew`). Tokens live here only: the runner
 * sends them and scrubs `secrets()` from everything it records.
 */
export class LoginSessions implements SessionCredentials {
  readonly #byOperation = new Map<string, Session>();
  readonly #sessions: Session[] = [];
  readonly #options: RunnerOptions;
  readonly #issued: string[] = [];

  /** Undefined when no login serves any of the operations. */
  static for(logins: readonly ResolvedLogin[], operations: readonly LoggedInOperation[], options: RunnerOptions): LoginSessions | undefined {
    const sessions = new LoginSessions(options);
    const loginOf = (p: LoggedInOperation): ResolvedLogin | undefined => logins.find((l) => l.key === p.operation.operationId) ?? logins.find((l) => documentKeys(p.specFile).includes(l.key));
    for (const p of operations) {
      const login = loginOf(p);
      if (login) sessions.#serve(p, login);
      // A followed link's request (a task poll) carries a token too, its own login's else the origin's: without one it is refused.
      for (const linked of Object.values(p.linked ?? {})) {
        const own = loginOf(linked) ?? login;
        if (own) sessions.#serve(linked, own);
      }
    }
    return sessions.#sessions.length > 0 ? sessions : undefined;
  }

  private constructor(options: RunnerOptions) {
    this.#options = options;
  }

  #serve(p: LoggedInOperation, login: ResolvedLogin): void {
    // A path is the target's: HCX's session API is on the HCX Manager the run tests.
    const url = /^https?:\/\//i.test(login.url) ? login.url : `${p.baseUrl.replace(/\/+$/, '')}${login.url.startsWith('/') ? '' : '/'}${login.url}`;
    const scheme = schemeOf(login, p);
    let session = this.#sessions.find((s) => s.login === login && s.url === url && s.scheme.header === scheme.header && s.scheme.prefix === scheme.prefix);
    if (!session) {
      session = { login, url, scheme, generation: 0, worked: false };
      this.#sessions.push(session);
    }
    this.#byOperation.set(p.operation.operationId, session);
  }

  /** Logs in every session, one after another; the first that fails throws its `LoginError`. */
  async start(): Promise<void> {
    for (const session of this.#sessions) await this.#logIn(session);
  }

  /** A dry run's stand-in for every login: the requests it lists carry the login's header, whose value is redacted anyway. */
  assumeLoggedIn(): void {
    for (const session of this.#sessions) {
      session.token ??= 'token-of-the-login';
      session.generation = Math.max(session.generation, 1);
    }
  }

  current(operationId: string): SessionCredential | undefined {
    const session = this.#byOperation.get(operationId);
    return session?.token === undefined ? undefined : { token: session.token, scheme: session.scheme, generation: session.generation };
  }

  secrets(): readonly string[] {
    return [...this.#sessions.flatMap((s) => s.login.secrets), ...this.#issued];
  }

  accepted(operationId: string, generation: number): void {
    const session = this.#byOperation.get(operationId);
    if (session && session.generation === generation) session.worked = true;
  }

  renew(operationId: string, generation: number): Promise<boolean> {
    const session = this.#byOperation.get(operationId);
    if (!session) return Promise.resolve(false);
    // Another request saw the 401 first and its login is done (or under way): send with the fresher token.
    if (generation < session.generation) return Promise.resolve(true);
    if (session.renewing) return session.renewing;
    // A token that never worked was refused, not expired: logging in again would get the same answer.
    if (!session.worked) return Promise.resolve(false);
    const renewing: Promise<boolean> = this.#logIn(session)
      .then(
        () => true,
        (error: unknown) => {
          throw error instanceof LoginError ? new LoginError(`${error.message} (renewing its token after a 401 in the middle of the run)`) : error;
        },
      )
      .finally(() => {
        if (session.renewing === renewing) delete session.renewing;
      });
    session.renewing = renewing;
    return renewing;
  }

  async #logIn(session: Session): Promise<void> {
    const token = await logIn(session.login, session.url, this.#options);
    this.#issued.push(...secretsOf(token), ...(session.scheme.prefix !== '' ? secretsOf(`${session.scheme.prefix}${token}`) : []));
    session.token = token;
    session.generation += 1;
    session.worked = false;
  }
}

/** The header and prefix that carry the login's token: as the login says, else the document's first security scheme. */
function schemeOf(login: ResolvedLogin, p: LoggedInOperation): CredentialScheme {
  const first = p.operation.credentialSchemes[0];
  const header = login.carrier?.header ?? first?.header;
  if (header === undefined) {
    throw new ConfigError(`${login.label}: ${p.operation.operationId} has no security scheme to carry the token; name the header (login.header)`);
  }
  const documented = p.operation.credentialSchemes.find((s) => s.header === header);
  return { scheme: documented?.scheme ?? 'login', header, prefix: login.carrier?.prefix ?? documented?.prefix ?? '' };
}
