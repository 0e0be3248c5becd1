import { MatchersV3 } from '@pact-foundation/pact';
import type { ConstraintKind } from '../src/model/Constraint.ts';
import { severityOf } from '../src/model/Provenance.ts';
import type { ProvenanceScope } from '../src/openapi/Operation.ts';
import type { SchemaNode } from '../src/openapi/SchemaNode.ts';
import { PAGE_SCOPE, provenanceFor, scopeWithin } from '../src/openapi/scopeWithin.ts';
import { minimalValue } from '../src/values/minimalValue.ts';
import { integerRangePattern } from './integerRangePattern.ts';

/** A Pact integration-JSON matcher: what pact-js matchers produce, and what the FFI reads. */
export type PactMatcherJson = { readonly 'pact:matcher:type': unknown; readonly value: unknown; readonly [key: string]: unknown };

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function typeOf(schema: SchemaNode, example: unknown): string | undefined {
  const declared: unknown = Array.isArray(schema.type) ? (schema.type as unknown[]).find((t) => t !== 'null') : schema.type;
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

/**
 * Whether a rule of this kind fails a provider that breaks it: the page states it (or robustness asks it).
 * A contract holds only such rules; what the suite reads into a page is a warning of `run`, never a
 * broken pact.
 */
const stated = (scope: ProvenanceScope, kind: ConstraintKind): boolean => severityOf(provenanceFor(scope, kind), false) === 'failure';

function stringMatcher(schema: SchemaNode, example: string, scope: ProvenanceScope): unknown {
  if (schema.enum && stated(scope, 'enum')) return MatchersV3.regex(`^(${schema.enum.map((e) => escapeRegex(String(e))).join('|')})$`, example);
  if (typeof schema.pattern === 'string' && stated(scope, 'pattern')) return MatchersV3.regex(schema.pattern, example);
  const minLength = stated(scope, 'minLength') ? schema.minLength : undefined;
  const maxLength = stated(scope, 'maxLength') ? schema.maxLength : undefined;
  if (minLength !== undefined || maxLength !== undefined) {
    const min = minLength ?? 0;
    const max = maxLength === undefined ? '' : String(maxLength);
    // [\s\S] so that line breaks count too, as JSON Schema's length does.
    return MatchersV3.regex(`^[\\s\\S]{${min},${max}}$`, example);
  }
  return MatchersV3.string(example);
}

function integerMatcher(schema: SchemaNode, example: number, scope: ProvenanceScope): unknown {
  const rules: Record<string, unknown>[] = [{ 'pact:matcher:type': 'integer' }];
  // Pact has no range rule; a regex over the number's text expresses the documented bounds.
  const range = integerRangePattern(stated(scope, 'minimum') ? schema.minimum : undefined, stated(scope, 'maximum') ? schema.maximum : undefined);
  if (range) rules.push({ 'pact:matcher:type': 'regex', regex: range });
  return allOf(example, rules);
}

/**
 * Pact matchers for a value the schema describes, built around `example` (the value the consumer test
 * shows), holding only what the page states (`scope`: the response's provenance, narrowed by each node's
 * `x-provenance`): a member is expected only when a stated `required` names it (Pact fails a response
 * that lacks an expected key, and a page-faithful provider may leave out what the page does not require),
 * or when its value already is a matcher (a stated echo, a provider-state id);
 * each leaf is matched by its type and its stated limits (enum, pattern, length, integer range); arrays by
 * the shape of their items with no minimum. Values already expressed as matchers (echoes, provider-state
 * values) are kept as they are.
 */
export function matcherFromSchema(schema: SchemaNode, example: unknown, parentScope: ProvenanceScope = PAGE_SCOPE): unknown {
  if (MatchersV3.isMatcher(example)) return example;
  // The documents were checked when loaded: a wrong `x-provenance` cannot reach this point.
  const scope = scopeWithin(parentScope, schema, '');
  if (schema.const !== undefined) return MatchersV3.equal(example);
  const type = typeOf(schema, example);
  switch (type) {
    case 'object': {
      if (example === null || typeof example !== 'object' || Array.isArray(example)) return example;
      const required = stated(scope, 'required') ? (schema.required ?? []) : [];
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(example as Record<string, unknown>)) {
        const child = schema.properties?.[key];
        // A value already a matcher is a stated echo or a provider-state id: the page promises the member.
        // A member the schema does not declare (only an example shows it) is not promised either.
        if (!MatchersV3.isMatcher(value) && (!child || !required.includes(key))) continue;
        out[key] = child ? matcherFromSchema(child, value, scope) : value;
      }
      return out;
    }
    case 'array': {
      if (!Array.isArray(example)) return example;
      const itemSchema = schema.items ?? {};
      const first: unknown = example.length > 0 ? example[0] : minimalValue(itemSchema, 'ascii');
      return MatchersV3.atLeastLike(matcherFromSchema(itemSchema, first, scope), 0, 1);
    }
    case 'string':
      return typeof example === 'string' ? stringMatcher(schema, example, scope) : example;
    case 'integer':
      return typeof example === 'number' ? integerMatcher(schema, example, scope) : example;
    case 'number':
      return typeof example === 'number' ? MatchersV3.number(example) : example;
    case 'boolean':
      return typeof example === 'boolean' ? MatchersV3.boolean(example) : example;
    default:
      return example === undefined ? undefined : MatchersV3.like(example);
  }
}
