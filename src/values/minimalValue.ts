import { alignToMultiple } from './alignToMultiple.ts';
import type { SchemaNode } from '../openapi/SchemaNode.ts';
import { atLeastOneMembers } from '../openapi/atLeastOneMembers.ts';
import { codePointLength } from './codePointLength.ts';
import { nextDouble } from './nextDouble.ts';
import { schemaTypes } from './schemaTypes.ts';
import { textOfLength, type TextChannel } from './textOfLength.ts';
import { typicalFormatValue } from './typicalFormatValue.ts';

/**
 * Lower and upper bounds of a numeric node, inclusive: an exclusive bound becomes the next integer (or
 * the next double), and when a node has both kinds of bound the tighter one wins.
 */
export function numericRange(node: SchemaNode, integer: boolean): { min?: number; max?: number } {
  const past = (bound: number, direction: 1 | -1): number => (integer ? (direction === 1 ? Math.floor(bound) + 1 : Math.ceil(bound) - 1) : nextDouble(bound, direction));
  const lows = [node.minimum, node.exclusiveMinimum !== undefined ? past(node.exclusiveMinimum, 1) : undefined].filter((n): n is number => n !== undefined);
  const highs = [node.maximum, node.exclusiveMaximum !== undefined ? past(node.exclusiveMaximum, -1) : undefined].filter((n): n is number => n !== undefined);
  const min = lows.length > 0 ? Math.max(...lows) : undefined;
  const max = highs.length > 0 ? Math.min(...highs) : undefined;
  return {
    ...(min !== undefined ? { min: integer ? Math.ceil(min) : min } : {}),
    ...(max !== undefined ? { max: integer ? Math.floor(max) : max } : {}),
  };
}

function minimalString(node: SchemaNode, channel: TextChannel): string | undefined {
  const min = node.minLength ?? 0;
  const max = node.maxLength ?? Number.POSITIVE_INFINITY;
  const formatted = node.format !== undefined ? typicalFormatValue(node.format) : undefined;
  if (formatted !== undefined && codePointLength(formatted) >= min && codePointLength(formatted) <= max) return formatted;
  // A short, typical length rather than the empty string: a minimal body should look like real input.
  const length = Math.max(min, Math.min(8, max));
  return textOfLength(length, node, channel) ?? textOfLength(min, node, channel);
}

/** How deep a minimal value nests: deeper required members are a schema no planner can satisfy. */
const MAX_NESTING = 32;

/**
 * A small valid value of a schema node: its const, default or first enum value, else a value built from
 * its type and limits (objects with their required members only, plus one member of an at-least-one
 * group). `undefined` when the planner cannot build one; the re-validation of every case is the judge.
 */
export function minimalValue(node: SchemaNode, channel: TextChannel = 'text', ancestors: ReadonlySet<SchemaNode> = new Set()): unknown {
  if (node.const !== undefined) return node.const;
  // A required member that leads back to its own schema has no finite value.
  if (ancestors.has(node) || ancestors.size > MAX_NESTING) return undefined;
  const inside = new Set(ancestors).add(node);
  if (node.default !== undefined) return node.default;
  if (node.enum && node.enum.length > 0) return node.enum[0];
  const types = schemaTypes(node);
  const type = types.find((t) => t !== 'null') ?? types[0];
  switch (type) {
    case 'string':
      return minimalString(node, channel);
    case 'integer':
    case 'number': {
      const { min, max } = numericRange(node, type === 'integer');
      const plain = min !== undefined ? min : max !== undefined ? Math.min(1, max) : 1;
      // The first multiple at or above it (a step the range leaves no multiple for keeps the plain value).
      const step = typeof node.multipleOf === 'number' && node.multipleOf > 0 ? node.multipleOf : undefined;
      if (step === undefined) return plain;
      const aligned = alignToMultiple(plain, step, 1);
      return max === undefined || aligned <= max ? aligned : plain;
    }
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'array': {
      const count = typeof node.minItems === 'number' ? node.minItems : 0;
      return Array.from({ length: count }, () => (node.items ? minimalValue(node.items, channel, inside) : null));
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      const required = [...(node.required ?? [])];
      const members = atLeastOneMembers(node);
      if (members && !members.some((m) => required.includes(m)) && members[0] !== undefined) required.push(members[0]);
      for (const name of required) {
        const child = node.properties?.[name];
        out[name] = child ? minimalValue(child, channel, inside) : null;
      }
      return out;
    }
    default:
      return {};
  }
}
