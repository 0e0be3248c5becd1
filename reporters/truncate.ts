/** Cuts a text to `max` characters (marking the cut), so no report shows a thousand-line body. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… (${text.length - max} more characters)`;
}
