import type { IncomingHttpHeaders } from 'node:http';

export interface CredentialFilterOptions {
  /** The real credential; replaces the placeholder in the header that carries it. */
  readonly token?: string;
  /** Extra headers (`--header`); all of them are treated as credentials. */
  readonly headers: Readonly<Record<string, string>>;
  /** Lower-case names of every header that carries a credential in the documents. */
  readonly credentialHeaders: readonly string[];
  /** The placeholder the pacts carry where the real credential goes. */
  readonly placeholder: string;
  /**
   * The documented operations: method, path template as a pattern matched at the end of the path, and
   * the headers each takes a credential in. An extra header one of them names goes only to its requests.
   */
  readonly routes?: readonly CredentialRoute[];
}

export interface CredentialRoute {
  readonly method: string;
  /** `compilePathTemplate(...).source`. */
  readonly path: string;
  /** Lower-case names. */
  readonly headers: readonly string[];
}

/** The part of an express request the filter touches. */
export interface FilterableRequest {
  headers: IncomingHttpHeaders;
  readonly method?: string;
  readonly url?: string;
}

/**
 * The verifier's request filter: a request that carries the credential placeholder gets the real
 * credential (and every extra header its operation takes, as `run` sends them: an extra header that some
 * operation takes a credential in goes only to that operation's requests); a request meant to go without
 * a valid credential keeps what the pact says, and gets only the extra headers that are not credential headers.
 */
export function credentialFilter(options: CredentialFilterOptions): (req: FilterableRequest, res: unknown, next: () => void) => void {
  const credentialNames = new Set(options.credentialHeaders.map((h) => h.toLowerCase()));
  const routes = [...(options.routes ?? [])].sort((a, b) => b.path.length - a.path.length).map((r) => ({ ...r, pattern: new RegExp(`${r.path}$`) }));
  const routed = new Set(routes.flatMap((r) => r.headers));
  const all = Object.entries(options.headers).map(([name, value]) => [name.toLowerCase(), value] as const);
  return (req, _res, next) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const takes = routes.find((r) => r.method.toUpperCase() === (req.method ?? 'GET').toUpperCase() && r.pattern.test(path))?.headers ?? [];
    const extra = all.filter(([name]) => !routed.has(name) || takes.includes(name));
    const carrying = Object.entries(req.headers).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].endsWith(options.placeholder));
    if (carrying.length > 0) {
      for (const [name, value] of carrying) {
        if (options.token !== undefined) req.headers[name] = `${value.slice(0, -options.placeholder.length)}${options.token}`;
        else delete req.headers[name];
      }
      for (const [name, value] of extra) req.headers[name] = value;
    } else {
      for (const [name, value] of extra) if (!credentialNames.has(name)) req.headers[name] = value;
    }
    next();
  };
}
