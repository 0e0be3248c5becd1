import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeReportFile } from '../../reporters/writeReportFile.ts';
import type { SentRequest } from '../model/Exchange.ts';
import type { RunReport } from '../model/RunReport.ts';
import type { CorpusEntry } from './CorpusEntry.ts';
import { corpusEntryOf } from './corpusEntryOf.ts';

/** Headers that carry a credential by convention; redacted again here in case a caller forgot. */
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'x-hm-authorization', 'x-auth-token', 'cookie', 'x-api-key']);

function redacted(request: SentRequest): SentRequest {
  const headers = Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [name, CREDENTIAL_HEADERS.has(name.toLowerCase()) ? '[REDACTED]' : value]),
  );
  return { ...request, headers };
}

/** A readable, collision-free file name for a case id. */
function fileNameOf(caseId: string): string {
  const readable = caseId.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120);
  const hash = createHash('sha256').update(caseId).digest('hex').slice(0, 8);
  return `${readable}.${hash}.json`;
}

/**
 * Keeps the failure corpus in step with a run: one small JSON file per failing case (the first finding
 * of the case), and the file of every replayed case that ran again and no longer fails is removed, so
 * the corpus holds what is still broken. An interrupted run removes nothing. Returns the paths written.
 */
export async function saveCorpus(dir: string, report: RunReport, replayed: readonly CorpusEntry[] = []): Promise<string[]> {
  const failing = new Map<string, CorpusEntry>();
  for (const finding of report.findings) if (!failing.has(finding.caseId)) failing.set(finding.caseId, corpusEntryOf(finding));
  if (!report.interrupted) {
    const notRun = new Set(report.notRun.map((n) => n.caseId));
    const operations = new Set(report.operations.map((o) => o.operationId));
    for (const entry of replayed) {
      if (failing.has(entry.caseId) || notRun.has(entry.caseId) || !operations.has(entry.operationId)) continue;
      await rm(join(dir, fileNameOf(entry.caseId)), { force: true });
    }
  }
  const written: string[] = [];
  for (const entry of failing.values()) {
    written.push(await writeReportFile(join(dir, fileNameOf(entry.caseId)), `${JSON.stringify({ ...entry, request: redacted(entry.request) }, null, 2)}\n`));
  }
  return written;
}
