import fc from 'fast-check';
import type { ParameterSpec } from '../openapi/Operation.ts';
import { codePointLength } from '../values/codePointLength.ts';
import { minimalValue } from '../values/minimalValue.ts';
import { seededRandom } from './seededRandom.ts';
import { seededUuid } from './seededUuid.ts';
import { textOfLength } from '../values/textOfLength.ts';
import { patternRegExp } from '../values/patternRegExp.ts';
import { jsonText } from '../openapi/jsonText.ts';

function fits(value: string, parameter: ParameterSpec): boolean {
  const { minLength = 0, maxLength = Number.POSITIVE_INFINITY, pattern } = parameter.schema;
  const length = codePointLength(value);
  return length >= minLength && length <= maxLength && (pattern === undefined || patternRegExp(pattern).test(value));
}

function seededHex(seed: number, salt: string, length: number): string {
  const next = seededRandom(seed, salt);
  let out = '';
  while (out.length < length) out += next().toString(16).padStart(8, '0');
  return out.slice(0, length);
}

/**
 * A schema-valid, id-like value for a path parameter drawn from (seed, salt): a UUID when the schema
 * admits one, else lowercase hex of an admitted length (the length of `like` when it fits), else a
 * seeded sample of the schema's pattern, else other text the schema admits. Never one of `avoid`.
 */
export function placeholderValue(parameter: ParameterSpec, seed: number, salt: string, options: { avoid?: readonly string[]; like?: string } = {}): string {
  const avoid = options.avoid ?? [];
  const ok = (value: string | undefined): value is string => value !== undefined && fits(value, parameter) && !avoid.includes(value);
  const { minLength = 0, maxLength } = parameter.schema;
  const preferred = options.like !== undefined ? codePointLength(options.like) : 32;
  const length = Math.max(minLength, Math.min(maxLength ?? preferred, preferred));
  const hexes = (): string | undefined => {
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const hex = seededHex(seed, `${salt}:${parameter.name}:${attempt}`, length);
      if (ok(hex)) return hex;
    }
    return undefined;
  };
  // An id like a real one in hex (Huawei's 32-hex project ids) stays hex, so it looks like a real id.
  const likeHex = options.like !== undefined && /^[0-9a-f]+$/.test(options.like) ? hexes() : undefined;
  if (likeHex !== undefined) return likeHex;
  for (let attempt = 0; attempt < 4; attempt += 1) {
    const uuid = seededUuid(seed, `${salt}:${parameter.name}:${attempt}`);
    if (ok(uuid)) return uuid;
  }
  const hex = hexes();
  if (hex !== undefined) return hex;
  if (parameter.schema.pattern !== undefined) {
    let found: string | undefined;
    try {
      const matching = fc.stringMatching(patternRegExp(parameter.schema.pattern));
      found = fc.sample(matching, { seed: seededRandom(seed, salt)() | 0, numRuns: 200 }).find((s) => /^[\x21-\x7e]+$/.test(s) && ok(s));
    } catch {
      // A construct fast-check cannot generate from (a lookahead): the texts below are tried instead.
    }
    if (found !== undefined) return found;
  }
  const text = textOfLength(length, parameter.schema, 'ascii');
  if (ok(text)) return text;
  const minimal = minimalValue(parameter.schema, 'ascii');
  return jsonText(minimal ?? text ?? '');
}
