const MASK = '[REDACTED]';

/**
 * Replaces every occurrence of each secret (and of its URL-encoded form) with a mask. Secrets shorter
 * than four characters are masked too: a short token is still a token.
 */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret.length === 0) continue;
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
    forms.add(JSON.stringify(secret).slice(1, -1));
  }
  let out = text;
  // Longest first, so that a secret containing another is masked whole.
  for (const form of [...forms].sort((a, b) => b.length - a.length)) out = out.split(form).join(MASK);
  return out;
}
