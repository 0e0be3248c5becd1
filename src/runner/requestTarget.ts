/**
 * The request target of an absolute URL as written: its path and query, not normalised, since a URL
 * parser removes dot-segments (`%2E%2E` included) and would send another path than the case planned.
 * A target with characters HTTP does not carry raw (a space, non-ASCII) is sent as the parser encodes it.
 */
export function requestTarget(url: string): string {
  const rest = url.replace(/^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/, '').replace(/#.*$/, '');
  if (!/^[\x21-\x7e]*$/.test(rest)) {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  }
  return rest === '' ? '/' : rest.startsWith('?') ? `/${rest}` : rest;
}
