import type { Case, IntentKind } from '../model/Case.ts';

/** Cases a conforming server refuses: they change nothing, so they never count towards `--max-accepted`. */
const EXPECTED_REFUSED: ReadonlySet<IntentKind> = new Set(['invalid', 'no-auth', 'wrong-auth', 'unknown-resource', 'other-owner']);

/**
 * The work in the order a run under an accepted-request limit sends it: the cases a conforming server
 * refuses first, then those it accepts, each group in plan order. With `--max-accepted 1` the checks of
 * the refusals are all judged before the one accepted change that ends the resource's part of the run.
 */
export function refusalsFirst<T extends { readonly testCase: Case }>(work: readonly T[]): T[] {
  const refused = (item: T): boolean => EXPECTED_REFUSED.has(item.testCase.intent.kind);
  return [...work.filter(refused), ...work.filter((item) => !refused(item))];
}
