import { redactText } from '../runner/redact.ts';

/**
 * The runner's redaction, widened to the forms a secret takes in the verifier's output: as sent, URL
 * encoded (paths, queries) and JSON escaped (bodies in mismatch messages).
 */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret.length === 0) continue;
    forms.add(secret);
    forms.add(encodeURIComponent(secret));
    forms.add(JSON.stringify(secret).slice(1, -1));
  }
  return redactText(text, forms);
}
