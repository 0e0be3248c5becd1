import fc from 'fast-check';
import type { SchemaNode } from '../openapi/SchemaNode.ts';
import { codePointLength } from './codePointLength.ts';
import { patternRegExp } from './patternRegExp.ts';

/** Where a text travels: header values must stay ASCII; body and URL text may use any printable code point. */
export type TextChannel = 'text' | 'ascii';

// Non-ASCII on purpose (2-byte, 4-byte/astral): a server that counts bytes or UTF-16 units instead of
// code points shows itself at the boundary. Every character is printable and stands alone.
const MIXED = ['a', 'é', '😀', 'b', 'ü', '1', 'ß', 'c'];
const ALPHABETS: Readonly<Record<TextChannel, readonly (readonly string[])[]>> = {
  text: [MIXED, [...'abcdef0123456789'], [...'abcdefghijklmnopqrstuvwxyz'], [...'0123456789'], [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ']],
  ascii: [[...'abcdef0123456789'], [...'abcdefghijklmnopqrstuvwxyz'], [...'0123456789'], [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ']],
};

/**
 * `length` characters of the alphabet in turn, from `offset`: whole turns with `repeat`, so a limit of
 * millions costs one allocation, not one per character.
 */
function cycle(alphabet: readonly string[], length: number, offset = 0): string {
  const n = alphabet.length;
  const start = ((offset % n) + n) % n;
  const turn = [...alphabet.slice(start), ...alphabet.slice(0, start)];
  const whole = Math.floor(length / n);
  return turn.join('').repeat(whole) + turn.slice(0, length - whole * n).join('');
}

/** Resizes a text to `length` code points: keeps its prefix, then pads with the channel's first alphabet. */
export function resizeText(base: string, length: number, channel: TextChannel): string {
  // Without surrogate pairs a code point is one UTF-16 unit: no array of characters for a long text.
  const simple = !/[\uD800-\uDFFF]/.test(base);
  const count = simple ? base.length : [...base].length;
  if (count >= length) return simple ? base.slice(0, length) : [...base].slice(0, length).join('');
  return base + cycle(ALPHABETS[channel][0]!, length - count, count);
}

/**
 * The longest mixed (2- and 4-byte) text whose UTF-8 encoding fits in `maxBytes` and that satisfies the
 * node's pattern, or undefined.
 */
export function textWithinBytes(maxBytes: number, schema: SchemaNode): string | undefined {
  // Whole turns of the alphabet first, then character by character: the cost is one allocation,
  // however large the limit (a maxLength of 350000 or of millions).
  const turnBytes = Buffer.byteLength(MIXED.join(''));
  const turns = Math.max(0, Math.floor(maxBytes / turnBytes) - 1);
  const parts: string[] = [MIXED.join('').repeat(turns)];
  for (let i = 0, bytes = turns * turnBytes; ; i += 1) {
    const next = MIXED[i % MIXED.length]!;
    bytes += Buffer.byteLength(next);
    if (bytes > maxBytes) break;
    parts.push(next);
  }
  const out = parts.join('');
  return out !== '' && /[^\x00-\x7f]/.test(out) && matches(schema, out) ? out : undefined;
}

function matches(schema: SchemaNode, text: string): boolean {
  return schema.pattern === undefined || patternRegExp(schema.pattern).test(text);
}

/**
 * A text of exactly `length` code points that satisfies the node's `pattern` when it has one, or
 * `undefined` when none was found. Deterministic: the alphabets are tried in order, then samples of
 * `fc.stringMatching` under a fixed seed.
 */
export function textOfLength(length: number, schema: SchemaNode, channel: TextChannel = 'text'): string | undefined {
  if (length < 0) return undefined;
  for (const alphabet of ALPHABETS[channel]) {
    const candidate = cycle(alphabet, length);
    if (matches(schema, candidate)) return candidate;
  }
  if (schema.pattern === undefined) return undefined;
  // Sampling a pattern is the costly part, and a document repeats its patterns: done once per
  // (pattern, length, channel) in a process (the answer is deterministic).
  const key = `${channel}\u0000${length}\u0000${schema.pattern}`;
  if (sampled.has(key)) return sampled.get(key);
  const found = sampledText(length, schema, schema.pattern, channel);
  sampled.set(key, found);
  return found;
}

const sampled = new Map<string, string | undefined>();

function sampledText(length: number, schema: SchemaNode, pattern: string, channel: TextChannel): string | undefined {
  let samples: string[];
  try {
    samples = fc.sample(fc.stringMatching(patternRegExp(pattern), { size: length > 10 ? 'large' : 'medium' }), { seed: length, numRuns: 500 });
  } catch {
    // A construct fast-check cannot generate from (a lookahead): only the alphabets above can answer.
    return undefined;
  }
  const fitsChannel = (s: string): boolean => channel === 'text' || /^[\x20-\x7e]*$/.test(s);
  const exact = samples.find((s) => codePointLength(s) === length && fitsChannel(s));
  if (exact !== undefined) return exact;
  // A matching text of another length, grown by repeating its last character or cut short, often still
  // matches (`^st-[a-z0-9]+$` at exactly 26): tried on a few samples.
  for (const sample of samples.filter((s) => s !== '' && fitsChannel(s)).slice(0, 20)) {
    const points = [...sample];
    const resized = points.length > length ? points.slice(0, length).join('') : sample + points[points.length - 1]!.repeat(length - points.length);
    if (matches(schema, resized)) return resized;
  }
  return undefined;
}
