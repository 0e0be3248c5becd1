import type { Constraint } from '../model/Constraint.ts';

/** Per request constraint, the values a run sends: `id` then `edges:` and `breaks:` lines, indented. */
export function formatValuesTried(catalogue: readonly Constraint[], tried: ReadonlyMap<string, { readonly boundary: readonly string[]; readonly violation: readonly string[] }>): string {
  const lines = ['Values each request constraint is tried with (valid at its edges; sent to break it):'];
  for (const c of catalogue) {
    const values = tried.get(c.id);
    if (!values) continue;
    lines.push(c.id);
    if (values.boundary.length > 0) lines.push(`  edges:  ${values.boundary.join('; ')}`);
    if (values.violation.length > 0) lines.push(`  breaks: ${values.violation.join('; ')}`);
  }
  return lines.join('\n');
}
