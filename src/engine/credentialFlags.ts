import { shellQuoteExpanding } from '../runner/shellQuote.ts';

/**
 * The credential flags of a replay line, values as placeholders: `$TOKEN` when the run had one
 * credential, else one per header (`$X_AUTH_TOKEN`), in double quotes: the line runs as printed once the
 * variable is exported. The names come from the run; values never do.
 */
export function credentialFlags(credentialHeaders: readonly string[], token: boolean): string[] {
  const single = credentialHeaders.length + (token ? 1 : 0) === 1;
  const variable = (name: string): string => (single ? 'TOKEN' : name.toUpperCase().replace(/[^A-Z0-9]+/g, '_'));
  return [
    ...credentialHeaders.map((name) => `--header ${shellQuoteExpanding(`${name}: $${variable(name)}`, [variable(name)])}`),
    ...(token ? [`--token ${shellQuoteExpanding('$TOKEN', ['TOKEN'])}`] : []),
  ];
}
