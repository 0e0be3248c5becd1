import type { ConstraintKind } from '../model/Constraint.ts';
import type { Provenance } from '../model/Provenance.ts';
import type { ProvenanceScope } from '../openapi/Operation.ts';
import type { SchemaNode } from '../openapi/SchemaNode.ts';
import { pointerOf } from '../openapi/pointer.ts';
import { provenanceFor, scopeWithin } from '../openapi/scopeWithin.ts';
import { keywordRegistry } from '../keywords/registry.ts';

/** How deep below its root a schema is catalogued: members nested deeper are left to the validators. */
export const MAX_DEPTH = 8;

/** One keyword found while walking a schema. */
export interface SchemaRule {
  readonly kind: ConstraintKind;
  /** Dotted property path from the walked root (`""` at the root). */
  readonly name: string;
  /** JSON pointer of the value inside an instance. */
  readonly target: string;
  /** JSON pointer of the schema node, relative to the walked root. */
  readonly schemaPointer: string;
  readonly value: unknown;
  readonly source?: string;
  readonly provenance: Provenance;
}

/**
 * Lists the rules of a schema and of every nested property and array item, depth first, in document
 * order, asking each keyword module of the registry what the node states. `x-doc-ref` of the nearest node
 * is the source of each rule; `x-provenance` of the nearest node that names the keyword (or a default) is
 * its provenance. A rule about a member (`required`) belongs to the object that holds the keyword.
 * `rootPointer` (the schema's pointer in the document) names a wrong `x-provenance` in errors.
 */
export function walkSchema(root: SchemaNode, inheritedSource: string | undefined, inheritedScope: ProvenanceScope, rootPointer = ''): SchemaRule[] {
  const rules: SchemaRule[] = [];
  // A recursive schema is walked down each loop once; a deep one only to MAX_DEPTH properties.
  const ancestors = new Set<SchemaNode>();
  const visit = (node: SchemaNode, names: string[], schemaSegments: string[], source: string | undefined, parentScope: ProvenanceScope): void => {
    if (ancestors.has(node) || names.length > MAX_DEPTH) return;
    ancestors.add(node);
    const here = node['x-doc-ref'] ?? source;
    const schemaPointer = pointerOf(...schemaSegments);
    const scope = scopeWithin(parentScope, node, `${rootPointer}${schemaPointer}`);
    for (const keyword of keywordRegistry) {
      for (const rule of keyword.rules(node)) {
        const ruleNames = rule.member !== undefined ? [...names, rule.member] : names;
        const memberSource = rule.member !== undefined ? node.properties?.[rule.member]?.['x-doc-ref'] : undefined;
        // An at-least-one group may carry its own reference to the page's note.
        const ruleSource = rule.kind === 'atLeastOne' ? (node['x-at-least-one']?.['x-doc-ref'] ?? here) : (memberSource ?? here);
        rules.push({
          kind: rule.kind,
          name: ruleNames.join('.'),
          target: pointerOf(...ruleNames),
          schemaPointer: `${schemaPointer}${rule.keywordPointer}`,
          value: rule.value,
          ...(ruleSource ? { source: ruleSource } : {}),
          provenance: provenanceFor(scope, rule.kind),
        });
      }
    }
    for (const [child, childSchema] of Object.entries(node.properties ?? {})) {
      visit(childSchema, [...names, child], [...schemaSegments, 'properties', child], here, scope);
    }
    if (node.items && typeof node.items === 'object') {
      // Array items are addressed with "*" so one rule covers every element.
      visit(node.items, [...names, '*'], [...schemaSegments, 'items'], here, scope);
    }
    ancestors.delete(node);
  };
  visit(root, [], [], inheritedSource, inheritedScope);
  return rules;
}
