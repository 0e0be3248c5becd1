import fc from 'fast-check';
import { SpecError } from '../../errors/ConformanceError.ts';
import { pointerOf } from '../../openapi/pointer.ts';
import type { SchemaNode } from '../../openapi/SchemaNode.ts';
import { minimalValue } from '../../values/minimalValue.ts';
import { schemaTypes } from '../../values/schemaTypes.ts';
import type { TextChannel } from '../../values/textOfLength.ts';
import { arrayArbitrary } from './arrayArbitrary.ts';
import { enumArbitrary } from './enumArbitrary.ts';
import { numberArbitrary } from './numberArbitrary.ts';
import { objectArbitrary } from './objectArbitrary.ts';
import { stringArbitrary } from './stringArbitrary.ts';

/** How deep random values nest. */
const MAX_DEPTH = 6;

/**
 * Values valid against a schema node, composed from one arbitrary per construct. `pointer` is the node's
 * place in the document: a node no value can satisfy is a schema error that names it, raised while the
 * plan is built, before anything is sent.
 */
export function schemaArbitrary(node: SchemaNode, channel: TextChannel = 'text', pointer = '', ancestors: ReadonlySet<SchemaNode> = new Set()): fc.Arbitrary<unknown> {
  if (node.const !== undefined) return fc.constant(node.const);
  if (node.enum) return enumArbitrary(node.enum);
  // A recursive schema is drawn down each loop once, a deep one to MAX_DEPTH levels: below that, its
  // smallest valid value.
  if (ancestors.has(node) || ancestors.size >= MAX_DEPTH) return fc.constant(minimalValue(node, channel));
  const inside = new Set(ancestors).add(node);
  const types = schemaTypes(node);
  if (types.length === 0) return fc.jsonValue({ maxDepth: 2 });
  try {
    return fc.oneof(
      ...types.map((type): fc.Arbitrary<unknown> => {
        switch (type) {
          case 'string':
            return stringArbitrary(node, channel);
          case 'integer':
          case 'number':
            return numberArbitrary(node, type === 'integer');
          case 'boolean':
            return fc.boolean();
          case 'null':
            return fc.constant(null);
          case 'array':
            return arrayArbitrary(node, node.items ? schemaArbitrary(node.items, channel, `${pointer}/items`, inside) : fc.jsonValue({ maxDepth: 1 }));
          case 'object':
            return objectArbitrary(node, (child, name) => schemaArbitrary(child, channel, `${pointer}${pointerOf('properties', name)}`, inside));
          default:
            throw new RangeError(`unknown type "${type}"`);
        }
      }),
    );
  } catch (cause) {
    if (cause instanceof SpecError) throw cause;
    throw new SpecError('CONF_ERR_SPEC_INVALID', `${pointer || '/'}: no value satisfies the schema: ${(cause as Error).message}`, { cause });
  }
}
