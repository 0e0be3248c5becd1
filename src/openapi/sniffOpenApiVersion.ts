/** What the top of a document says it is. */
export type DocumentVersion = { readonly kind: 'openapi' | 'swagger'; readonly version: string } | { readonly kind: 'unknown' };

/** How much of a document is read to find its version: the key is at the top of every real document. */
const HEAD_CHARS = 64 * 1024;

/**
 * The `openapi:` or `swagger:` version of a YAML or JSON document, read from its first characters (a
 * top-level YAML key at the start of a line, or a JSON member), so a document of the wrong version is
 * refused before the whole of it is parsed. `unknown` when the head names neither: the caller then
 * parses the whole document and looks again.
 */
export function sniffOpenApiVersion(text: string): DocumentVersion {
  const head = text.slice(0, HEAD_CHARS);
  const json = head.trimStart().startsWith('{');
  const pattern = json ? /"(openapi|swagger)"\s*:\s*"([^"]*)"/ : /^(?:"|')?(openapi|swagger)(?:"|')?\s*:\s*["']?([^"'\s#]*)/m;
  const found = pattern.exec(head);
  if (!found) return { kind: 'unknown' };
  return { kind: found[1] as 'openapi' | 'swagger', version: found[2]! };
}
