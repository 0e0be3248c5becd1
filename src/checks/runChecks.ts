import type { Constraint } from '../model/Constraint.ts';
import type { Exchange } from '../model/Exchange.ts';
import type { Provenance } from '../model/Provenance.ts';
import type { Verdict } from '../model/Verdict.ts';
import type { Check, CheckContext } from './Check.ts';
import { checkRegistry } from './registry.ts';

/**
 * Where a failing verdict's rule comes from: what the check said for this exchange, else the provenance
 * of the constraint it names, else the operation's `x-conformance.provenance` for the check, else the
 * check's own default.
 */
function provenanceOf(verdict: Verdict, check: Check, context: CheckContext, catalogue: readonly Constraint[]): Provenance {
  if (verdict.provenance) return verdict.provenance;
  const constraint = verdict.constraintId === undefined ? undefined : catalogue.find((c) => c.id === verdict.constraintId);
  return constraint?.provenance ?? context.operation.hints.checkProvenance[check.name] ?? check.provenance;
}

/**
 * Runs every registered check the operation does not skip (and, of those that need settings, the ones
 * given theirs), in registry order, with its own settings, and collects their
 * verdicts; every failing verdict carries the provenance of the rule it breaks.
 */
export function runChecks(exchange: Exchange, context: CheckContext, catalogue: readonly Constraint[]): Verdict[] {
  const withCatalogue: CheckContext = { ...context, catalogue };
  const skipped = new Set(context.expectations.skipChecks);
  const verdicts: Verdict[] = [];
  for (const [name, check] of checkRegistry) {
    if (skipped.has(name)) continue;
    const settings = context.expectations.checkSettings?.[name];
    if (check.needsSettings && settings === undefined) continue;
    const result = check.run(exchange, settings !== undefined ? { ...withCatalogue, settings } : withCatalogue);
    if (result === undefined) continue;
    for (const verdict of Array.isArray(result) ? (result as readonly Verdict[]) : [result as Verdict]) {
      verdicts.push(verdict.outcome === 'fail' ? { ...verdict, provenance: provenanceOf(verdict, check, withCatalogue, catalogue) } : verdict);
    }
  }
  return verdicts;
}
