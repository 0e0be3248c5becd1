import { isLoopback } from '../runner/isLoopback.ts';

/**
 * The URL a base URL written without its scheme means (`localhost:8080`, `dcaas.example.com/base`), which
 * `new URL` would take for a URL of scheme `localhost:` or refuse: http on loopback, https elsewhere.
 * Undefined when the text has a scheme or is not a host at all.
 */
export function missingScheme(text: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text) || !/^(\[[0-9a-f:.]+\]|[\w.-]+)(:\d{1,5})?(\/\S*)?$/i.test(text)) return undefined;
  return `${isLoopback(`http://${text}`) ? 'http' : 'https'}://${text}`;
}

/** The one line that says so, for a flag or a config key. */
export function missingSchemeProblem(where: string, text: string): string | undefined {
  const guess = missingScheme(text);
  return guess === undefined ? undefined : `${where}: ${text} has no scheme: did you mean ${guess}?`;
}
