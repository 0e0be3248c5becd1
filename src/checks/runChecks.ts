import type { Constraint } from '../model/Constraint.ts';
import type { Exchange } from '../model/Exchange.ts';
import type { Verdict } from '../model/Verdict.ts';
import type { CheckContext } from './Check.ts';
import { checkRegistry } from './registry.ts';

/** Runs every registered check the operation does not skip, in registry order, and collects their verdicts. */
export function runChecks(exchange: Exchange, context: CheckContext, catalogue: readonly Constraint[]): Verdict[] {
  const withCatalogue: CheckContext = { ...context, catalogue };
  const skipped = new Set(context.expectations.skipChecks);
  const verdicts: Verdict[] = [];
  for (const [name, check] of checkRegistry) {
    if (skipped.has(name)) continue;
    const result = check.run(exchange, withCatalogue);
    if (result === undefined) continue;
    if (Array.isArray(result)) verdicts.push(...(result as readonly Verdict[]));
    else verdicts.push(result as Verdict);
  }
  return verdicts;
}
