/**
 * Why a text cannot go into an HTTP header field (undefined when it can): a line break, any other
 * control character (tab and DEL included) or a character outside Latin-1. The answer never repeats the
 * text, which is usually a credential; it names the offending code point, which is never part of a
 * usable credential.
 */
export function headerTextProblem(text: string): string | undefined {
  for (const [index, char] of [...text].entries()) {
    const code = char.codePointAt(0)!;
    const where = `at position ${index + 1} (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
    if (code === 0x0a || code === 0x0d) return 'contains a line break';
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return `contains a control character ${where}`;
    if (code > 0xff) return `contains a character outside Latin-1 ${where}`;
  }
  return undefined;
}
