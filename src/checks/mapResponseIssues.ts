import type { Constraint } from '../model/Constraint.ts';
import { valueAt } from '../openapi/pointer.ts';
import type { ValidationIssue } from '../validation/OperationValidators.ts';
import { genericPointer } from './genericPointer.ts';

/** One schema violation of a response body, tied to its catalogue constraint when there is one. */
export interface ResponseViolation {
  readonly constraint?: Constraint;
  /** Readable path of the offending value (`hosted_connect.vlan`, `warnings[0].message`), `""` for the body. */
  readonly path: string;
  /** The offending value; undefined for a missing property. */
  readonly actual: unknown;
  readonly issue: ValidationIssue;
}

function parentOf(pointer: string): string {
  return pointer.slice(0, Math.max(0, pointer.lastIndexOf('/')));
}

function lastSegment(pointer: string): string {
  return pointer.slice(pointer.lastIndexOf('/') + 1).replaceAll('~1', '/').replaceAll('~0', '~');
}

/** ajv keyword → catalogue kind, where they differ (an "at least one of" group is an `anyOf`). */
const KIND_OF_KEYWORD: Readonly<Record<string, string>> = { anyOf: 'atLeastOne' };

/**
 * Ties each ajv issue of a response body to the constraint of the catalogue it breaks: same status key,
 * same instance location (array indices as `*`), same keyword. A `required` issue sits on the parent
 * object, so it is matched through the parent of each required constraint and the property that is
 * actually absent. Issues the catalogue has no rule for are kept, without a constraint.
 */
export function mapResponseIssues(issues: readonly ValidationIssue[], body: unknown, statusKey: string, catalogue: readonly Constraint[]): ResponseViolation[] {
  const rules = catalogue.filter((c) => c.where === 'response' && c.status === statusKey);
  const byLocation = new Map(rules.map((c) => [`${c.target}|${c.kind}`, c]));
  const anyOfAt = new Set(issues.filter((i) => i.keyword === 'anyOf').map((i) => i.at));
  const out: ResponseViolation[] = [];
  const holdersSeen = new Set<string>();
  for (const issue of issues) {
    const { generic, display } = genericPointer(body, issue.at);
    if (issue.keyword === 'required') {
      // ajv reports each missing property of one object separately; the object is inspected once.
      if (holdersSeen.has(issue.at)) continue;
      holdersSeen.add(issue.at);
      const holder = valueAt(body, issue.at);
      const missing = rules.filter(
        (c) => c.kind === 'required' && parentOf(c.target) === generic && holder !== null && typeof holder === 'object' && !(lastSegment(c.target) in holder),
      );
      for (const constraint of missing) {
        const child = lastSegment(constraint.target);
        out.push({ constraint, path: display === '' ? child : `${display}.${child}`, actual: undefined, issue });
      }
      // The branches of an "at least one of" group report `required` too; the group's own issue covers them.
      if (missing.length === 0 && !anyOfAt.has(issue.at)) out.push({ path: display, actual: valueAt(body, issue.at), issue });
      continue;
    }
    const constraint = byLocation.get(`${generic}|${KIND_OF_KEYWORD[issue.keyword] ?? issue.keyword}`);
    out.push({ ...(constraint ? { constraint } : {}), path: display, actual: valueAt(body, issue.at), issue });
  }
  return out;
}
