import { codePointLength } from '../values/codePointLength.ts';
import { resizeText, textOfLength } from '../values/textOfLength.ts';
import type { Keyword, Sample, ValueSite } from './Keyword.ts';
import { patternRegExp } from '../values/patternRegExp.ts';

/**
 * A text of `length` code points that keeps to the node's pattern, so it breaks the length alone: the
 * current value resized when that still matches (a real id stays a prefix), else a text of that length.
 */
function textAt(site: ValueSite, length: number): string {
  const resized = typeof site.current === 'string' && site.current.length > 0 ? resizeText(site.current, length, site.channel) : undefined;
  const matches = (text: string): boolean => site.node.pattern === undefined || patternRegExp(site.node.pattern).test(text);
  if (resized !== undefined && matches(resized)) return resized;
  return textOfLength(length, site.node, site.channel) ?? resized ?? resizeText('', length, site.channel);
}

/** Characters of 3 UTF-8 bytes (one UTF-16 unit each), of 4 (two units each), and a combining pair. */
const WIDE_BMP = ['中', '文', '字', '漢'];
const ASTRAL = ['😀', '𝔸', '🚀', '𐍈'];
const DECOMPOSED = 'e\u0301';

/** `length` code points cycling through `alphabet`, when the node's pattern takes it. */
function textOf(site: ValueSite, length: number, alphabet: readonly string[]): string | undefined {
  let out = '';
  for (let i = 0; i < length; i += 1) out += alphabet[i % alphabet.length];
  return site.node.pattern === undefined || new RegExp(site.node.pattern, 'u').test(out) ? out : undefined;
}

/** `length` code points of decomposed characters (a letter and a combining mark), when the pattern takes it. */
function decomposedOf(site: ValueSite, length: number): string | undefined {
  const text = DECOMPOSED.repeat(Math.floor(length / 2)) + (length % 2 === 1 ? 'a' : '');
  return length >= 2 && (site.node.pattern === undefined || new RegExp(site.node.pattern, 'u').test(text)) ? text : undefined;
}

/**
 * User-perceived characters, counted in linear time without a segmenter (which builds an object per
 * character): code points less combining marks and the two code points each zero-width joiner binds.
 */
function graphemeCount(text: string): number {
  const marks = text.match(/\p{M}/gu)?.length ?? 0;
  const joins = text.match(/\u200d/g)?.length ?? 0;
  return Math.max(codePointLength(text) - marks - 2 * joins, text.length === 0 ? 0 : 1);
}

/**
 * Whether "characters" counted as code points (JSON Schema), UTF-16 units or graphemes disagree on the
 * value's verdict: each is a reading of the page's word. UTF-8 bytes are not characters under any reading.
 */
function contestedLength(kind: string, limit: number, value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const counts = [codePointLength(value), value.length, graphemeCount(value)];
  const verdicts = new Set(counts.map((n) => (kind === 'maxLength' ? n <= limit : n >= limit)));
  return verdicts.size > 1;
}

/** A sample when its value could be built; a reading when another counting of characters disagrees. */
function maybe(variant: string, label: string, value: string | undefined, kind: string, limit: number, provenance?: Sample['provenance']): Sample[] {
  if (value === undefined) return [];
  const judged = provenance ?? (contestedLength(kind, limit, value) ? 'reading' : undefined);
  return [{ variant, label, value, ...(judged ? { provenance: judged } : {}) }];
}

/**
 * Valid text as data really is, at the maximum: characters of 3 UTF-8 bytes (every count but bytes agrees
 * they are `limit` characters: the page's), of 4 bytes (UTF-16 counts twice as many: a reading), tab and
 * line break inside (the page states no character set, a refusal is a reading), decomposed characters.
 */
function wideAtMax(limit: number, site: ValueSite): Sample[] {
  if (site.channel !== 'text' || limit < 2) return [];
  const base = textOfLength(limit - 2, site.node, 'ascii');
  const controls = base === undefined ? undefined : `${base.slice(0, 1)}\t\n${base.slice(1)}`;
  return [
    ...maybe(`length-${limit}-wide`, `length ${limit} in 3-byte characters`, textOf(site, limit, WIDE_BMP), 'maxLength', limit),
    ...maybe(`length-${limit}-astral`, `length ${limit} in 4-byte characters`, textOf(site, limit, ASTRAL), 'maxLength', limit),
    // The page states no character set: a refusal of control whitespace is a reading.
    ...maybe(
      `length-${limit}-controls`,
      `length ${limit} with a tab and a line break`,
      controls !== undefined && (site.node.pattern === undefined || new RegExp(site.node.pattern, 'u').test(controls)) ? controls : undefined,
      'maxLength',
      limit,
      'reading',
    ),
    ...maybe(`length-${limit}-combining`, `length ${limit} in decomposed characters`, decomposedOf(site, limit), 'maxLength', limit),
  ];
}

