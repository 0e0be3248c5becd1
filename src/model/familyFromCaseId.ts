import type { CaseIntent } from './Case.ts';
import { valueFamily } from './valueFamily.ts';

/**
 * The intent of a case stored before intents carried their value family (an older report, corpus entry
 * or pact), with the family its planned id names (`operationId:kind:constraintId:variant@seed`), so its
 * finding keeps the key it had. The one reader of a case id's parts: an intent that has its family, tests
 * no rule, or whose id is not a planned one is returned as it is.
 */
export function familyFromCaseId(operationId: string, caseId: string, intent: CaseIntent): CaseIntent {
  if (!('constraintId' in intent) || intent.family !== undefined) return intent;
  const prefix = `${operationId}:${intent.kind}:${intent.constraintId}:`;
  const at = caseId.lastIndexOf('@');
  if (!caseId.startsWith(prefix) || at < prefix.length) return intent;
  const family = valueFamily(caseId.slice(prefix.length, at));
  return family === '' ? intent : { ...intent, family };
}
