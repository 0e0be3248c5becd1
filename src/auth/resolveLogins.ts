import type { AuthSetting } from '../config/AuthSetting.ts';
import { expandVariables } from '../config/expandVariables.ts';
import { ConfigError } from '../errors/ConformanceError.ts';
import type { ResolvedLogin } from './ResolvedLogin.ts';

/** HCX's session API, on the HCX Manager the document's target names. */
export const HCX_SESSIONS_PATH = '/hybridity/api/sessions';

/**
 * Every login of `auth:` with `${NAME}` read from the environment. An unset variable is one error naming
 * the key and the variable (never a value), raised before anything is sent. `known` are the document
 * names and operationIds of the run: a key that names none of them would log in for nothing. With
 * `keepUnset` (a dry run, which sends nothing) an unset variable stays as written.
 */
export function resolveLogins(auth: Readonly<Record<string, AuthSetting>>, known: ReadonlySet<string>, env: NodeJS.ProcessEnv, options: { readonly keepUnset?: boolean } = {}): ResolvedLogin[] {
  return Object.entries(auth).map(([key, setting]) => {
    if (!known.has(key)) throw new ConfigError(`auth.${key}: no document or operation is named "${key}" (known: ${[...known].sort().join(', ')})`);
    return resolveLogin(key, setting, env, options.keepUnset ?? false);
  });
}

function resolveLogin(key: string, setting: AuthSetting, env: NodeJS.ProcessEnv, keepUnset: boolean): ResolvedLogin {
  const secrets: string[] = [];
  const read = (text: string, where: string, secret = false): string =>
    expandVariables(
      text,
      env,
      (name, written) => {
        if (keepUnset) return written;
        throw new ConfigError(`auth.${key}.${where}: environment variable ${name} is not set`);
      },
      secret ? (value) => secrets.push(value) : undefined,
    );
  if ('hcx' in setting) {
    const { hcx } = setting;
    const username = read(hcx.username, 'hcx.username');
    const password = read(hcx.password, 'hcx.password', true);
    return {
      key,
      kind: 'hcx',
      label: `auth.${key} (hcx)`,
      method: 'POST',
      url: hcx.url !== undefined ? read(hcx.url, 'hcx.url') : HCX_SESSIONS_PATH,
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ username, password }),
      token: { header: 'x-hm-authorization' },
      secrets,
      user: { username, password },
    };
  }
  if ('iam' in setting) {
    const { iam } = setting;
    const username = read(iam.username, 'iam.username');
    const password = read(iam.password, 'iam.password', true);
    const domain = read(iam.domain, 'iam.domain');
    const project = 'name' in iam.project ? { name: read(iam.project.name, 'iam.project.name') } : { id: read(iam.project.id, 'iam.project.id') };
    // The token API's password authentication, scoped to one project (Huawei IAM, "Obtaining a User Token Through Password Authentication").
    const body = { auth: { identity: { methods: ['password'], password: { user: { name: username, password, domain: { name: domain } } } }, scope: { project } } };
    return {
      key,
      kind: 'iam',
      label: `auth.${key} (iam)`,
      method: 'POST',
      url: read(iam.url, 'iam.url'),
      headers: { 'content-type': 'application/json;charset=utf8', accept: 'application/json' },
      body: JSON.stringify(body),
      token: { header: 'x-subject-token' },
      secrets,
      user: { username, password, domain },
    };
  }
  const { login } = setting;
  // In the generic form nothing says which value is the password: every value from the environment is a secret.
  const deep = (value: unknown, where: string): unknown => {
    if (typeof value === 'string') return read(value, where, true);
    if (Array.isArray(value)) return value.map((item, i) => deep(item, `${where}.${i}`));
    if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, deep(item, `${where}.${name}`)]));
    return value;
  };
  const headers = Object.fromEntries(Object.entries(login.headers ?? {}).map(([name, value]) => [name.toLowerCase(), read(value, `login.headers.${name}`, true)]));
  const body = login.body === undefined ? undefined : typeof login.body === 'string' ? read(login.body, 'login.body', true) : JSON.stringify(deep(login.body, 'login.body'));
  if (body !== undefined && headers['content-type'] === undefined) headers['content-type'] = typeof login.body === 'string' ? 'text/plain' : 'application/json';
  return {
    key,
    kind: 'login',
    label: `auth.${key} (login)`,
    method: login.method ?? 'POST',
    url: read(login.url, 'login.url', true),
    headers,
    ...(body !== undefined ? { body } : {}),
    token: 'header' in login.token ? { header: login.token.header.toLowerCase() } : { pointer: login.token.pointer },
    ...(login.header !== undefined || login.prefix !== undefined
      ? { carrier: { ...(login.header !== undefined ? { header: login.header.toLowerCase() } : {}), ...(login.prefix !== undefined ? { prefix: login.prefix } : {}) } }
      : {}),
    secrets,
  };
}
