import { keywordFor } from '../keywords/keywordFor.ts';
import { describeValue } from './describeValue.ts';
import type { ResponseViolation } from './mapResponseIssues.ts';

/** One line about one violation, worded by the rule's keyword module: `hosted_connect.vlan = 4000 exceeds maximum 3999`. */
export function describeViolation({ constraint, path, actual, issue }: ResponseViolation): string {
  const name = path === '' ? 'the body' : path;
  if (!constraint) return `${name}: ${issue.message}${path === '' ? '' : ` (got ${describeValue(actual)})`}`;
  const keyword = keywordFor(constraint.kind);
  const what = keyword ? keyword.describe(constraint, actual) : issue.message;
  return actual === undefined ? `${name} ${what}` : `${name} = ${describeValue(actual)} ${what}`;
}
