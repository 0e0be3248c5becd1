import { inputConditions } from '../conditions.ts';
import { type HooksOf, type Mutant, type OperatorFamily, mutantOf } from '../Mutant.ts';

/** How many leading characters a prefix comparison looks at. */
const PREFIX_CHARS = 8;

/**
 * Credentials: for an operation with security schemes, the credential checked for presence only,
 * compared on a prefix or without letter case, an empty value accepted, or not checked at all when
 * another input has one particular value.
 */
export const credentialMutants: OperatorFamily = ({ operation }) => {
  if (operation.credentialSchemes.length === 0) return [];
  const prefix = operation.hints.constraintPrefix;
  const target = `${prefix}.auth`;
  const out: Mutant[] = [];
  const add = (operator: string, description: string, hooks: HooksOf, variant?: string, params: Mutant['params'] = {}): void => {
    out.push(mutantOf({ family: 'credential', operator, operationId: operation.operationId, target, variant, params, description, hooks }));
  };
  add('presence-only', 'any value of a credential header accepted: presence checked, not the value', { acceptCredential: () => true });
  add('prefix-of-token', 'a credential that is a non-empty prefix of the token accepted', { acceptCredential: (given, expected) => given.length > 0 && expected.startsWith(given) });
  add(
    'first-chars-only',
    `a credential compared on its first ${PREFIX_CHARS} characters only`,
    { acceptCredential: (given, expected) => given.slice(0, PREFIX_CHARS) === expected.slice(0, PREFIX_CHARS) },
    undefined,
    { chars: PREFIX_CHARS },
  );
  add('case-insensitive', 'a credential compared without letter case', { acceptCredential: (given, expected) => given.toLowerCase() === expected.toLowerCase() });
  add('empty-accepted', 'an empty credential value accepted', { acceptCredential: (given, expected) => given.trim() === '' || given === expected });
  for (const condition of inputConditions(operation)) {
    add('not-checked-when', `no credential checked when ${condition.label}`, { acceptUnauthenticated: condition.holds }, condition.label, { when: condition.label });
  }
  return out;
};
