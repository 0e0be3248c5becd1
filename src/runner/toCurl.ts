import type { SentRequest } from '../model/Exchange.ts';
import { singleQuoted as quote } from './shellQuote.ts';

/**
 * The request as a one-line curl command, every argument single-quoted so it pastes safely into a shell.
 * `sent` is already redacted: credentials show as `[REDACTED]` for the user to fill in.
 */
export function toCurl(sent: SentRequest): string {
  const parts = ['curl', '-X', quote(sent.method), quote(sent.url)];
  for (const [name, value] of Object.entries(sent.headers)) parts.push('-H', quote(`${name}: ${value}`));
  if (sent.bodyText !== undefined) parts.push('--data-raw', quote(sent.bodyText));
  return parts.join(' ');
}
