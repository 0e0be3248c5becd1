import { ConformanceError } from '../errors/ConformanceError.ts';
import type { ConstraintKind } from '../model/Constraint.ts';
import type { Keyword } from './Keyword.ts';
import { keywordRegistry } from './registry.ts';

const byKind = new Map<ConstraintKind, Keyword>(keywordRegistry.flatMap((k) => k.kinds.map((kind) => [kind, k] as const)));

/** The module that owns a catalogue kind (`auth` has none: credentials are the auth cases' business). */
export function keywordFor(kind: ConstraintKind): Keyword | undefined {
  if (kind === 'auth') return undefined;
  const keyword = byKind.get(kind);
  if (!keyword) throw new ConformanceError('CONF_ERR_INTERNAL', `no keyword module owns the constraint kind "${kind}"`);
  return keyword;
}
