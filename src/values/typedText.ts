import type { SchemaNode } from '../openapi/SchemaNode.ts';
import { codePointLength } from './codePointLength.ts';
import { TYPED_WORDS } from './typedWords.ts';
import { patternRegExp } from './patternRegExp.ts';

/**
 * The longest join of typed words that fits the node: its pattern, and its maxLength counted in UTF-8
 * bytes, so the text is within the limit under any counting a server may use. `undefined` when none fits.
 */
export function typedText(node: SchemaNode, start = 0): string | undefined {
  const max = node.maxLength ?? 64;
  const min = node.minLength ?? 0;
  const pattern = node.pattern !== undefined ? patternRegExp(node.pattern) : undefined;
  let text = '';
  for (let i = 0; i < TYPED_WORDS.length; i += 1) {
    const next = text === '' ? TYPED_WORDS[(start + i) % TYPED_WORDS.length]! : `${text} ${TYPED_WORDS[(start + i) % TYPED_WORDS.length]!}`;
    if (Buffer.byteLength(next) > max) break;
    text = next;
  }
  const fits = codePointLength(text) >= min && text !== '' && (pattern === undefined || pattern.test(text));
  return fits ? text : undefined;
}
