import type { Constraint } from '../model/Constraint.ts';
import { enumArbitrary } from './arbitraries/enumArbitrary.ts';
import type { JsonType, Keyword, Sample, ValueSite } from './Keyword.ts';
import { show } from './show.ts';

const WORD = 'invalid-value';

/** One letter off: the last letter moved one step in the alphabet (`legacy` → `legacz`). */
function nearMiss(text: string): string {
  const points = [...text];
  const last = points.pop() ?? 'a';
  const code = last.codePointAt(0)!;
  return `${points.join('')}${String.fromCodePoint(last === 'z' || last === 'Z' || last === '9' ? code - 1 : code + 1)}`;
}

function swapCase(text: string): string {
  return [...text].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
}

/**
 * The values careless comparison lets through: each allowed text in other letter case (`LEGACY`,
 * `inservice`), surrounded by spaces, with more after it or its last letter cut, one letter off, the
 * empty string, a plain foreign word; for other
 * enums, a value next to the allowed ones.
 */
function outsideEnum(allowed: readonly unknown[], site: ValueSite): Sample[] {
  const out: Sample[] = [];
  const add = (variant: string, value: unknown): void => {
    if (allowed.some((a) => a === value) || out.some((s) => s.value === value)) return;
    if (site.channel === 'ascii' && typeof value === 'string' && !/^[\x20-\x7e]*$/.test(value)) return;
    out.push({ variant, label: `= ${show(value)}`, value });
  };
  const texts = allowed.filter((v): v is string => typeof v === 'string');
  if (texts.length === 0) {
    const numbers = allowed.filter((v): v is number => typeof v === 'number');
    add('outside', numbers.length > 0 ? Math.max(...numbers) + 1 : WORD);
    return out;
  }
  texts.forEach((text, i) => {
    add(`upper-${i}`, text.toUpperCase());
    add(`lower-${i}`, text.toLowerCase());
    add(`swapped-case-${i}`, swapCase(text));
  });
  const first = texts[0]!;
  add('padded', ` ${first} `);
  // An allowed value with more after it, and its prefix: what a comparison of the first characters only,
  // or a prefix match, lets through.
  add('extended', `${first}x`);
  if ([...first].length > 1) add('truncated', [...first].slice(0, -1).join(''));
  add('near-miss', nearMiss(first));
  add('empty', '');
  add('word', WORD);
  return out;
}

/** Whether a listed value is one of a branch's type (any type when the node states none). */
function isOfType(value: unknown, type: JsonType | undefined): boolean {
  if (type === undefined) return true;
  if (value === null) return type === 'null';
  if (Array.isArray(value)) return type === 'array';
  if (typeof value === 'number') return type === 'number' || (type === 'integer' && Number.isInteger(value));
  return typeof value === type;
}

/** `enum` and `const`: the value is one of a list (or exactly one value). */
export const enumKeyword: Keyword = {
  kinds: ['enum', 'const'],
  rules: (node) => [
    ...(node.enum !== undefined ? [{ kind: 'enum' as const, value: node.enum, keywordPointer: '' }] : []),
    ...(node.const !== undefined ? [{ kind: 'const' as const, value: node.const, keywordPointer: '' }] : []),
  ],
  boundaries: (rule: Constraint) => {
    const values = rule.kind === 'const' ? [rule.value] : (rule.value as readonly unknown[]);
    return values.map((value, i) => ({ variant: `value-${i}`, label: `= ${show(value)}`, value }));
  },
  violations: (rule, site) => outsideEnum(rule.kind === 'const' ? [rule.value] : (rule.value as readonly unknown[]), site),
  // A listed node's values are its list (those of the branch's type): they replace every draw before.
  valid: (node, values, draw) => {
    const listed = node.const !== undefined ? [node.const] : node.enum;
    if (listed === undefined) return values;
    const ofType = listed.filter((value) => isOfType(value, draw.type));
    return ofType.length > 0 ? enumArbitrary(ofType) : undefined;
  },
  locate: (issue) => (issue.keyword === 'enum' || issue.keyword === 'const' ? { kind: issue.keyword, target: issue.at } : undefined),
  describe: (rule, _actual) =>
    rule.kind === 'const' ? `is not ${show(rule.value)}` : `is not one of ${(rule.value as readonly unknown[]).map((v) => (typeof v === 'string' ? v : show(v))).join(', ')}`,
};
