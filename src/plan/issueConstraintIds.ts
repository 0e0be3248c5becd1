import { locateIssue } from '../keywords/locateIssue.ts';
import type { Constraint } from '../model/Constraint.ts';
import type { ValidationIssue } from '../validation/ValidationIssue.ts';
import { pointerSegments } from '../openapi/pointer.ts';

/** An instance pointer matches a constraint target when every segment is equal, `*` standing for any item index. */
function sameTarget(target: string, at: string): boolean {
  const a = pointerSegments(target);
  const b = pointerSegments(at);
  return a.length === b.length && a.every((s, i) => s === b[i] || (s === '*' && /^\d+$/.test(b[i]!)));
}

function unmapped(issue: ValidationIssue): string {
  return `?${issue.where}:${issue.at || '/'}:${issue.keyword}`;
}

/** A parameter's rules are named `parameter` or `parameter.member`; header names ignore case. */
function sameName(c: Constraint, issue: ValidationIssue, target: string): boolean {
  const name = target.replaceAll('/', '.');
  return issue.where === 'header' ? c.name.toLowerCase() === name.toLowerCase() : c.name === name;
}

/**
 * The catalogue ids a list of validation issues stands for, in first-seen order without repeats: the
 * keyword module that recognises each issue says which kind of rule and which value it is about. An
 * issue no constraint explains is kept as `?where:at:keyword`, so it can never pass for a known one.
 */
export function issueConstraintIds(issues: readonly ValidationIssue[], constraints: readonly Constraint[]): string[] {
  const ids: string[] = [];
  for (const issue of issues) {
    const location = locateIssue(issue);
    const rule =
      location &&
      constraints.find((c) => c.where === issue.where && c.kind === location.kind && (issue.where === 'body' ? sameTarget(c.target, location.target) : sameName(c, issue, location.target)));
    const id = rule?.id ?? unmapped(issue);
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}
