import { SpecError } from '../errors/ConformanceError.ts';
import { CONSTRAINT_KINDS, type ConstraintKind } from '../model/Constraint.ts';
import { isProvenance, PROVENANCES, type Provenance } from '../model/Provenance.ts';
import type { ProvenanceScope } from './Operation.ts';
import { pointerOf } from './pointer.ts';

/** The scope of a document that says nothing: every rule is the page's. */
export const PAGE_SCOPE: ProvenanceScope = { default: 'page', keywords: {} };

function isKeyword(key: string): key is ConstraintKind {
  return (CONSTRAINT_KINDS as readonly string[]).includes(key);
}

/** Reads one provenance value; `at` names where it sits (a JSON pointer, with the file when known). */
export function provenanceValue(value: unknown, at: string): Provenance {
  if (isProvenance(value)) return value;
  throw new SpecError('CONF_ERR_SPEC_INVALID', `${at}: ${JSON.stringify(value)} is not a provenance (one of ${PROVENANCES.join(', ')})`);
}

/**
 * The scope below a node: its `x-provenance` (a string for the node and everything below it, or
 * `{ default?, <keyword>: P }`) over the scope it inherits. The nearest node that says something about a
 * keyword wins, so a `default` also replaces the keyword entries it inherits. `at` is the node's pointer.
 */
export function scopeWithin(parent: ProvenanceScope, node: unknown, at: string): ProvenanceScope {
  const raw = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)['x-provenance'] : undefined;
  if (raw === undefined) return parent;
  const here = `${at}/x-provenance`;
  if (typeof raw === 'string') return { default: provenanceValue(raw, here), keywords: {} };
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new SpecError('CONF_ERR_SPEC_INVALID', `${here}: must be a provenance or an object of them by keyword`);
  }
  const keywords: Partial<Record<ConstraintKind, Provenance>> = {};
  let fallback: Provenance | undefined;
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'default') fallback = provenanceValue(value, `${here}/default`);
    else if (isKeyword(key)) keywords[key] = provenanceValue(value, `${here}${pointerOf(key)}`);
    else throw new SpecError('CONF_ERR_SPEC_INVALID', `${here}${pointerOf(key)}: unknown keyword (one of default, ${CONSTRAINT_KINDS.join(', ')})`);
  }
  return fallback === undefined ? { default: parent.default, keywords: { ...parent.keywords, ...keywords } } : { default: fallback, keywords };
}

/** The provenance of a rule of this kind in a scope; without a kind, the scope's default. */
export function provenanceFor(scope: ProvenanceScope, kind?: ConstraintKind): Provenance {
  return (kind === undefined ? undefined : scope.keywords[kind]) ?? scope.default;
}
