/** What every secret is replaced with. */
export const REDACTED = '[REDACTED]';

/** A copy of `headers` where every header named in `secretHeaderNames` (any case) shows `[REDACTED]`. */
export function redactHeaders(headers: Record<string, string>, secretHeaderNames: Iterable<string>): Record<string, string> {
  const secret = new Set<string>();
  for (const name of secretHeaderNames) secret.add(name.toLowerCase());
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name] = secret.has(name.toLowerCase()) ? REDACTED : value;
  return out;
}

/** `text` with every occurrence of every (non-empty) secret value replaced by `[REDACTED]`. */
export function redactText(text: string, secrets: Iterable<string>): string {
  let out = text;
  // Longest first, so a secret that contains another is scrubbed whole.
  const sorted = [...secrets].filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
  for (const secret of sorted) {
    if (out.includes(secret)) out = out.split(secret).join(REDACTED);
  }
  return out;
}
