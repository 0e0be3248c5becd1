import type { SchemaNode } from '../openapi/SchemaNode.ts';
import { codePointLength } from '../values/codePointLength.ts';
import { resizeText, type TextChannel } from '../values/textOfLength.ts';
import type { Keyword, Sample } from './Keyword.ts';
import { show } from './show.ts';
import { patternRegExp } from '../values/patternRegExp.ts';

/** Texts within the node's lengths that do not match `pattern`: filler characters, then a plain word. */
function notMatching(node: SchemaNode, pattern: string, channel: TextChannel, current: unknown): Sample[] {
  const re = patternRegExp(pattern);
  const min = node.minLength ?? 0;
  const max = node.maxLength ?? Number.POSITIVE_INFINITY;
  const length = Math.min(max, Math.max(min, typeof current === 'string' ? codePointLength(current) : 8, 1));
  const fillers = [' ', '!', '~', '-', '.', '_', 'Z', 'z', '0'];
  const candidates = [...fillers.map((f) => f.repeat(length)), ...(channel === 'text' ? ['é'.repeat(length)] : []), 'invalid-value!'.slice(0, length)];
  const out: Sample[] = [];
  const first = candidates.find((c) => codePointLength(c) === length && !re.test(c));
  if (first !== undefined) out.push({ variant: 'not-matching', label: `= ${show(first)}`, value: first });
  // A value that matches with a character more in front: catches a pattern applied without its anchors.
  if (typeof current === 'string' && re.test(current) && codePointLength(current) < max && !re.test(`!${current}`)) {
    out.push({ variant: 'prefixed', label: `= ${show(`!${current}`)}`, value: `!${current}` });
  }
  // The same with a character more behind: a pattern applied to the first characters only.
  if (typeof current === 'string' && re.test(current) && codePointLength(current) < max && !re.test(`${current}!`)) {
    out.push({ variant: 'suffixed', label: `= ${show(`${current}!`)}`, value: `${current}!` });
  }
  // The valid value in other letter case: a pattern matched without regard to case.
  const otherCase = typeof current === 'string' && re.test(current) ? [current.toUpperCase(), current.toLowerCase()].find((t) => t !== current && !re.test(t)) : undefined;
  if (otherCase !== undefined) out.push({ variant: 'other-case', label: `= ${show(otherCase)}`, value: otherCase });
  return out;
}

/**
 * Values one step from a format, which a parser that only looks at the length or the characters lets
 * through: for a UUID, the current one (or a fixed one) without its dashes, and with a letter that is not
 * a hex digit.
 */
function nearMisses(format: string, current: unknown): Sample[] {
  if (format !== 'uuid') return [];
  const uuid = typeof current === 'string' && /^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(current) ? current : '7d444840-9dc0-11d1-b245-5ffdce74fad2';
  const noDashes = uuid.replaceAll('-', '');
  const nonHex = `${uuid.slice(0, -1)}g`;
  return [
    { variant: 'no-dashes', label: `= ${show(noDashes)}`, value: noDashes },
    { variant: 'non-hex', label: `= ${show(nonHex)}`, value: nonHex },
  ];
}

/** `pattern` and `format`: the shape of a text. */
export const patternKeyword: Keyword = {
  kinds: ['pattern', 'format'],
  rules: (node) => [
    ...(node.pattern !== undefined ? [{ kind: 'pattern' as const, value: node.pattern, keywordPointer: '' }] : []),
    ...(node.format !== undefined ? [{ kind: 'format' as const, value: node.format, keywordPointer: '' }] : []),
  ],
  boundaries: () => [],
  violations: (rule, site) => {
    if (rule.kind === 'pattern') return notMatching(site.node, rule.value as string, site.channel, site.current);
    const min = site.node.minLength ?? 0;
    const max = site.node.maxLength ?? Number.POSITIVE_INFINITY;
    const word = `not-a-${String(rule.value)}`;
    const value = resizeText(word, Math.min(max, Math.max(min, codePointLength(word))), site.channel);
    const fits = (text: string): boolean => codePointLength(text) >= min && codePointLength(text) <= max;
    return [{ variant: 'malformed', label: `= ${show(value)}`, value }, ...nearMisses(String(rule.value), site.current).filter((sample) => fits(sample.value as string))];
  },
  // The type's text draw matches the pattern and the format within the lengths.
  valid: (_node, values) => values,
  locate: (issue) => (issue.keyword === 'pattern' || issue.keyword === 'format' ? { kind: issue.keyword, target: issue.at } : undefined),
  describe: (rule) => (rule.kind === 'pattern' ? `does not match pattern ${String(rule.value)}` : `is not a valid ${String(rule.value)}`),
};
