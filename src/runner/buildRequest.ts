import { randomBytes } from 'node:crypto';
import type { Case, WrongCredential } from '../model/Case.ts';
import type { CredentialScheme } from '../openapi/Operation.ts';
import { credentialHeaderNames } from './credentialHeaderNames.ts';
import { REPRESENTATION_HEADERS } from './representationHeaders.ts';
import { encodeBody } from './encodeBody.ts';
import type { RunnerOptions } from './RunnerOptions.ts';
import { secretsOf } from './secretsOf.ts';

/** A request ready to send, with real credentials, and what must be hidden before anyone sees it. */
export interface BuiltRequest {
  readonly method: string;
  readonly url: string;
  /** Header names lower case. */
  readonly headers: Record<string, string>;
  readonly bodyText?: string;
  /** Lower-case names of headers whose values are credentials. */
  readonly secretHeaderNames: ReadonlySet<string>;
  /** Credential values (token, `--header` values, each in every form it carries: `secretsOf`) to scrub from any text. */
  readonly secrets: readonly string[];
  /** The generation of the login's token the request carries (`SessionCredentials`), when it carries one. */
  readonly sessionGeneration?: number;
}

/** Headers that carry a credential by convention (`Authorization`, `Cookie`, ...): never on a case without one. */
const CONVENTIONAL_CREDENTIALS: ReadonlySet<string> = credentialHeaderNames();

/**
 * A wrong credential made from the right one as `how` says; undefined when that way gives the right one
 * back (a credential without letters has no other case). Never surrounded by spaces: HTTP trims those,
 * so the server would see the right credential.
 */
function wrongCredential(right: string | undefined, how: WrongCredential = 'other'): string | undefined {
  const points = [...(right ?? '')];
  if (how === 'other' || points.length === 0) return how === 'empty' ? '' : `invalid-${randomBytes(6).toString('hex')}`;
  const last = points[points.length - 1]!;
  switch (how) {
    case 'last-changed':
      return `${points.slice(0, -1).join('')}${last === 'x' ? 'y' : 'x'}`;
    case 'truncated':
      return points.length > 1 ? points.slice(0, -1).join('') : undefined;
    case 'extended':
      return `${right}x`;
    case 'other-case': {
      const swapped = points.map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
      return swapped === right ? undefined : swapped;
    }
    case 'empty':
      return '';
  }
}

/**
 * A password (or lone user token) written into the target URL is a credential too, and so is the Basic
 * token of `user:pass` a server may echo.
 */
function userinfoSecrets(baseUrl: string): string[] {
  try {
    const { username, password } = new URL(baseUrl);
    const secrets = [password, password ? '' : username].filter((s) => s.length > 0).flatMap((s) => [s, decodeURIComponent(s)]);
    if (password) secrets.push(Buffer.from(`${decodeURIComponent(username)}:${decodeURIComponent(password)}`, 'utf8').toString('base64'));
    return secrets;
  } catch {
    return [];
  }
}

function joinUrl(baseUrl: string, path: string, query: Readonly<Record<string, string>>): string {
  const base = baseUrl.endsWith('/') ? baseUrl.replace(/\/+$/, '') : baseUrl;
  const search = new URLSearchParams(query).toString();
  return `${base}${path.startsWith('/') || path === '' ? path : `/${path}`}${search ? `?${search}` : ''}`;
}

/**
 * Builds the real request of a planned case: the case's own headers first (never overwritten, so an
 * oversize credential of an invalid case is sent as planned), then the credentials its `auth` asks for.
 * A `--header` routed elsewhere (`options.headerRoutes`: another operation's credential) is never sent.
 * - `configured`: every `--header` for this operation, and the token in the operation's first credential
 *   scheme (none when the operation has no scheme);
 * - `none`: the `--header`s that carry no credential (not this operation's credential headers, not a
 *   conventional one such as `Authorization` or `Cookie`), no token;
 * - `wrong`: as configured, with every credential-scheme header the runner adds given a wrong value
 *   (the scheme's prefix kept); the first scheme is added when none would be present.
 */
