/** Hop-by-hop headers (RFC 9110 7.6.1): they describe one connection, so a proxy never forwards them. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'transfer-encoding', 'upgrade']);

/**
 * Headers as raw name/value pairs (Node's `rawHeaders`, or undici's flat arrays) without the hop-by-hop
 * ones, nor those the `Connection` header names, nor the names in `drop`; everything else keeps its
 * order, letter case and repeats.
 */
export function forwardableHeaders(raw: readonly string[], drop: readonly string[] = []): string[] {
  const skip = new Set([...HOP_BY_HOP, ...drop]);
  for (let i = 0; i + 1 < raw.length; i += 2) {
    if (raw[i]!.toLowerCase() === 'connection') for (const token of raw[i + 1]!.split(',')) skip.add(token.trim().toLowerCase());
  }
  const out: string[] = [];
  for (let i = 0; i + 1 < raw.length; i += 2) if (!skip.has(raw[i]!.toLowerCase())) out.push(raw[i]!, raw[i + 1]!);
  return out;
}
