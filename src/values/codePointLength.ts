/** Length in Unicode code points, as JSON Schema (and ajv) counts `minLength`/`maxLength`. */
export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}
