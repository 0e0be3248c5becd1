/**
 * Makes server- or spec-supplied text safe for a terminal or a plain-text report: control characters
 * (ANSI escapes a hostile server could send) become visible `\xNN` escapes; newlines and tabs stay.
 */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
