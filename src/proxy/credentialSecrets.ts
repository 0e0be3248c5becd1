/**
 * The secret values carried by the credential headers of a request, in every form they may show up
 * elsewhere: the whole header value, the token after an auth scheme (`Bearer x`, `Basic x`), and each
 * cookie value.
 */
export function credentialSecrets(headers: Readonly<Record<string, string>>, credentialNames: ReadonlySet<string>): string[] {
  const secrets: string[] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (!credentialNames.has(name.toLowerCase()) || value.trim() === '') continue;
    secrets.push(value);
    const scheme = /^[A-Za-z][\w-]*\s+(\S.*)$/.exec(value.trim());
    if (scheme) secrets.push(scheme[1]!);
    if (name.toLowerCase() === 'cookie') {
      for (const pair of value.split(';')) {
        const eq = pair.indexOf('=');
        const cookie = eq < 0 ? '' : pair.slice(eq + 1).trim();
        if (cookie !== '') secrets.push(cookie);
      }
    }
  }
  return secrets;
}
