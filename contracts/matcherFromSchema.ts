import { MatchersV3 } from '@pact-foundation/pact';
import type { SchemaNode } from '../src/openapi/SchemaNode.ts';
import { exampleFromSchema } from './exampleFromSchema.ts';
import { integerRangePattern } from './integerRangePattern.ts';

/** A Pact integration-JSON matcher: what pact-js matchers produce, and what the FFI reads. */
export type PactMatcherJson = { readonly 'pact:matcher:type': unknown; readonly value: unknown; readonly [key: string]: unknown };

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function typeOf(schema: SchemaNode, example: unknown): string | undefined {
  const declared = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  if (typeof declared === 'string') return declared;
  if (schema.properties) return 'object';
  if (schema.items) return 'array';
  if (example === null || example === undefined) return undefined;
  return Array.isArray(example) ? 'array' : typeof example;
}

/** Several rules on one value, all of which must hold (the FFI's array form of `pact:matcher:type`). */
function allOf(value: unknown, rules: readonly Record<string, unknown>[]): PactMatcherJson {
  if (rules.length === 1) return { ...rules[0], value } as PactMatcherJson;
  return { 'pact:matcher:type': rules, value };
}

function stringMatcher(schema: SchemaNode, example: string): unknown {
  if (schema.enum) return MatchersV3.regex(`^(${schema.enum.map((e) => escapeRegex(String(e))).join('|')})$`, example);
  if (typeof schema.pattern === 'string') return MatchersV3.regex(schema.pattern, example);
  if (schema.minLength !== undefined || schema.maxLength !== undefined) {
    const min = schema.minLength ?? 0;
    const max = schema.maxLength === undefined ? '' : String(schema.maxLength);
    // [\s\S] so that line breaks count too, as JSON Schema's length does.
    return MatchersV3.regex(`^[\\s\\S]{${min},${max}}$`, example);
  }
  return MatchersV3.string(example);
}

function integerMatcher(schema: SchemaNode, example: number): unknown {
  const rules: Record<string, unknown>[] = [{ 'pact:matcher:type': 'integer' }];
  // Pact has no range rule; a regex over the number's text expresses the documented bounds.
  const range = integerRangePattern(schema.minimum, schema.maximum);
  if (range) rules.push({ 'pact:matcher:type': 'regex', regex: range });
  return allOf(example, rules);
}

/**
 * Pact matchers for a value the schema describes, built around `example` (the value the consumer test
 * shows): keys present in the example are expected, each leaf matched by its type and its documented
 * limits (enum, pattern, length, integer range), arrays by the shape of their items with no minimum.
 * Values already expressed as matchers (echoes, provider-state values) are kept as they are.
 */
export function matcherFromSchema(schema: SchemaNode, example: unknown): unknown {
  if (MatchersV3.isMatcher(example)) return example;
  if (schema.const !== undefined) return MatchersV3.equal(example);
  const type = typeOf(schema, example);
  switch (type) {
    case 'object': {
      if (example === null || typeof example !== 'object' || Array.isArray(example)) return example;
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(example as Record<string, unknown>)) {
        const child = schema.properties?.[key];
        out[key] = child ? matcherFromSchema(child, value) : MatchersV3.like(value);
      }
      return out;
    }
    case 'array': {
      if (!Array.isArray(example)) return example;
      const itemSchema = schema.items ?? {};
      const first = example.length > 0 ? example[0] : exampleFromSchema(itemSchema);
      return MatchersV3.atLeastLike(matcherFromSchema(itemSchema, first), 0, 1);
    }
    case 'string':
      return typeof example === 'string' ? stringMatcher(schema, example) : example;
    case 'integer':
      return typeof example === 'number' ? integerMatcher(schema, example) : example;
    case 'number':
      return typeof example === 'number' ? MatchersV3.number(example) : example;
    case 'boolean':
      return typeof example === 'boolean' ? MatchersV3.boolean(example) : example;
    default:
      return example === undefined ? undefined : MatchersV3.like(example);
  }
}
