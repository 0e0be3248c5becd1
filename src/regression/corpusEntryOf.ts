import type { Finding } from '../model/Finding.ts';
import type { CorpusEntry } from './CorpusEntry.ts';

/** The failing case behind a finding, as the corpus stores it and `replay` re-sends it. */
export function corpusEntryOf(finding: Finding): CorpusEntry {
  return {
    key: finding.key,
    caseId: finding.caseId,
    ...(finding.sequence ? { sequence: finding.sequence } : {}),
    operationId: finding.operationId,
    target: finding.target,
    check: finding.check,
    ...(finding.constraintId ? { constraintId: finding.constraintId } : {}),
    intent: finding.intent,
    seed: finding.seed,
    request: finding.request,
  };
}