/**
 * Over the maximum in the forms a normalising server shortens before it counts: surrounding spaces
 * (trimmed: the value sent still has `limit + 1` characters, the page's), runs of inner spaces
 * (collapsed), decomposed characters
 * (composed, or counted as graphemes: a reading of "characters").
 */
function normalisedOverMax(limit: number, site: ValueSite): Sample[] {
  if (site.channel !== 'text' || limit < 1) return [];
  const inner = textOfLength(limit - 1, site.node, 'ascii');
  const padded = inner === undefined ? undefined : ` ${inner} `;
  // Runs of inner spaces, which a server that collapses whitespace before it counts makes shorter.
  const words = textOfLength(Math.ceil((limit + 1) / 3), site.node, 'ascii');
  const spaced =
    words === undefined
      ? undefined
      : [...words]
          .join('  ')
          .slice(0, limit + 1)
          .padEnd(limit + 1, 'a');
  return [
    ...maybe(
      `length-${limit + 1}-padded`,
      `length ${limit + 1} with surrounding spaces`,
      padded !== undefined && (site.node.pattern === undefined || new RegExp(site.node.pattern, 'u').test(padded)) ? padded : undefined,
      'maxLength',
      limit,
    ),
    ...maybe(
      `length-${limit + 1}-spaced`,
      `length ${limit + 1} with runs of inner spaces`,
      spaced !== undefined && limit >= 3 && (site.node.pattern === undefined || new RegExp(site.node.pattern, 'u').test(spaced)) ? spaced : undefined,
      'maxLength',
      limit,
    ),
    ...maybe(`length-${limit + 1}-decomposed`, `length ${limit + 1} in decomposed characters`, decomposedOf(site, limit + 1), 'maxLength', limit),
  ];
}

/** Far over a limit: ten times it (at least 100 more), capped so a request stays a reasonable size. */
function farOver(max: number): number {
  return Math.min(Math.max(max * 10, max + 100), max + 100_000);
}

/** `minLength` and `maxLength`, counted in code points as JSON Schema counts them. */
export const lengthKeyword: Keyword = {
  kinds: ['minLength', 'maxLength'],
  rules: (node) => [
    ...(node.minLength !== undefined ? [{ kind: 'minLength' as const, value: node.minLength, keywordPointer: '' }] : []),
    ...(node.maxLength !== undefined ? [{ kind: 'maxLength' as const, value: node.maxLength, keywordPointer: '' }] : []),
  ],
  boundaries: (rule, site) => {
    const limit = rule.value as number;
    const out: Sample[] = [];
    // ASCII at the limit: its length is the same whether a server counts code points, UTF-16 units or
    // bytes, so a boundary case never blames a server for a counting the page does not settle.
    const text = textOfLength(limit, site.node, 'ascii') ?? textOfLength(limit, site.node, site.channel);
    if (text !== undefined) out.push({ variant: `length-${limit}`, label: `length ${limit}`, value: text });
    if (rule.kind === 'maxLength') out.push(...wideAtMax(limit, site));
    return out;
  },
  // As long, and as contested by the other countings, as the sample: its characters do not matter.
  atSample: (rule, sample, actual) =>
    typeof actual === 'string' &&
    typeof sample.value === 'string' &&
    codePointLength(actual) === codePointLength(sample.value) &&
    contestedLength(rule.kind, rule.value as number, actual) === contestedLength(rule.kind, rule.value as number, sample.value),
  violations: (rule, site) => {
    const limit = rule.value as number;
    if (rule.kind === 'minLength') return limit > 0 ? [{ variant: `length-${limit - 1}`, label: `length ${limit - 1}`, value: textAt(site, limit - 1) }] : [];
    const far = farOver(limit);
    return [
      { variant: `length-${limit + 1}`, label: `length ${limit + 1}`, value: textAt(site, limit + 1) },
      ...normalisedOverMax(limit, site),
      { variant: `length-${far}`, label: `length ${far}`, value: textAt(site, far) },
    ];
  },
  // The type's text draw keeps the lengths (every counting: code points, UTF-16 units, UTF-8 bytes).
  valid: (_node, values) => values,
  locate: (issue) => (issue.keyword === 'minLength' || issue.keyword === 'maxLength' ? { kind: issue.keyword, target: issue.at } : undefined),
  contested: (rule, actual) => contestedLength(rule.kind, rule.value as number, actual),
  describe: (rule, actual) => {
    const length = typeof actual === 'string' ? codePointLength(actual) : undefined;
    return rule.kind === 'maxLength' ? `has ${length} characters, more than maxLength ${String(rule.value)}` : `has ${length} characters, fewer than minLength ${String(rule.value)}`;
  },
};
