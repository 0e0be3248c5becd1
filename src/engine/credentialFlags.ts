import { shellQuote } from './shellQuote.ts';

/**
 * The credential flags of a replay line, values as placeholders: `$TOKEN` when the run had one
 * credential, else one per header (`$X_AUTH_TOKEN`). The names come from the run; values never do.
 */
export function credentialFlags(credentialHeaders: readonly string[], token: boolean): string[] {
  const single = credentialHeaders.length + (token ? 1 : 0) === 1;
  const placeholder = (name: string): string => (single ? '$TOKEN' : `$${name.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`);
  return [...credentialHeaders.map((name) => `--header ${shellQuote(`${name}: ${placeholder(name)}`)}`), ...(token ? [`--token ${shellQuote('$TOKEN')}`] : [])];
}
