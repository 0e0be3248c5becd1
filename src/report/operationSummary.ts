import type { Finding } from '../model/Finding.ts';
import type { OperationSummary } from '../model/RunReport.ts';
import { distinctFindings } from './findingSet.ts';
import { verdictOf } from './verdictOf.ts';

/** What an operation's summary is made of, besides its findings. */
export type OperationBasis = Omit<OperationSummary, 'violations' | 'warnings' | 'verdict' | 'cause'>;

/**
 * An operation at one target as the report sums it up: its distinct findings counted by severity, its
 * verdict, and its first cause when it is inconclusive.
 */
export function operationSummary(
  basis: OperationBasis,
  findings: readonly Finding[],
  state: { readonly inconclusive: boolean; readonly interrupted: boolean; readonly cause?: string | undefined },
): OperationSummary {
  const own = findings.filter((f) => f.operationId === basis.operationId && f.target === basis.targetName);
  const violations = distinctFindings(own, 'failure');
  const verdict = verdictOf({ failures: violations, inconclusive: state.inconclusive, interrupted: state.interrupted }, 'operation');
  const cause = verdict === 'inconclusive' ? state.cause : undefined;
  return { ...basis, violations, warnings: distinctFindings(own, 'warning'), verdict, ...(cause !== undefined ? { cause } : {}) };
}
