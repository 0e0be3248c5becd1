import type fc from 'fast-check';
import type { Constraint, ConstraintKind } from '../model/Constraint.ts';
import type { Provenance } from '../model/Provenance.ts';
import type { SchemaNode } from '../openapi/SchemaNode.ts';
import type { ValidationIssue } from '../validation/ValidationIssue.ts';
import type { TextChannel } from '../values/textOfLength.ts';

/** One rule a keyword states on one schema node, as the catalogue lists it. */
export interface KeywordRule {
  readonly kind: ConstraintKind;
  readonly value: unknown;
  /** Where the rule points, relative to the node: `""` (the node states it) or the holding keyword (`/required`, `/anyOf`). */
  readonly keywordPointer: string;
  /** For a rule about one member of the node (`required`): the member's name. */
  readonly member?: string;
}

/** Where a constrained value lives in a request, as a keyword needs to know it to vary the value. */
export interface ValueSite {
  /** The schema node of the value. */
  readonly node: SchemaNode;
  /** Header values and path ids stay ASCII; body and query text may carry any printable code point. */
  readonly channel: TextChannel;
  /** The value in the base request, `undefined` when absent. */
  readonly current: unknown;
  /** True for a parameter: the value travels as text, so only what survives as text can be sent. */
  readonly asText: boolean;
  /** For the body itself: whether the document requires one. */
  readonly bodyRequired?: boolean;
}

/** A value to put at a site (or `REMOVE`, or a `RawBody`), with what it is called in labels and case ids. */
export interface Sample {
  /** Human label, e.g. `bandwidth = 0`. */
  readonly label: string;
  /** Short stable name of the variation, part of the case id: `zero`, `as-string`, `length-65`. */
  readonly variant: string;
  readonly value: unknown;
  /**
   * Where the verdict on this value comes from when the page settles it less firmly than the rule
   * (a count of characters the page leaves open): a refusal of such a valid value, or an acceptance of
   * such an invalid one, is judged with this provenance.
   */
  readonly provenance?: Provenance;
}

/** Where a validation issue points: the catalogue kind and the instance pointer of the constrained value. */
export interface IssueLocation {
  readonly kind: ConstraintKind;
  /** Instance pointer of the value the rule constrains (the member for `required`, the object for a group). */
  readonly target: string;
}

/** The JSON types a value is drawn as: one branch of random valid values per type a node admits. */
export type JsonType = 'string' | 'integer' | 'number' | 'boolean' | 'null' | 'array' | 'object';

/** What a keyword's valid side is given besides its node: the branch being drawn and the node's children. */
export interface ValidDraw {
  /** The JSON type of this branch; `undefined` when the node admits any type. */
  readonly type: JsonType | undefined;
  /** Header values and path ids stay ASCII; body and query text may carry any printable code point. */
  readonly channel: TextChannel;
  /** The node's place in the document, for an error that names it. */
  readonly pointer: string;
  /** Random valid values of one member of the node (`properties[name]`), composed the same way. */
  readonly member: (name: string) => fc.Arbitrary<unknown>;
  /** Random valid values of the node's array items, composed the same way. */
  items(): fc.Arbitrary<unknown>;
  /**
   * The kinds of the node's own rules a value breaks (its members' values aside): for a keyword that
   * changes a drawn value, to keep the rules of the keywords before it (a member trimmed for
   * `maxProperties` that the at-least-one group or another member needs stays).
   */
  breaks(value: unknown): ReadonlySet<ConstraintKind>;
}

/**
 * Everything the suite knows about one JSON Schema keyword family, in one module: the catalogue rules it
 * yields, valid values at its edges, the family of values that break it, how random valid values keep it,
 * how to recognise its ajv errors (from ajv's `keyword` and `params`, never the message) and how to
 * describe a failing value.
 */
export interface Keyword {
  /** Catalogue kinds this module owns. */
  readonly kinds: readonly ConstraintKind[];
  /** The rules the keyword states on one schema node (nested nodes are walked by the catalogue). */
  rules(node: SchemaNode): readonly KeywordRule[];
  /** Valid values at the rule's edges (boundary cases). */
  boundaries(rule: Constraint, site: ValueSite): readonly Sample[];
  /**
   * Whether a valid value stands where a boundary sample stands, when that is more than being equal to
   * it (a text of the limit's length, whatever its characters): a random request carrying it is keyed as
   * that boundary case (src/plan/edgeOf.ts). Without it, a value is at a sample when it equals it.
   */
  atSample?(rule: Constraint, sample: Sample, actual: unknown): boolean;
  /** Values that each break the rule; every one is re-validated before it is sent. */
  violations(rule: Constraint, site: ValueSite): readonly Sample[];
  /**
   * The valid side: the node's random valid values of one type branch, as drawn by the keywords before
   * this one in registry order, turned into values that also keep this keyword's rules (mapped, drawn
   * anew, or, for a rule nearly every draw keeps, filtered). `undefined`: no value of this branch's type
   * keeps the rule. A keyword whose rules every value drawn before it keeps returns `values` as they are,
   * and says why. The cost must not grow with a limit (a `maxLength` of 350000 draws as fast as one of 8).
   */
  valid(node: SchemaNode, values: fc.Arbitrary<unknown>, draw: ValidDraw): fc.Arbitrary<unknown> | undefined;
  /** The rule an ajv issue reports, when it is one of this module's. */
  locate(issue: ValidationIssue): IssueLocation | undefined;
  /** What is wrong with `actual`, after the value's name: `has 65 characters, more than maxLength 64`. */
  describe(rule: Constraint, actual: unknown): string;
  /**
   * True when another reasonable reading of the page's words gives this value the other verdict (a length
   * in "characters" counted as UTF-16 units or graphemes): a verdict on it is then a reading, not the page's.
   */
  contested?(rule: Constraint, actual: unknown): boolean;
}
