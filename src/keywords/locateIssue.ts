import type { ValidationIssue } from '../validation/ValidationIssue.ts';
import type { IssueLocation } from './Keyword.ts';
import { keywordRegistry } from './registry.ts';

/** The rule a validation issue reports, asked of each keyword module in registry order. */
export function locateIssue(issue: ValidationIssue): IssueLocation | undefined {
  for (const keyword of keywordRegistry) {
    const location = keyword.locate(issue);
    if (location) return location;
  }
  return undefined;
}
