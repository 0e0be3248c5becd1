/** What every secret is replaced with. */
export const REDACTED = '[REDACTED]';

/** Secrets shorter than this are not scrubbed from free text (credential headers are always redacted). */
export const MIN_SECRET_LENGTH = 4;

/** A copy of `headers` where every header named in `secretHeaderNames` (any case) shows `[REDACTED]`. */
export function redactHeaders(headers: Record<string, string>, secretHeaderNames: Iterable<string>): Record<string, string> {
  const secret = new Set<string>();
  for (const name of secretHeaderNames) secret.add(name.toLowerCase());
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) out[name] = secret.has(name.toLowerCase()) ? REDACTED : value;
  return out;
}

/**
 * `text` with every occurrence of every (non-empty) secret replaced by `[REDACTED]`, in each form a
 * secret takes in text: as sent, URL encoded (paths, queries) and JSON escaped (bodies, mismatch messages).
 */
export function redactText(text: string, secrets: Iterable<string>): string {
  const forms = new Set<string>();
  for (const secret of secrets) {
    // A very short value is not scrubbed from text: it would garble it (`t` in `true`) and protect nothing.
    if (secret.length < MIN_SECRET_LENGTH) continue;
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
    forms.add(JSON.stringify(secret).slice(1, -1));
  }
  let out = text;
  // Longest first, so a secret that contains another is scrubbed whole.
  for (const form of [...forms].sort((a, b) => b.length - a.length)) {
    if (out.includes(form)) out = out.split(form).join(REDACTED);
  }
  return out;
}
