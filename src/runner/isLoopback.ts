/**
 * True when the URL's host is a loopback literal (127.0.0.0/8, ::1, an IPv4-mapped 127.x) or the name
 * `localhost` (or a `*.localhost` name). Judged by name only: nothing is resolved, so a name that merely
 * resolves to loopback counts as remote (the safe side). An unparsable URL is not loopback.
 */
export function isLoopback(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (/^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) return true;
  if (!host.startsWith('[')) return false;
  const v6 = host.slice(1, -1);
  if (v6 === '::1' || v6 === '0:0:0:0:0:0:0:1') return true;
  // WHATWG URL normalises ::ffff:127.0.0.1 to ::ffff:7f00:1.
  return /^(?:0:0:0:0:0:|::)ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(v6);
}
