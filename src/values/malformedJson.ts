/**
 * JSON text that does not parse: the body's own JSON cut before its last character (so it still looks like
 * the real request, e.g. `{"hosted_connect":{"name":"x"}`), or a lone `{`.
 */
export function malformedJson(body: unknown): string {
  const text = body === undefined ? '' : JSON.stringify(body);
  const cut = text.slice(0, -1);
  if (cut.length > 0) {
    try {
      JSON.parse(cut);
    } catch {
      return cut;
    }
  }
  return '{';
}
