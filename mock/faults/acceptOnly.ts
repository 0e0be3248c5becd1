import type { ValidationIssue } from '../../src/validation/OperationValidators.ts';
import type { FaultHooks } from '../FaultHooks.ts';
import type { RequestContext } from '../RequestContext.ts';

/**
 * Accepts a request whose every issue is of one kind (at `where` + `at`, one of `keywords`), and only
 * when `when` holds: a request that breaks anything else is still rejected.
 */
export function acceptOnly(where: string, at: string, keywords: readonly string[], when: (ctx: RequestContext) => boolean = () => true): NonNullable<FaultHooks['acceptRequestDespite']> {
  const matches = (issue: ValidationIssue): boolean => issue.where === where && issue.at === at && keywords.includes(issue.keyword);
  return (issues, ctx) => issues.every(matches) && when(ctx);
}
