import type { ConstraintKind } from '../model/Constraint.ts';
import type { Provenance } from '../model/Provenance.ts';
import type { ProvenanceScope } from '../openapi/Operation.ts';
import type { SchemaNode } from '../openapi/SchemaNode.ts';
import { pointerOf } from '../openapi/pointer.ts';
import { provenanceFor, scopeWithin } from '../openapi/scopeWithin.ts';

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

const SIMPLE_KEYWORDS: readonly ConstraintKind[] = ['type', 'minLength', 'maxLength', 'minimum', 'maximum', 'enum', 'pattern', 'format'];

function isRequiredOnly(branch: SchemaNode): branch is SchemaNode & { required: readonly [string] } {
  return Object.keys(branch).every((k) => k === 'required') && branch.required?.length === 1;
}

/** The member names of an "at least one of" group (`anyOf` of single-`required` branches), if the node has one. */
export function atLeastOneMembers(node: SchemaNode): string[] | undefined {
  const branches = node.anyOf;
  if (!branches || branches.length === 0 || !branches.every(isRequiredOnly)) return undefined;
  return branches.map((b) => b.required![0]!);
}

/**
 * Lists the validation keywords of a schema and of every nested property, depth first, in document
 * order. `x-doc-ref` of the nearest node is the source of each rule; `x-provenance` of the nearest node
 * that names the keyword (or a default) is its provenance. A `required` rule belongs to the object that
 * holds the `required` list. `rootPointer` (the schema's pointer in the document) names a wrong
 * `x-provenance` in errors.
 */
export function walkSchema(root: SchemaNode, inheritedSource: string | undefined, inheritedScope: ProvenanceScope, rootPointer = ''): SchemaRule[] {
  const rules: SchemaRule[] = [];
  const visit = (node: SchemaNode, names: string[], schemaSegments: string[], source: string | undefined, parentScope: ProvenanceScope): void => {
    const here = node['x-doc-ref'] ?? source;
    const name = names.join('.');
    const target = pointerOf(...names);
    const schemaPointer = pointerOf(...schemaSegments);
    const scope = scopeWithin(parentScope, node, `${rootPointer}${schemaPointer}`);
    for (const kind of SIMPLE_KEYWORDS) {
      const value = node[kind];
      if (value !== undefined) rules.push({ kind, name, target, schemaPointer, value, ...(here ? { source: here } : {}), provenance: provenanceFor(scope, kind) });
    }
    const members = atLeastOneMembers(node);
    if (members) {
      const groupSource = node['x-at-least-one']?.['x-doc-ref'] ?? here;
      rules.push({ kind: 'atLeastOne', name, target, schemaPointer: `${schemaPointer}/anyOf`, value: members, ...(groupSource ? { source: groupSource } : {}), provenance: provenanceFor(scope, 'atLeastOne') });
    }
    for (const [child, childSchema] of Object.entries(node.properties ?? {})) {
      const childNames = [...names, child];
      const childSource = childSchema['x-doc-ref'] ?? here;
      if (node.required?.includes(child)) {
        rules.push({
          kind: 'required',
          name: childNames.join('.'),
          target: pointerOf(...childNames),
          schemaPointer: `${schemaPointer}/required`,
          value: true,
          ...(childSource ? { source: childSource } : {}),
          provenance: provenanceFor(scope, 'required'),
        });
      }
      visit(childSchema, childNames, [...schemaSegments, 'properties', child], here, scope);
    }
    if (node.items && typeof node.items === 'object') {
      // Array items are addressed with "*" so one rule covers every element.
      visit(node.items, [...names, '*'], [...schemaSegments, 'items'], here, scope);
    }
  };
  visit(root, [], [], inheritedSource, inheritedScope);
  return rules;
}
