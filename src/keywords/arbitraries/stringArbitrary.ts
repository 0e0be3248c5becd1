import fc from 'fast-check';
import type { SchemaNode } from '../../openapi/SchemaNode.ts';
import { codePointLength } from '../../values/codePointLength.ts';
import { textOfLength, type TextChannel } from '../../values/textOfLength.ts';
import { TYPED_WORDS } from '../../values/typedWords.ts';
import { patternRegExp } from '../../values/patternRegExp.ts';

function formatArbitrary(format: string): fc.Arbitrary<string> | undefined {
  const dates = fc.date({ min: new Date('1970-01-01T00:00:00.000Z'), max: new Date('2099-12-31T23:59:59.999Z'), noInvalidDate: true });
  switch (format) {
    case 'uuid':
      return fc.uuid();
    case 'date-time':
      return dates.map((d) => d.toISOString());
    case 'date':
      return dates.map((d) => d.toISOString().slice(0, 10));
    case 'email':
      return fc.emailAddress();
    case 'hostname':
      return fc.domain();
    case 'ipv4':
      return fc.ipV4();
    case 'ipv6':
      return fc.ipV6();
    case 'uri':
      return fc.webUrl();
    default:
      return undefined;
  }
}

/**
 * Strings matching a pattern: `fc.stringMatching`, or, for a construct it cannot generate from (a
 * lookahead), plain strings that the caller filters by the pattern and completes with texts at the limits.
 */
function matchingArbitrary(pattern: string, channel: TextChannel): fc.Arbitrary<string> {
  try {
    return fc.stringMatching(patternRegExp(pattern));
  } catch {
    return fc.string({ unit: channel === 'ascii' ? 'grapheme-ascii' : 'grapheme' });
  }
}

/**
 * Strings of a schema node, their length counted in code points as ajv counts it: single-code-point
 * printable units (ASCII for headers), `minLength`/`maxLength` as given. A `pattern` or `format` is
 * honoured with `fc.stringMatching` or the matching fast-check arbitrary, kept to the length limits; when
 * those rarely fit, deterministic texts at the limits stand in so generation never stalls.
 */
export function stringArbitrary(node: SchemaNode, channel: TextChannel): fc.Arbitrary<string> {
  const minLength = node.minLength ?? 0;
  const maxLength = node.maxLength;
  if (maxLength !== undefined && maxLength < minLength) throw new RangeError(`stringArbitrary: maxLength ${maxLength} is below minLength ${minLength}`);
  const fits = (s: string): boolean => {
    const n = codePointLength(s);
    return n >= minLength && (maxLength === undefined || n <= maxLength) && (channel === 'text' || /^[\x20-\x7e]*$/.test(s));
  };
  const shaped = node.format !== undefined ? formatArbitrary(node.format) : node.pattern !== undefined ? matchingArbitrary(node.pattern, channel) : undefined;
  if (!shaped) {
    const strings = fc.string({ unit: channel === 'ascii' ? 'grapheme-ascii' : 'grapheme-composite', minLength, ...(maxLength !== undefined ? { maxLength } : {}) });
    // Text as people type it too: words with spaces, quotes, punctuation, accents and emoji.
    const typed = fc.array(fc.constantFrom(...TYPED_WORDS), { minLength: 1, maxLength: 6 }).map((words) => words.join(' '));
    const mixed = channel === 'ascii' ? strings : fc.oneof({ arbitrary: strings, weight: 2 }, { arbitrary: typed.filter((s) => codePointLength(s) >= minLength), weight: 1 });
    // Within the limit under every counting (code points, UTF-16 units, UTF-8 bytes): the page does not
    // say which one a server uses, and a valid case must be valid for all of them.
    return maxLength === undefined ? mixed : mixed.filter((s) => Buffer.byteLength(s) <= maxLength);
  }
  const pattern = node.pattern !== undefined ? patternRegExp(node.pattern) : undefined;
  const ok = (s: string): boolean => fits(s) && (pattern === undefined || pattern.test(s));
  // Probe once: a filter that almost never passes would make fast-check spin.
  const probe = fc.sample(shaped, { seed: 1, numRuns: 100 }).filter(ok).length;
  const anchors = [minLength, maxLength ?? minLength + 8].map((n) => textOfLength(n, node, channel)).filter((s): s is string => s !== undefined && ok(s));
  if (probe >= 10) return shaped.filter(ok);
  if (anchors.length > 0) return probe > 0 ? fc.oneof(shaped.filter(ok), fc.constantFrom(...anchors)) : fc.constantFrom(...anchors);
  throw new RangeError(`stringArbitrary: cannot generate strings for pattern ${node.pattern ?? ''} / format ${node.format ?? ''} within lengths ${minLength}..${maxLength ?? '∞'}`);
}
