import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { RunReport } from '../src/model/RunReport.ts';
import type { FileReporterOptions } from './FileReporterOptions.ts';
import { clientScript } from './html/clientScript.ts';
import type { PageData } from './html/PageData.ts';
import type { RunListener } from '../src/model/RunListener.ts';
import { ReportColumns } from './ReportColumns.ts';
import { ReportFiles } from './ReportFiles.ts';
import { verdictLine } from './verdictLine.ts';
import { NOTE_HEADINGS, verdictNotes } from './verdictNotes.ts';

const STYLE = readFileSync(new URL('./html/style.css', import.meta.url), 'utf8');
const SCRIPT = clientScript();
/** Only this exact script may run: an injected inline script or handler is blocked even if one slipped in. */
const SCRIPT_HASH = createHash('sha256').update(SCRIPT).digest('base64');

/**
 * JSON that can sit inside a `<script>` element: `<` (so `</script>` cannot close it), `>`, `&` and the
 * two line separators JavaScript treats as newlines become `\u` escapes, which JSON.parse reads back.
 */
function embeddable(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * Writes `report.html`: one self-contained page (inline CSS and JS, no network) with the verdict (and
 * every inconclusive cause, also under a NOT CONFORMING verdict), a chart per check, the coverage matrix and the findings with
 * severity and provenance badges and filters (severity, operation, target, check). With several
 * targets every column is an (operation, target) pair and every finding names its target. The data
 * travels as JSON and is rendered through text nodes only.
 */
export class HtmlReporter implements RunListener {
  private readonly files: ReportFiles;

  constructor(private readonly options: FileReporterOptions) {
    this.files = options.files ?? new ReportFiles();
  }

  static render(report: RunReport): string {
    // The page's script lays out the same columns (ReportColumns.ts) and judges broken rules as every format does.
    const layout = new ReportColumns(report);
    const notes = verdictNotes(report);
    // What the verdict holds only with, listed under it: unverified boundaries, relaxed rules.
    const held = [
      { heading: NOTE_HEADINGS.unverified, lines: notes.unverified },
      { heading: NOTE_HEADINGS.relaxed, lines: notes.relaxed },
    ].filter((n) => n.lines.length > 0);
    const data: PageData = { report, verdict: verdictLine(report), notes: held };
    const csp = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${SCRIPT_HASH}'; img-src data:; base-uri 'none'; form-action 'none'`;
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Conformance report</title>
<style>
${STYLE}</style>
</head>
<body>
<header><h1 id="title">Conformance report</h1><div class="meta" id="meta"></div></header>
<main>
<noscript><p>This report renders with JavaScript; the same data is in report.json.</p></noscript>
<div id="verdict" class="verdict"></div>
<div id="causes" class="causes" hidden><p id="causes-also" class="also" hidden>also INCONCLUSIVE:</p><ul id="cause-list"></ul></div>
<div id="notes" class="causes" hidden></div>
<div class="cards" id="cards"></div>
<div class="grid${layout.severalTargets ? ' wide' : ''}">
<section><h2>${layout.severalTargets ? 'Checks per operation and target' : 'Checks per operation'}</h2><div id="checks"></div></section>
<section><h2>Verdicts per check</h2><div id="chart-box"></div>
<div class="legend"><span class="swatch pass"></span>passed<span class="swatch fail"></span>failed<span class="swatch warn"></span>warned</div></section>
</div>
<section><h2>Findings</h2>
<div class="filters">
<span><label for="filter-severity">Severity</label> <select id="filter-severity"><option value="">all</option><option value="failure">failures</option><option value="warning">warnings</option></select></span>
<span><label for="filter-operation">Operation</label> <select id="filter-operation"><option value="">all operations</option></select></span>
<span id="filter-target-box" hidden><label for="filter-target">Target</label> <select id="filter-target"><option value="">all targets</option></select></span>
<span><label for="filter-check">Check</label> <select id="filter-check"><option value="">all checks</option></select></span>
<span class="muted" id="shown"></span>
</div>
<div id="findings"></div>
</section>
<section><h2>Constraint coverage</h2><div id="coverage"></div></section>
<section id="not-run-section"><h2>Not run</h2><ul id="not-run"></ul></section>
</main>
<script type="application/json" id="report-data">${embeddable(data)}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
  }

  async onRunEnd(report: RunReport): Promise<void> {
    await this.files.write(this.options.path, () => HtmlReporter.render(report));
  }
}
