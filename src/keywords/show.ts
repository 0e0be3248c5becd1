import { codePointLength } from '../values/codePointLength.ts';

/** A short rendering of a sample value for labels: long texts are cut and their length given. */
export function show(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : value === undefined ? 'undefined' : JSON.stringify(value);
  return text.length > 40 ? `${[...text].slice(0, 12).join('')}… (${typeof value === 'string' ? codePointLength(value) : text.length} chars)` : text;
}
