import { ConfigError } from '../errors/ConformanceError.ts';
import { expandVariables } from './expandVariables.ts';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `${NAME}` in a config file's credentials (`token`, `headers`, a target's `headers`) is the environment
 * variable NAME, so a token need not be written into the file. An unset variable is an error naming the
 * key and the variable, never a value (a dry run, which sends nothing, keeps it as written); nothing else
 * in the file is expanded.
 */
export function expandCredentials(data: unknown, origin: string, env: NodeJS.ProcessEnv = process.env, options: { readonly keepUnset?: boolean } = {}): unknown {
  if (!isRecord(data)) return data;
  const expand = (value: unknown, key: string): unknown =>
    typeof value !== 'string'
      ? value
      : expandVariables(value, env, (name, written) => {
          if (options.keepUnset) return written;
          throw new ConfigError(`${origin}: ${key}: environment variable ${name} is not set`);
        });
  const headers = (value: unknown, key: string): unknown => (isRecord(value) ? Object.fromEntries(Object.entries(value).map(([name, v]) => [name, expand(v, `${key}.${name}`)])) : value);
  const targets = isRecord(data.targets)
    ? Object.fromEntries(
        Object.entries(data.targets).map(([name, setting]) => [
          name,
          Array.isArray(setting)
            ? setting.map((entry: unknown, index) => (isRecord(entry) && 'headers' in entry ? { ...entry, headers: headers(entry.headers, `targets.${name}.${index}.headers`) } : entry))
            : setting,
        ]),
      )
    : data.targets;
  return {
    ...data,
    ...('token' in data ? { token: expand(data.token, 'token') } : {}),
    ...('headers' in data ? { headers: headers(data.headers, 'headers') } : {}),
    ...('targets' in data ? { targets } : {}),
  };
}
