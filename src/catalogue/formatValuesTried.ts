import type { Constraint } from '../model/Constraint.ts';

/** Per request constraint, the values a run sends: `id` then `edges:`, `breaks:` and `odd:` lines, indented. */
export function formatValuesTried(
  catalogue: readonly Constraint[],
  tried: ReadonlyMap<string, { readonly boundary: readonly string[]; readonly violation: readonly string[]; readonly odd?: readonly string[] }>,
): string {
  const lines = ['Values each request constraint is tried with (valid at its edges; sent to break it; odd shapes of a path id, each to be refused with a 4xx):'];
  for (const c of catalogue) {
    const values = tried.get(c.id);
    if (!values) continue;
    lines.push(c.id);
    if (values.boundary.length > 0) lines.push(`  edges:  ${values.boundary.join('; ')}`);
    if (values.violation.length > 0) lines.push(`  breaks: ${values.violation.join('; ')}`);
    if (values.odd && values.odd.length > 0) lines.push(`  odd:    ${values.odd.join('; ')}`);
  }
  return lines.join('\n');
}
