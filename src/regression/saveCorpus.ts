import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { writeReportFile } from '../../reporters/writeReportFile.ts';
import type { SentRequest } from '../model/Exchange.ts';
import type { RunReport } from '../model/RunReport.ts';
import type { CorpusEntry } from './CorpusEntry.ts';
import { findingKey } from './findingKey.ts';

/** Headers that carry a credential by convention; redacted again here in case a caller forgot. */
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'x-hm-authorization', 'x-auth-token', 'cookie', 'x-api-key']);

function redacted(request: SentRequest): SentRequest {
  const headers = Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [name, CREDENTIAL_HEADERS.has(name.toLowerCase()) ? '[REDACTED]' : value]),
  );
  return { ...request, headers };
}

/** A readable, collision-free file name for a finding key. */
function fileNameOf(key: string): string {
  const readable = key.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120);
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 8);
  return `${readable}.${hash}.json`;
}

/**
 * Stores each finding of a run as one small JSON file named after its key (overwriting the previous run's
 * file for the same defect). Entries of defects not seen this run stay: replaying them first is cheap and
 * catches a defect that comes back. Returns the paths written.
 */
export async function saveCorpus(dir: string, report: RunReport): Promise<string[]> {
  const written: string[] = [];
  for (const finding of report.findings) {
    const key = findingKey(finding);
    const entry: CorpusEntry = {
      key,
      caseId: finding.caseId,
      operationId: finding.operationId,
      check: finding.check,
      ...(finding.constraintId ? { constraintId: finding.constraintId } : {}),
      intent: finding.intent,
      seed: finding.seed,
      request: redacted(finding.request),
    };
    written.push(await writeReportFile(join(dir, fileNameOf(key)), `${JSON.stringify(entry, null, 2)}\n`));
  }
  return written;
}
