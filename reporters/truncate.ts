/** Cuts a text to `max` characters (marking the cut), so no report shows a thousand-line body. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  // Code points, so the cut never splits a character outside the BMP in half.
  const points = [...text];
  if (points.length <= max) return text;
  return `${points.slice(0, max).join('')}… (${points.length - max} more characters)`;
}
