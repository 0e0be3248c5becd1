import type { ValidationIssue } from '../src/validation/OperationValidators.ts';

/** One readable line per validation issue; never includes the offending value (it may be a secret). */
export function describeIssue(issue: ValidationIssue): string {
  const at = issue.at === '' ? issue.where : `${issue.where} ${issue.at}`;
  return `${at}: ${issue.message}`;
}
