import type { IntentKind } from '../model/Case.ts';
import { checkRegistry } from './registry.ts';

/**
 * The case intents no check would be sent for once `skipChecks` are skipped: every check that plans
 * the intent (`Check.plans`) is skipped. Each maps to the skipped checks that planned it.
 */
export function unplannedIntents(skipChecks: readonly string[]): Map<IntentKind, string[]> {
  const planners = new Map<IntentKind, string[]>();
  for (const check of checkRegistry.values()) for (const intent of check.plans ?? []) planners.set(intent, [...(planners.get(intent) ?? []), check.name]);
  const skipped = new Set(skipChecks);
  return new Map([...planners].filter(([, names]) => names.every((name) => skipped.has(name))));
}
