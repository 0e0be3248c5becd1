import type { Constraint } from '../model/Constraint.ts';
import type { ValidationIssue } from '../validation/OperationValidators.ts';
import { pointerSegments } from './schemaAt.ts';
import { pointerOf } from '../openapi/pointer.ts';

/** ajv's message for a missing member; the issue itself does not carry the member name. */
const MISSING = /required property '(.+)'$/;

/** True for the constraint that the body parses as its JSON media type (`<prefix>.body.json`). */
export function isBodyMediaType(c: Constraint): boolean {
  return c.where === 'body' && c.kind === 'format' && c.target === '' && typeof c.value === 'string' && c.value.includes('/');
}

/** An instance pointer matches a constraint target when every segment is equal, `*` standing for any item index. */
function sameTarget(target: string, at: string): boolean {
  const a = pointerSegments(target);
  const b = pointerSegments(at);
  return a.length === b.length && a.every((s, i) => s === b[i] || (s === '*' && /^\d+$/.test(b[i]!)));
}

function unmapped(issue: ValidationIssue): string {
  return `?${issue.where}:${issue.at || '/'}:${issue.keyword}`;
}

function parameterId(issue: ValidationIssue, constraints: readonly Constraint[]): string | undefined {
  const name = issue.at.replaceAll('/', '.');
  const same = (a: string): boolean => (issue.where === 'header' ? a.toLowerCase() === name.toLowerCase() : a === name);
  return constraints.find((c) => c.where === issue.where && c.kind === issue.keyword && same(c.name))?.id;
}

function bodyId(issue: ValidationIssue, all: readonly ValidationIssue[], body: readonly Constraint[]): string | undefined {
  if (issue.keyword === 'json') return body.find(isBodyMediaType)?.id;
  if (issue.keyword === 'anyOf') return body.find((c) => c.kind === 'atLeastOne' && sameTarget(c.target, issue.at))?.id;
  if (issue.keyword === 'required') {
    const member = MISSING.exec(issue.message)?.[1];
    // The validator's own "request body is required" names no member: it is the body's `required`.
    if (member === undefined) return issue.at === '' ? body.find((c) => c.kind === 'required' && c.target === '')?.id : undefined;
    // A member missing inside an at-least-one group is reported by ajv as `required` under `anyOf`.
    const groupFailed = all.some((i) => i.where === 'body' && i.keyword === 'anyOf' && i.at === issue.at);
    const group = body.find((c) => c.kind === 'atLeastOne' && sameTarget(c.target, issue.at) && Array.isArray(c.value) && c.value.includes(member));
    if (groupFailed && group) return group.id;
    const target = `${issue.at}${pointerOf(member)}`;
    return body.find((c) => c.kind === 'required' && sameTarget(c.target, target))?.id;
  }
  return body.find((c) => c.kind === issue.keyword && !isBodyMediaType(c) && sameTarget(c.target, issue.at))?.id;
}

/**
 * The catalogue ids a list of validation issues stands for, in first-seen order without repeats. An
 * issue no constraint explains is kept as `?where:at:keyword`, so it can never pass for a known one.
 */
export function issueConstraintIds(issues: readonly ValidationIssue[], constraints: readonly Constraint[]): string[] {
  const body = constraints.filter((c) => c.where === 'body');
  const ids: string[] = [];
  for (const issue of issues) {
    const id = (issue.where === 'body' ? bodyId(issue, issues, body) : parameterId(issue, constraints)) ?? unmapped(issue);
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}
