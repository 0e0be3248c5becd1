import type { Finding } from '../src/model/Finding.ts';
import type { RunReport } from '../src/model/RunReport.ts';
import { findingKey } from '../src/regression/findingKey.ts';
import type { FileReporterOptions } from './FileReporterOptions.ts';
import type { Reporter } from './Reporter.ts';
import { ReportFiles } from './ReportFiles.ts';
import { truncate } from './truncate.ts';
import { verdictLine } from './verdictLine.ts';

export interface MarkdownReporterOptions extends FileReporterOptions {
  /** Findings shown in the comment; the rest are counted (default 10). */
  readonly topFindings?: number;
}

/** Text inside a table cell or a heading: no pipes, no newlines, no HTML or Markdown syntax from the server. */
function inline(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_{}[\]<>|#!]/g, (c) => `\\${c}`);
}

/** A fenced block long enough that the content cannot close it. */
function fenced(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}\n${text}\n${fence}`;
}

function detailsOf(f: Finding): string {
  const request = [`${f.request.method} ${f.request.url}`, ...Object.entries(f.request.headers).map(([n, v]) => `${n}: ${v}`)];
  if (f.request.bodyText !== undefined) request.push('', truncate(f.request.bodyText, 300));
  const parts = [
    '<details><summary>request, response, reproduction</summary>',
    '',
    `Case ${inline(f.caseId)} (${inline(f.intent.kind)}: ${inline(f.intent.label)}), seed ${f.seed}`,
    '',
    fenced(request.join('\n')),
  ];
  if (f.response) parts.push('', `Response ${f.response.status}${f.response.contentType ? ` (${inline(f.response.contentType)})` : ''}:`, '', fenced(truncate(f.response.bodyExcerpt, 300)));
  if (f.failure) parts.push('', `No response: ${inline(f.failure.kind)}: ${inline(f.failure.message)}`);
  parts.push('', fenced(`${f.curl}\n${f.replay}`), '', '</details>');
  return parts.join('\n');
}

/** Writes `summary.md`: a short pull-request comment: verdict, operation x check, top findings. */
export class MarkdownReporter implements Reporter {
  private readonly files: ReportFiles;

  constructor(private readonly options: MarkdownReporterOptions) {
    this.files = options.files ?? new ReportFiles();
  }

  static render(report: RunReport, topFindings = 10): string {
    const icon = report.summary.conforming ? '✅' : report.interrupted ? '⚠️' : '❌';
    const out = [`### ${icon} ${inline(verdictLine(report))}`, ''];
    const operations = report.operations.map((o) => o.operationId);
    out.push(`| check | ${operations.map(inline).join(' | ')} |`, `| --- | ${operations.map(() => '---').join(' | ')} |`);
    for (const check of [...new Set(report.checks.map((c) => c.check))]) {
      const cells = operations.map((op) => {
        const cell = report.checks.find((c) => c.operationId === op && c.check === check);
        if (!cell || cell.outcome === 'n/a') return 'n/a';
        return cell.outcome === 'fail' ? `**FAIL** (${cell.failed})` : 'pass';
      });
      out.push(`| ${inline(check)} | ${cells.join(' | ')} |`);
    }
    if (report.findings.length > 0) {
      const fresh = new Set(report.baseline?.new ?? []);
      out.push('', `#### Findings (${report.findings.length} distinct)`, '');
      report.findings.slice(0, topFindings).forEach((f, i) => {
        const count = report.occurrences[i] ?? 1;
        const tags = [f.constraintId ? `\`${f.constraintId.replace(/`/g, '')}\`` : '', count > 1 ? `×${count}` : '', report.baseline && fresh.has(findingKey(f)) ? '**new**' : '']
          .filter(Boolean)
          .join(' ');
        out.push(`${i + 1}. **${inline(f.operationId)}** · ${inline(f.check)} ${tags}: ${inline(truncate(f.message, 200))}`, '', detailsOf(f), '');
      });
      if (report.findings.length > topFindings) out.push(`… and ${report.findings.length - topFindings} more in the full report.`);
    }
    if (report.baseline && report.baseline.fixed.length > 0) out.push('', `Fixed since the baseline: ${report.baseline.fixed.map((k) => `\`${k.replace(/`/g, '')}\``).join(', ')}`);
    out.push('', `<sub>${inline(report.tool.name)} ${inline(report.tool.version)} · seed ${report.seed} · ${(report.durationMs / 1000).toFixed(1)} s</sub>`, '');
    return out.join('\n');
  }

  async onRunEnd(report: RunReport): Promise<void> {
    await this.files.write(this.options.path, () => MarkdownReporter.render(report, this.options.topFindings));
  }
}
