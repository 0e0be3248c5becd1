/**
 * A value as text where only text can go (a URL, a header, a message): a string as it is, anything else
 * as JSON. What JSON cannot write (`undefined`) is the empty text.
 */
export function jsonText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
}
