import fc from 'fast-check';
import { SpecError } from '../../errors/ConformanceError.ts';
import type { JsonType, ValidDraw } from '../../keywords/Keyword.ts';
import { keywordRegistry } from '../../keywords/registry.ts';
import { pointerOf } from '../../openapi/pointer.ts';
import type { SchemaNode } from '../../openapi/SchemaNode.ts';
import { minimalValue } from '../../values/minimalValue.ts';
import { schemaTypes } from '../../values/schemaTypes.ts';
import { ownRulesBroken } from './ownRulesBroken.ts';
import type { TextChannel } from '../../values/textOfLength.ts';

/** How deep random values nest. */
const MAX_DEPTH = 6;

/**
 * Values valid against a schema node, composed from the valid side of every keyword module: for each JSON
 * type the node admits, the keywords of the registry in turn narrow the branch's draws (the type first),
 * and the branches are joined. `pointer` is the node's place in the document: a node no value can satisfy
 * is a schema error that names it, raised while the plan is built, before anything is sent.
 */
export function schemaArbitrary(node: SchemaNode, channel: TextChannel = 'text', pointer = '', ancestors: ReadonlySet<SchemaNode> = new Set()): fc.Arbitrary<unknown> {
  // A recursive schema is drawn down each loop once, a deep one to MAX_DEPTH levels: below that, its
  // smallest valid value.
  if (ancestors.has(node) || ancestors.size >= MAX_DEPTH) return fc.constant(minimalValue(node, channel));
  const inside = new Set(ancestors).add(node);
  // Each child is composed once per node, however many keywords draw it.
  const children = new Map<string, fc.Arbitrary<unknown>>();
  const child = (key: string, build: () => fc.Arbitrary<unknown>): fc.Arbitrary<unknown> => {
    let arbitrary = children.get(key);
    if (!arbitrary) children.set(key, (arbitrary = build()));
    return arbitrary;
  };
  const types = schemaTypes(node) as JsonType[];
  try {
    const branches = (types.length > 0 ? types : [undefined]).flatMap((type) => {
      const draw: ValidDraw = {
        type,
        channel,
        pointer,
        member: (name) => {
          const schema = node.properties?.[name];
          if (!schema) throw new RangeError(`no member "${name}" is documented`);
          return child(`m:${name}`, () => schemaArbitrary(schema, channel, `${pointer}${pointerOf('properties', name)}`, inside));
        },
        items: () => child('items', () => (node.items ? schemaArbitrary(node.items, channel, `${pointer}/items`, inside) : fc.jsonValue({ maxDepth: 1 }))),
        breaks: (value) => ownRulesBroken(node, value),
      };
      let values: fc.Arbitrary<unknown> | undefined = fc.jsonValue({ maxDepth: 2 });
      for (const keyword of keywordRegistry) {
        values = keyword.valid(node, values, draw);
        if (values === undefined) return [];
      }
      return [values];
    });
    if (branches.length === 0) throw new RangeError(`no value of type ${types.join(' or ') || 'any'} keeps every keyword`);
    return types.length > 0 ? fc.oneof(...branches) : branches[0]!;
  } catch (cause) {
    if (cause instanceof SpecError) throw cause;
    throw new SpecError('CONF_ERR_SPEC_INVALID', `${pointer || '/'}: no value satisfies the schema: ${(cause as Error).message}`, { cause });
  }
}
