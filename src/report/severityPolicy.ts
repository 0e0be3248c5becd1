import { severityOf, type Severity } from '../model/Provenance.ts';
import type { Verdict } from '../model/Verdict.ts';

/**
 * The severity of a failing verdict: `--strict` makes every broken rule a failure, whatever the config
 * file demotes; else the per-operation override (by constraint id, then by check name); else its provenance.
 */
export function severityPolicy(verdict: Verdict, overrides: Readonly<Record<string, Severity>>, strict: boolean): Severity {
  if (strict) return 'failure';
  const override = (verdict.constraintId !== undefined ? overrides[verdict.constraintId] : undefined) ?? overrides[verdict.check];
  return override ?? severityOf(verdict.provenance ?? 'page', strict);
}
