import { locateIssue } from '../keywords/locateIssue.ts';
import type { Constraint } from '../model/Constraint.ts';
import { valueAt } from '../openapi/pointer.ts';
import type { ValidationIssue } from '../validation/ValidationIssue.ts';
import { genericPointer } from './genericPointer.ts';

/** One schema violation of a response body, tied to its catalogue constraint when there is one. */
export interface ResponseViolation {
  readonly constraint?: Constraint;
  /** Readable path of the offending value (`hosted_connect.vlan`, `warnings[0].message`), `""` for the body. */
  readonly path: string;
  /** The offending value; undefined for a missing member. */
  readonly actual: unknown;
  readonly issue: ValidationIssue;
}

/**
 * Ties each ajv issue of a response body to the constraint of the catalogue it breaks: the keyword module
 * that recognises the issue says which kind of rule and which value it is about (the missing member for
 * `required`, the object for a group); the rule is the one of the same status, kind and instance location
 * (array indices as `*`). One violation per rule and value: ajv reports an at-least-one group once per
 * branch. Issues the catalogue has no rule for are kept, without a constraint.
 */
export function mapResponseIssues(issues: readonly ValidationIssue[], body: unknown, statusKey: string, catalogue: readonly Constraint[]): ResponseViolation[] {
  const rules = catalogue.filter((c) => c.where === 'response' && c.status === statusKey);
  const byLocation = new Map(rules.map((c) => [`${c.target}|${c.kind}`, c]));
  const out: ResponseViolation[] = [];
  const seen = new Set<string>();
  for (const issue of issues) {
    const location = locateIssue(issue);
    const at = location?.target ?? issue.at;
    const { generic, display } = genericPointer(body, at);
    const constraint = location ? byLocation.get(`${generic}|${location.kind}`) : undefined;
    const key = `${at}|${constraint?.id ?? `${issue.keyword}|${issue.message}`}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ...(constraint ? { constraint } : {}), path: display, actual: valueAt(body, at), issue });
  }
  return out;
}
