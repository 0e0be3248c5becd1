import { REDACTED } from './redact.ts';

/** A URL with its password (or a lone user token) shown as `[REDACTED]`: safe to print and to record. */
export function redactUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return text;
  }
  if (url.password === '' && url.username === '') return text;
  const userinfo = url.password !== '' ? `${url.username}:${REDACTED}` : REDACTED;
  return text.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, `$1${userinfo}@`);
}
