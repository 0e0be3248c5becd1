import { pointerOf } from '../openapi/pointer.ts';
import type { Keyword } from './Keyword.ts';
import { REMOVE } from './REMOVE.ts';

/**
 * `required`: a member (or parameter, or the body) must be there. Registered after the at-least-one
 * group, which claims the `required` issues of its own `anyOf` branches.
 */
export const requiredKeyword: Keyword = {
  kinds: ['required'],
  rules: (node) => (node.required ?? []).map((member) => ({ kind: 'required' as const, value: true, keywordPointer: '/required', member })),
  boundaries: () => [],
  violations: (rule) => {
    // An empty path segment addresses another route, not this operation: its answer says nothing here.
    if (rule.where === 'path') return [];
    return [{ variant: 'omitted', label: rule.where === 'body' && rule.target === '' ? 'absent' : 'omitted', value: REMOVE }];
  },
  // The type's object draw always has the required members.
  valid: (_node, values) => values,
  locate: (issue) => {
    if (issue.keyword !== 'required') return undefined;
    const member = issue.params['missingProperty'];
    // The validator's own "parameter/body is required" names no member: the rule is at `at` itself.
    return { kind: 'required', target: typeof member === 'string' ? `${issue.at}${pointerOf(member)}` : issue.at };
  },
  describe: () => 'is missing (required)',
};
