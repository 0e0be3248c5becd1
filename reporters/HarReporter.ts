import type { Entry, Har, Header, PostData } from 'har-format';
import { TOOL_VERSION } from '../src/toolVersion.ts';
import type { CaseResult } from '../src/model/CaseResult.ts';
import type { Exchange } from '../src/model/Exchange.ts';
import type { RunReport } from '../src/model/RunReport.ts';
import type { RunListener } from '../src/model/RunListener.ts';
import type { FileReporterOptions } from './FileReporterOptions.ts';
import { ReportFiles } from './ReportFiles.ts';

/**
 * Characters kept of each request and response body. A run of thousands of cases holds every entry until
 * `onRunEnd`; the runner's own cap (1 MiB by default) per body would be gigabytes, so the HAR keeps less
 * and says so in the entry's `comment`.
 */
export const HAR_BODY_CAP = 64 * 1024;

interface CappedText {
  readonly text: string;
  readonly cut: boolean;
}

function cap(text: string): CappedText {
  return text.length > HAR_BODY_CAP ? { text: text.slice(0, HAR_BODY_CAP), cut: true } : { text, cut: false };
}

function headerList(headers: Readonly<Record<string, string>>): Header[] {
  return Object.entries(headers).map(([name, value]) => ({ name, value }));
}

function headerValue(headers: Readonly<Record<string, string>>, name: string): string | undefined {
  return Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1];
}

function queryOf(url: string): Array<{ name: string; value: string }> {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

/**
 * One exchange as a HAR entry; `sent` is already redacted, so nothing here can re-add a credential.
 * `target` names the server it went to when the run has several.
 */
function toEntry(exchange: Exchange, endedAt: number, target: string | undefined): Entry {
  const { sent, response, failure } = exchange;
  const durationMs = response?.durationMs ?? failure?.durationMs ?? 0;
  const notes: string[] = [];
  const requestBody = sent.bodyText === undefined ? undefined : cap(sent.bodyText);
  if (requestBody?.cut) notes.push(`request body cut at ${HAR_BODY_CAP} characters`);
  const postData: PostData | undefined = requestBody && { mimeType: headerValue(sent.headers, 'content-type') ?? '', text: requestBody.text };
  const responseBody = response && cap(response.bodyText);
  if (response?.truncated) notes.push("response body cut at the runner's --max-response-bytes");
  else if (responseBody?.cut) notes.push(`response body cut at ${HAR_BODY_CAP} characters`);
  if (failure) notes.push(`${failure.kind}: ${failure.message}`);
  const mimeType = response ? (headerValue(response.headers, 'content-type') ?? '') : '';
  return {
    startedDateTime: new Date(endedAt - durationMs).toISOString(),
    time: durationMs,
    request: {
      method: sent.method,
      url: sent.url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: headerList(sent.headers),
      queryString: queryOf(sent.url),
      ...(postData ? { postData } : {}),
      headersSize: -1,
      // The size sent, not the size kept: a reader of the file (check-har) knows a cut body by it.
      bodySize: sent.bodyText !== undefined ? Buffer.byteLength(sent.bodyText) : 0,
    },
    // A request that got no answer is status 0, as browsers record it.
    response: {
      status: response?.status ?? 0,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: response ? headerList(response.headers) : [],
      content: { size: responseBody ? Buffer.byteLength(responseBody.text) : 0, mimeType, ...(responseBody ? { text: responseBody.text } : {}) },
      redirectURL: '',
      headersSize: -1,
      bodySize: responseBody ? Buffer.byteLength(responseBody.text) : 0,
    },
    cache: {},
    // The runner measures one duration per exchange, not its phases.
    timings: { send: 0, wait: durationMs, receive: 0 },
    ...(notes.length > 0 ? { comment: notes.join('; ') } : {}),
    _caseId: exchange.case.id,
    _operationId: exchange.case.operationId,
    _intent: exchange.case.intent.label,
    ...(target !== undefined ? { _target: target } : {}),
  };
}

/** Map key of a case sent to a named target: JSON, so no case id or name can collide with another pair. */
function atTarget(caseId: string, target: string): string {
  return JSON.stringify([caseId, target]);
}

/**
 * Writes the run as an HTTP Archive 1.2 (`--report har=PATH`): every exchange sent, in the order the results
 * came, which a browser's network panel opens. Entries carry `_caseId` (and `_target` when the run has
 * several targets); findings point at theirs by index (`harEntry`, see `entryOf`).
 */
export class HarReporter implements RunListener {
  private readonly files: ReportFiles;
  private readonly entries: Entry[] = [];
  private readonly indexByCase = new Map<string, number>();
  /** With several targets the same case id goes to each of them: entries by (case id, target). */
  private readonly indexByCaseAtTarget = new Map<string, number>();

  constructor(private readonly options: FileReporterOptions) {
    this.files = options.files ?? new ReportFiles();
  }

  onCaseResult(result: CaseResult): void {
    if (result.status !== 'ran') return;
    const index = this.entries.length;
    if (!this.indexByCase.has(result.case.id)) this.indexByCase.set(result.case.id, index);
    if (result.target !== undefined) {
      const key = atTarget(result.case.id, result.target);
      if (!this.indexByCaseAtTarget.has(key)) this.indexByCaseAtTarget.set(key, index);
    }
    this.entries.push(toEntry(result.exchange, Date.now(), result.target));
    // The links' requests (a task's polls) are exchanges of the run too, filed under their own case ids.
    for (const exchange of result.followed ?? []) this.entries.push(toEntry(exchange, Date.now(), result.target));
  }

  /**
   * Index in `log.entries` of the exchange of a case, if it was sent: the one sent to `target` (a finding's
   * `target`) when results named their targets, else the first with that case id.
   */
  entryOf(caseId: string, target?: string): number | undefined {
    if (target !== undefined && this.indexByCaseAtTarget.size > 0) return this.indexByCaseAtTarget.get(atTarget(caseId, target));
    return this.indexByCase.get(caseId);
  }

  render(report: RunReport): string {
    const har: Har = {
      log: {
        version: '1.2',
        creator: { name: 'interconnect-conformance', version: TOOL_VERSION },
        entries: this.entries,
        comment: `seed ${report.seed}`,
      },
    };
    return `${JSON.stringify(har, null, 2)}\n`;
  }

  async onRunEnd(report: RunReport): Promise<void> {
    await this.files.write(this.options.path, () => this.render(report));
  }
}
