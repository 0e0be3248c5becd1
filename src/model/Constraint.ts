import type { Provenance } from './Provenance.ts';

/** Where a constraint applies: a request part, or the response of one status. */
export type ConstraintLocation = 'path' | 'query' | 'header' | 'body' | 'response';

/** Every kind of rule the catalogue lists: JSON Schema keywords, plus the at-least-one group, the body's media type and auth. */
export const CONSTRAINT_KINDS = [
  'required',
  'type',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'enum',
  'const',
  'pattern',
  'format',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minProperties',
  'maxProperties',
  'additionalProperties',
  'atLeastOne',
  'dependentRequired',
  'mediaType',
  'auth',
] as const;

export type ConstraintKind = (typeof CONSTRAINT_KINDS)[number];

/** One documented rule of one operation, computed from the OpenAPI document. */
export interface Constraint {
  /** Stable id, e.g. `DC.body.hosted_connect.name.maxLength`. */
  readonly id: string;
  readonly operationId: string;
  readonly where: ConstraintLocation;
  /** Response status key (`"200"`, `"4XX"`) for response constraints. */
  readonly status?: string;
  /** Parameter name (path/query/header) or dotted property path (body/response). */
  readonly name: string;
  /** JSON pointer of the constrained value inside the request/response part (`""` for a parameter). */
  readonly target: string;
  /** JSON pointer of the schema node in the dereferenced document. */
  readonly pointer: string;
  readonly kind: ConstraintKind;
  /** The keyword's value: a number, the enum list, the pattern, the type, the member list, the scheme names. */
  readonly value: unknown;
  /** Where the vendor page states the rule (`x-doc-ref`), or `"(schema)"`. */
  readonly source: string;
  /** False for rules of a credential value, which the suite cannot exercise at a boundary. */
  readonly credential: boolean;
  /** Where the rule comes from (`x-provenance` in the document; `page` unless it says otherwise). */
  readonly provenance: Provenance;
}
