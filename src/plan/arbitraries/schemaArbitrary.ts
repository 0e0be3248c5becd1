import fc from 'fast-check';
import type { SchemaNode } from '../../openapi/SchemaNode.ts';
import { schemaTypes } from '../schemaTypes.ts';
import type { TextChannel } from '../textOfLength.ts';
import { arrayArbitrary } from './arrayArbitrary.ts';
import { enumArbitrary } from './enumArbitrary.ts';
import { numberArbitrary } from './numberArbitrary.ts';
import { objectArbitrary } from './objectArbitrary.ts';
import { stringArbitrary } from './stringArbitrary.ts';

/** Values valid against a schema node, composed from one arbitrary per construct. */
export function schemaArbitrary(node: SchemaNode, channel: TextChannel = 'text'): fc.Arbitrary<unknown> {
  if (node.const !== undefined) return fc.constant(node.const);
  if (node.enum) return enumArbitrary(node.enum);
  const types = schemaTypes(node);
  if (types.length === 0) return fc.jsonValue({ maxDepth: 2 });
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
          return arrayArbitrary(node, node.items ? schemaArbitrary(node.items, channel) : fc.jsonValue({ maxDepth: 1 }));
        case 'object':
          return objectArbitrary(node, (child) => schemaArbitrary(child, channel));
        default:
          throw new RangeError(`schemaArbitrary: unknown type "${type}"`);
      }
    }),
  );
}
