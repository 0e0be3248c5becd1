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
    return out;
  },
  violations: (rule, site) => {
    const limit = rule.value as number;
    if (rule.kind === 'minLength') return limit > 0 ? [{ variant: `length-${limit - 1}`, label: `length ${limit - 1}`, value: textAt(site, limit - 1) }] : [];
    const far = farOver(limit);
    return [
      { variant: `length-${limit + 1}`, label: `length ${limit + 1}`, value: textAt(site, limit + 1) },
      { variant: `length-${far}`, label: `length ${far}`, value: textAt(site, far) },
    ];
  },
  locate: (issue) => (issue.keyword === 'minLength' || issue.keyword === 'maxLength' ? { kind: issue.keyword, target: issue.at } : undefined),
  describe: (rule, actual) => {
    const length = typeof actual === 'string' ? codePointLength(actual) : undefined;
    return rule.kind === 'maxLength' ? `has ${length} characters, more than maxLength ${String(rule.value)}` : `has ${length} characters, fewer than minLength ${String(rule.value)}`;
  },
};

