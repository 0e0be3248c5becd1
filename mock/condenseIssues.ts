import type { ValidationIssue } from '../src/validation/OperationValidators.ts';

/**
 * ajv reports a failed `anyOf` of `required` alternatives as one `required` issue per alternative plus
 * the `anyOf`; a server says it once: "must have at least one of a, b, c".
 */
export function condenseIssues(issues: readonly ValidationIssue[]): readonly ValidationIssue[] {
  const anyOfAt = new Set(issues.filter((i) => i.keyword === 'anyOf').map((i) => `${i.where}\u0000${i.at}`));
  if (anyOfAt.size === 0) return issues;
  const alternatives = new Map<string, string[]>();
  const kept: ValidationIssue[] = [];
  for (const issue of issues) {
    const key = `${issue.where}\u0000${issue.at}`;
    const name = issue.keyword === 'required' && anyOfAt.has(key) ? /'([^']+)'/.exec(issue.message)?.[1] : undefined;
    if (name !== undefined) {
      const list = alternatives.get(key) ?? [];
      list.push(name);
      alternatives.set(key, list);
    } else {
      kept.push(issue);
    }
  }
  return kept.map((issue) => {
    const names = issue.keyword === 'anyOf' ? alternatives.get(`${issue.where}\u0000${issue.at}`) : undefined;
    return names ? { ...issue, message: `must have at least one of ${names.join(', ')}` } : issue;
  });
}