export function buildRequest(testCase: Case, baseUrl: string, documentSchemes: readonly CredentialScheme[], options: RunnerOptions): BuiltRequest {
  const planned = testCase.request;
  // A login's token takes the place of `--token`, in the scheme the login names, first.
  const session = options.sessions?.current(testCase.operationId);
  const token = session?.token ?? options.token;
  const credentialSchemes = session ? [session.scheme, ...documentSchemes.filter((s) => s.header !== session.scheme.header)] : documentSchemes;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(planned.headers)) headers[name.toLowerCase()] = value;
  const plannedNames = new Set(Object.keys(headers));
  const schemeHeaders = new Set(credentialSchemes.map((s) => s.header.toLowerCase()));
  const secretHeaderNames = new Set(schemeHeaders);
  const secrets: string[] = [];
  if (options.token) secrets.push(...secretsOf(options.token));
  if (options.sessions) secrets.push(...options.sessions.secrets());
  if (baseUrl.includes('@')) secrets.push(...userinfoSecrets(baseUrl));

  const add = (name: string, value: string): void => {
    if (!plannedNames.has(name)) headers[name] = value;
  };
  for (const [rawName, value] of Object.entries(options.headers)) {
    const name = rawName.toLowerCase();
    if (!REPRESENTATION_HEADERS.has(name)) {
      secretHeaderNames.add(name);
      secrets.push(...secretsOf(value, name));
    }
    const route = options.headerRoutes?.get(name);
    if (route && !route.has(testCase.operationId)) continue;
    if (planned.auth === 'none' && (schemeHeaders.has(name) || route !== undefined || CONVENTIONAL_CREDENTIALS.has(name))) continue;
    add(name, value);
  }
  const first = credentialSchemes[0];
  // The user's own header of the same name wins over the token: it is what they typed for this server.
  if (planned.auth !== 'none' && first && token !== undefined && headers[first.header.toLowerCase()] === undefined) {
    add(first.header.toLowerCase(), `${first.prefix}${token}`);
  }
  // Which token of the login the request carries, so a 401 to it can renew exactly that one.
  const carried = session !== undefined && planned.auth === 'configured' && headers[session.scheme.header] === `${session.scheme.prefix}${session.token}`;
  if (planned.auth === 'wrong') {
    let present = false;
    const wrong = (scheme: CredentialScheme, current: string | undefined): string => {
      const right = current !== undefined && current.toLowerCase().startsWith(scheme.prefix.toLowerCase()) ? current.slice(scheme.prefix.length) : current;
      const value = wrongCredential(right, planned.wrongAs) ?? wrongCredential(undefined);
      // Made from the right one, it holds most of it: scrubbed from every text like the right one.
      if (value && value.length >= 4) secrets.push(value);
      return `${scheme.prefix}${value ?? ''}`;
    };
    for (const scheme of credentialSchemes) {
      const name = scheme.header.toLowerCase();
      if (plannedNames.has(name)) {
        present = true;
      } else if (headers[name] !== undefined) {
        present = true;
        headers[name] = wrong(scheme, headers[name]);
      }
    }
    if (!present && first) headers[first.header.toLowerCase()] = wrong(first, undefined);
  }

  let bodyText: string | undefined;
  if (planned.body !== undefined) {
    // Encoded as the document's media type says (form, multipart, text), JSON by default.
    const encoded = 'json' in planned.body ? encodeBody(planned.body.json, planned.mediaType) : { text: planned.body.raw, contentType: planned.mediaType ?? 'application/json' };
    bodyText = encoded.text;
    if (headers['content-type'] === undefined) headers['content-type'] = encoded.contentType;
  }
  // Any header value carrying the token is a credential, whatever its name.
  if (token) {
    for (const [name, value] of Object.entries(headers)) if (value.includes(token)) secretHeaderNames.add(name);
  }
  return {
    method: planned.method.toUpperCase(),
    url: joinUrl(baseUrl, planned.path, planned.query),
    headers,
    ...(bodyText !== undefined ? { bodyText } : {}),
    secretHeaderNames,
    secrets,
    ...(carried ? { sessionGeneration: session.generation } : {}),
  };
}
