import type { CaseResult } from '../model/CaseResult.ts';
import type { RunReport } from '../model/RunReport.ts';
import { PACT_CHECK } from './pactCheck.ts';
import { PACT_DOCUMENT_CHECKS } from './pactDocumentChecks.ts';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * What `verify-pacts` checked, in one line: what the contracts themselves hold (each answer's status and
 * content type, the members the pages require), and what the document's response rules added on the answers
 * the verifier received.
 */
export function pactSummaryLine(results: readonly CaseResult[], report: RunReport): string {
  const ran = results.filter((r): r is CaseResult & { status: 'ran' } => r.status === 'ran');
  const contracts = ran.filter((r) => r.verdicts.some((v) => v.check === PACT_CHECK));
  const contractFailed = contracts.filter((r) => r.verdicts.some((v) => v.check === PACT_CHECK && v.outcome === 'fail')).length;
  const judged = ran.filter((r) => r.verdicts.some((v) => PACT_DOCUMENT_CHECKS.includes(v.check))).length;
  const added = report.findings.filter((f) => f.check !== PACT_CHECK);
  const failures = added.filter((f) => f.severity === 'failure').length;
  const notSent = results.length - ran.length;
  return [
    `conformance verify-pacts: the contracts checked ${plural(contracts.length, 'interaction')} (status, content type and the members the pages require): ${contractFailed} failed`,
    `the document's response rules (${PACT_DOCUMENT_CHECKS.join(', ')}) judged ${plural(judged, 'answer')}: ${plural(failures, 'failure')}, ${plural(added.length - failures, 'warning')}`,
    ...(notSent > 0 ? [`${plural(notSent, 'interaction')} not sent`] : []),
  ].join('; ');
}
