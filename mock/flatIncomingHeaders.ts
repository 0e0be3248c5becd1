import type { IncomingHttpHeaders } from 'node:http';

/** Node's parsed request headers as one string per (lower-case) name; repeats joined as HTTP allows. */
export function flatIncomingHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  return flat;
}
