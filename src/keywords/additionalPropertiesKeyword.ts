import { asObject } from '../values/asObject.ts';
import type { Keyword } from './Keyword.ts';
import { strangerName } from './strangerName.ts';

/** `additionalProperties: false`: an object has no member its schema does not define. */
export const additionalPropertiesKeyword: Keyword = {
  kinds: ['additionalProperties'],
  rules: (node) => (node.additionalProperties === false ? [{ kind: 'additionalProperties', value: false, keywordPointer: '' }] : []),
  boundaries: () => [],
  violations: (_rule, site) => {
    const current = asObject(site.current);
    const name = strangerName(site.node, Object.keys(current));
    return [{ variant: 'undocumented-member', label: `with an undocumented member ${name}`, value: { ...current, [name]: 'x' } }];
  },
  // The type's object draw has documented members only.
  valid: (_node, values) => values,
  locate: (issue) => (issue.keyword === 'additionalProperties' ? { kind: 'additionalProperties', target: issue.at } : undefined),
  describe: (_rule, actual) => {
    const members = Object.keys(asObject(actual));
    return `has a member its schema does not define (members: ${members.join(', ') || 'none'})`;
  },
};
