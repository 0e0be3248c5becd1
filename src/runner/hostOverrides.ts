import { createRequire } from 'node:module';
import type * as Undici from 'undici';
import type { buildConnector } from 'undici';

// undici (CommonJS) is loaded by the first connector, not by reading the flag.
const require = createRequire(import.meta.url);

/**
 * `--resolve HOST:PORT:ADDRESS` (curl's flag): connections to HOST:PORT go to ADDRESS instead of what
 * DNS says, while the URL, the Host header, TLS server name and every safety rule keep the name. Keyed
 * `host:port`, host lower case (an IPv6 address in brackets).
 */
export type HostOverrides = Readonly<Record<string, string>>;

/** The `host:port` key of an origin, with the scheme's default port. */
export function hostKeyOf(hostname: string, port: string | number, protocol: string): string {
  const p = port === '' || port === undefined ? (protocol === 'https:' ? 443 : 80) : Number(port);
  return `${hostname.toLowerCase()}:${p}`;
}

/** Parses one `HOST:PORT:ADDRESS`; undefined when malformed. */
export function parseHostOverride(text: string): { readonly key: string; readonly address: string } | undefined {
  const match = /^(\[[0-9a-fA-F:.]+\]|[^:[\]\s]+):(\d{1,5}):(\[[0-9a-fA-F:.]+\]|[^:[\]\s]+)$/.exec(text.trim());
  if (!match) return undefined;
  const port = Number(match[2]);
  if (port < 1 || port > 65535) return undefined;
  return { key: `${match[1]!.toLowerCase()}:${port}`, address: match[3]!.replace(/^\[|\]$/g, '') };
}

/** The address a connection to this origin goes to (undefined: resolve as usual). */
export function overriddenAddress(overrides: HostOverrides | undefined, hostname: string, port: string | number, protocol: string): string | undefined {
  return overrides?.[hostKeyOf(hostname, port, protocol)];
}

/**
 * undici's connector with the overrides applied: the socket goes to the overriding address, and TLS is
 * still verified for the name of the URL.
 */
export function overridingConnector(overrides: HostOverrides, options: buildConnector.BuildOptions): buildConnector.connector {
  const connect = (require('undici') as typeof Undici).buildConnector(options);
  return (opts, callback) => {
    const address = overriddenAddress(overrides, opts.hostname, opts.port, opts.protocol);
    if (address === undefined) return connect(opts, callback);
    // `host` (name:port) stays: undici derives the TLS server name from it.
    return connect({ ...opts, hostname: address }, callback);
  };
}

/** The overrides of a run from its `HOST:PORT:ADDRESS` entries (checked when read: a malformed one is skipped). */
export function hostOverridesOf(entries: readonly string[]): HostOverrides {
  const out: Record<string, string> = {};
  for (const entry of entries) {
    const parsed = parseHostOverride(entry);
    if (parsed) out[parsed.key] = parsed.address;
  }
  return out;
}
