import type { Finding } from './Finding.ts';

/**
 * Stable identity of a finding across runs: the same defect keeps its key whatever the seed, the case id
 * or the exact message, so a baseline comparison tracks defects and not wording.
 */
export function findingKey(finding: Pick<Finding, 'operationId' | 'check' | 'constraintId' | 'intent'>): string {
  return [finding.operationId, finding.check, finding.constraintId ?? '', finding.intent.kind].join('|');
}
