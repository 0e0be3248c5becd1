/**
 * The secrets one credential value carries, each as it may show up on its own elsewhere: the whole value,
 * the token after an auth scheme (`Bearer x`), for `Basic` the decoded `user:pass` and its password, and
 * for a `Cookie` header each cookie's value. `redactText` adds the text forms of each (URL, JSON).
 */
export function secretsOf(value: string, headerName = ''): string[] {
  const trimmed = value.trim();
  if (trimmed === '') return [];
  const secrets = [value, trimmed];
  const scheme = /^([A-Za-z][\w-]*)\s+(\S.*)$/.exec(trimmed);
  if (scheme) {
    const token = scheme[2]!;
    secrets.push(token);
    if (scheme[1]!.toLowerCase() === 'basic') secrets.push(...basicSecrets(token));
  }
  if (headerName.toLowerCase() === 'cookie') {
    for (const pair of trimmed.split(';')) {
      const eq = pair.indexOf('=');
      const cookie = eq < 0 ? '' : pair.slice(eq + 1).trim();
      if (cookie !== '') secrets.push(cookie);
    }
  }
  return [...new Set(secrets)];
}

/** `user:pass` of a Basic credential, and the password alone, when the token decodes to that. */
function basicSecrets(token: string): string[] {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(token)) return [];
  const decoded = Buffer.from(token, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0 || decoded.includes('\uFFFD')) return [];
  return [decoded, decoded.slice(colon + 1)];
}
