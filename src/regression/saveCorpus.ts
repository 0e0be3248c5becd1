import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomically } from '../files/writeFileAtomically.ts';
import type { SentRequest } from '../model/Exchange.ts';
import type { RunReport } from '../model/RunReport.ts';
import { credentialHeaderNames } from '../runner/credentialHeaderNames.ts';
import { redactHeaders } from '../runner/redact.ts';
import type { CorpusEntry } from './CorpusEntry.ts';
import { corpusEntryOf } from './corpusEntryOf.ts';

/**
 * The runner redacted the request already; the conventional credential headers and the run's own
 * `--header` names are redacted again here, so a caller's slip cannot put a secret on disk.
 */
function redacted(request: SentRequest, secretHeaderNames: ReadonlySet<string>): SentRequest {
  return { ...request, headers: redactHeaders({ ...request.headers }, secretHeaderNames) };
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
 * the corpus holds what is still broken. An interrupted or inconclusive run removes nothing. Returns the paths written.
 */
export async function saveCorpus(dir: string, report: RunReport, replayed: readonly CorpusEntry[] = []): Promise<string[]> {
  const failing = new Map<string, CorpusEntry>();
  for (const finding of report.findings) if (!failing.has(finding.caseId)) failing.set(finding.caseId, corpusEntryOf(finding));
  // A run that could not test (interrupted, or inconclusive: a wrong id, a refused credential) proves nothing fixed.
  if (!report.interrupted && report.summary.verdict !== 'inconclusive') {
    const notRun = new Set(report.notRun.map((n) => n.caseId));
    const operations = new Set(report.operations.map((o) => o.operationId));
    for (const entry of replayed) {
      if (failing.has(entry.caseId) || notRun.has(entry.caseId) || !operations.has(entry.operationId)) continue;
      await rm(join(dir, fileNameOf(entry.caseId)), { force: true });
    }
  }
  const secretHeaderNames = credentialHeaderNames([], report.invocation?.credentialHeaders ?? []);
  const written: string[] = [];
  for (const entry of failing.values()) {
    written.push(await writeFileAtomically(join(dir, fileNameOf(entry.caseId)), `${JSON.stringify({ ...entry, request: redacted(entry.request, secretHeaderNames) }, null, 2)}\n`));
  }
  return written;
}
