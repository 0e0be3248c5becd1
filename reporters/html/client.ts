// The HTML report's script, bundled into the page at build time (bin/build.js; see clientScript.ts).
// It renders the report from the embedded JSON. Every value from the server or the spec goes through
// text nodes (createTextNode / textContent): never innerHTML, so a hostile body stays text. The
// columns, which item belongs to which column, and how bad a broken rule was come from the same
// modules the other reporters use (ReportColumns.ts, brokenSeverity.ts).
import type { CheckCell, ConstraintCoverage, OperationSummary } from '../../src/model/RunReport.ts';
import { brokenSeverity } from '../brokenSeverity.ts';
import { ReportColumns } from '../ReportColumns.ts';
import type { PageData } from './PageData.ts';

type Child = Node | string | number | null | undefined | false;

const SVG = 'http://www.w3.org/2000/svg';
const data = JSON.parse(byId('report-data').textContent ?? '{}') as PageData;
const { report } = data;

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`the page has no #${id}`);
  return node as T;
}

function el(tag: string, attrs?: Readonly<Record<string, string>> | null, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) node.setAttribute(k, v);
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
  return node;
}

function svg(tag: string, attrs: Readonly<Record<string, string | number>>, text?: string): SVGElement {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

const unique = <T>(list: readonly T[]): T[] => [...new Set(list)];
const cut = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max)}\u2026 (${text.length - max} more characters)` : text);

// Columns are (operation, target) pairs; targets are named only when some operation has several.
const layout = new ReportColumns(report);
const { columns } = layout;
const several = layout.severalTargets;
const operations = layout.operationIds();
const checks = unique(report.checks.map((c) => c.check));

// Header and verdict.
byId('title').textContent = `${report.tool.name} \u00b7 ${report.command}`;
byId('meta').textContent = `${report.tool.name} ${report.tool.version} \u00b7 seed ${report.seed} \u00b7 started ${report.startedAt} \u00b7 ${(report.durationMs / 1000).toFixed(1)} s`;
const verdict = byId('verdict');
verdict.textContent = data.verdict;
// Green is for a conforming run only: an inconclusive run has its own banner.
const TONES: Record<string, string> = { conforming: 'ok', 'not-conforming': 'bad', interrupted: 'warn', inconclusive: 'inconclusive' };
verdict.className = `verdict ${TONES[report.summary.verdict] ?? ''}`;
// Every cause, also under another verdict: a failure at one target must not hide an unjudged other one.
if (report.summary.causes.length > 0) {
  const causeList = byId('cause-list');
  for (const c of report.summary.causes) causeList.appendChild(el('li', null, c));
  byId('causes-also').hidden = report.summary.verdict === 'inconclusive';
  byId('causes').hidden = false;
}
// What the verdict holds only with (unverified boundaries, relaxed rules).
const notes = byId('notes');
for (const n of data.notes) {
  notes.appendChild(el('p', { class: 'also' }, `${n.heading}:`));
  notes.appendChild(el('ul', null, ...n.lines.map((line) => el('li', null, line))));
  notes.hidden = false;
}

const cards = byId('cards');
const counts: [string | number, string][] = several
  ? [
      [operations.length, 'operations'],
      [layout.targetNames().length, 'targets'],
    ]
  : [[report.summary.operations, 'operations']];
counts.push(
  [`${report.summary.ran} / ${report.summary.cases}`, 'cases ran'],
  [report.summary.notRun, 'not run'],
  [report.summary.violations, 'distinct failures'],
  [report.summary.warnings, 'distinct warnings'],
);
for (const [n, label] of counts) cards.appendChild(el('div', { class: 'card' }, el('div', { class: 'n' }, String(n)), el('div', { class: 'l' }, label)));

// Operation (and target) x check.
const cellFor = (column: OperationSummary, check: string): CheckCell | undefined => report.checks.find((c) => c.check === check && layout.holds(column, c));
function columnHead(column: OperationSummary): HTMLElement {
  if (!several) return el('th', null, column.operationId);
  return el('th', { title: column.target }, column.operationId, el('div', { class: 'target' }, `@ ${column.targetName}`));
}
const matrix = el('table', { id: 'check-table' }, el('thead', null, el('tr', null, el('th', null, 'check'), ...columns.map(columnHead))));
const matrixBody = el('tbody');
for (const check of checks) {
  const row = el('tr', { 'data-check': check }, el('td', null, check));
  for (const column of columns) {
    const c = cellFor(column, check);
    const td = (cls: string, text: string) => el('td', { 'data-operation': column.operationId, 'data-target': column.targetName, class: cls }, text);
    const judged = c ? c.passed + c.failed + c.warned : 0;
    if (!c || c.outcome === 'n/a') row.appendChild(td('na', 'n/a'));
    else if (c.outcome === 'fail') row.appendChild(td('fail', `FAIL ${c.failed}/${judged}`));
    else if (c.outcome === 'warn') row.appendChild(td('warn', `warn ${c.warned}/${judged}`));
    else row.appendChild(td('pass', `pass ${c.passed}`));
  }
  matrixBody.appendChild(row);
}
matrix.appendChild(matrixBody);
byId('checks').appendChild(matrix);

// Chart: verdicts passed, failed and warned per check, summed over operations.
const totals = checks.map((check) => {
  const t = { check, passed: 0, failed: 0, warned: 0 };
  for (const c of report.checks) {
    if (c.check !== check || c.outcome === 'n/a') continue;
    t.passed += c.passed;
    t.failed += c.failed;
    t.warned += c.warned;
  }
  return t;
});
const labelW = 150;
const barW = 260;
const rowH = 20;
const chartW = labelW + barW + 90;
const chartH = totals.length * rowH + 8;
const chart = svg('svg', { width: chartW, height: chartH, viewBox: `0 0 ${chartW} ${chartH}`, role: 'img', 'aria-label': 'passed and failed verdicts per check', id: 'chart' });
totals.forEach((t, i) => {
  const y = 4 + i * rowH;
  const total = t.passed + t.failed + t.warned;
  chart.appendChild(svg('text', { x: 0, y: y + 13 }, t.check));
  if (total === 0) {
    chart.appendChild(svg('rect', { x: labelW, y: y + 3, width: barW, height: 12, fill: '#eeeeee' }));
    chart.appendChild(svg('text', { x: labelW + barW + 6, y: y + 13 }, 'n/a'));
    return;
  }
  // A failure or a warning always gets a visible sliver, however many verdicts passed.
  const failW = t.failed === 0 ? 0 : Math.max(4, Math.round((barW * t.failed) / total));
  const warnW = t.warned === 0 ? 0 : Math.max(4, Math.round((barW * t.warned) / total));
  chart.appendChild(svg('rect', { x: labelW, y: y + 3, width: barW - failW - warnW, height: 12, fill: '#66bb6a', 'data-kind': 'pass' }));
  if (warnW > 0) chart.appendChild(svg('rect', { x: labelW + barW - failW - warnW, y: y + 3, width: warnW, height: 12, fill: '#ffa726', 'data-kind': 'warn' }));
  if (failW > 0) chart.appendChild(svg('rect', { x: labelW + barW - failW, y: y + 3, width: failW, height: 12, fill: '#e53935', 'data-kind': 'fail' }));
  chart.appendChild(svg('text', { x: labelW + barW + 6, y: y + 13 }, `${t.passed} \u2713  ${t.failed} \u2717${t.warned > 0 ? `  ${t.warned} !` : ''}`));
});
byId('chart-box').appendChild(chart);

// Coverage matrix per operation; the catalogue says where each rule comes from.
const provenanceOf = new Map(report.catalogue.map((c) => [c.id, c.provenance]));
function sourceCell(r: ConstraintCoverage): HTMLElement {
  const p = provenanceOf.get(r.constraintId);
  return el('td', { class: 'muted' }, p ? el('span', { class: `badge prov prov-${p}` }, p) : null, p ? ' ' : null, r.source);
}
// A broken rule whose every finding at its target is a warning is coloured as a warning, not a failure.
const warned = (r: ConstraintCoverage): boolean => brokenSeverity(report, r) === 'warning';
function covCell(result: ConstraintCoverage['boundaryAccepted'], passText: string, r: ConstraintCoverage): HTMLElement {
  if (result === 'pass') return el('td', { class: 'pass' }, passText);
  if (result === 'fail') return warned(r) ? el('td', { class: 'warn' }, 'warn') : el('td', { class: 'fail' }, 'FAIL');
  if (result === 'not-run') return el('td', { class: 'notrun' }, 'not run');
  return el('td', { class: 'na' }, '\u2013');
}
const coverage = byId('coverage');
const isResponse = (r: ConstraintCoverage): boolean => r.where.startsWith('response');
// With several targets: per operation, the request rules with two columns per target, response rules per target.
function coverageMatrix(op: string): void {
  const targets = layout.of(op);
  const rulesAt = (column: OperationSummary) => report.coverage.filter((r) => layout.holds(column, r) && !isResponse(r));
  const ids = unique(targets.flatMap((t) => rulesAt(t).map((r) => r.constraintId)));
  if (ids.length === 0) return;
  const first = el('tr', null, el('th', { rowspan: '2' }, 'request constraint'), el('th', { rowspan: '2' }, 'where'), el('th', { rowspan: '2' }, 'kind'));
  const second = el('tr');
  for (const t of targets) {
    first.appendChild(el('th', { colspan: '2', class: 'target', title: t.target }, `@ ${t.targetName}`));
    second.appendChild(el('th', null, 'boundary accepted'));
    second.appendChild(el('th', null, 'violation rejected'));
  }
  first.appendChild(el('th', { rowspan: '2' }, 'source'));
  const table = el('table', { class: 'coverage' }, el('thead', null, first, second));
  const tbody = el('tbody');
  for (const id of ids) {
    let any: ConstraintCoverage | undefined;
    const row = el('tr', { 'data-constraint': id });
    for (const target of targets) {
      const r = rulesAt(target).find((x) => x.constraintId === id);
      if (!r) {
        row.appendChild(el('td', { class: 'na' }, 'n/a'));
        row.appendChild(el('td', { class: 'na' }, 'n/a'));
        continue;
      }
      any ??= r;
      row.appendChild(covCell(r.boundaryAccepted, 'yes', r));
      row.appendChild(covCell(r.violationRejected, 'yes', r));
    }
    // `ids` holds only rules some target has.
    const rule = any!;
    row.insertBefore(el('td', null, rule.kind), row.firstChild);
    row.insertBefore(el('td', null, rule.where), row.firstChild);
    row.insertBefore(el('td', { class: 'id' }, id), row.firstChild);
    row.appendChild(sourceCell(rule));
    tbody.appendChild(row);
  }
  table.appendChild(tbody);
  coverage.appendChild(table);
}
for (const op of operations) {
  const rows = report.coverage.filter((r) => r.operationId === op);
  const request = rows.filter((r) => !isResponse(r));
  const response = rows.filter(isResponse);
  coverage.appendChild(el('h3', null, op));
  if (several) coverageMatrix(op);
  else if (request.length > 0) {
    const head = el('tr', null, ...['request constraint', 'where', 'kind', 'boundary accepted', 'violation rejected', 'source'].map((h) => el('th', null, h)));
    const tbody = el(
      'tbody',
      null,
      ...request.map((r) =>
        el(
          'tr',
          null,
          el('td', { class: 'id' }, r.constraintId),
          el('td', null, r.where),
          el('td', null, r.kind),
          covCell(r.boundaryAccepted, 'yes', r),
          covCell(r.violationRejected, 'yes', r),
          sourceCell(r),
        ),
      ),
    );
    coverage.appendChild(el('table', { class: 'coverage' }, el('thead', null, head), tbody));
  }
  if (response.length > 0) {
    const head = el(
      'tr',
      null,
      el('th', null, 'response constraints'),
      several ? el('th', null, 'target') : null,
      el('th', null, 'honoured'),
      el('th', null, 'broken'),
      el('th', null, 'warned'),
      el('th', null, 'not exercised'),
    );
    const tbody = el('tbody');
    // One row per documented status, and per target when there are several.
    for (const where of unique(response.map((r) => r.where))) {
      for (const column of several ? layout.of(op) : [undefined]) {
        const list = response.filter((r) => r.where === where && (!column || layout.holds(column, r)));
        if (list.length === 0) continue;
        const failed = list.filter((r) => r.responseHonoured === 'fail' && !warned(r));
        const warnings = list.filter((r) => r.responseHonoured === 'fail' && warned(r));
        const passed = list.filter((r) => r.responseHonoured === 'pass').length;
        const ids = (l: readonly ConstraintCoverage[]) => l.map((f) => f.constraintId).join('\n');
        tbody.appendChild(
          el(
            'tr',
            null,
            el('td', null, where),
            column ? el('td', null, `@ ${column.targetName}`) : null,
            el('td', { class: passed > 0 ? 'pass' : 'na' }, String(passed)),
            el('td', { class: failed.length > 0 ? 'fail id' : 'na' }, failed.length > 0 ? ids(failed) : '0'),
            el('td', { class: warnings.length > 0 ? 'warn id' : 'na' }, warnings.length > 0 ? ids(warnings) : '0'),
            el('td', { class: 'na' }, String(list.length - passed - failed.length - warnings.length)),
          ),
        );
      }
    }
    coverage.appendChild(el('div', { style: 'margin-top:8px' }, el('table', { class: 'coverage' }, el('thead', null, head), tbody)));
  }
}

// Findings with filters.
const severitySelect = byId<HTMLSelectElement>('filter-severity');
const opSelect = byId<HTMLSelectElement>('filter-operation');
const targetSelect = byId<HTMLSelectElement>('filter-target');
const checkSelect = byId<HTMLSelectElement>('filter-check');
for (const op of unique(report.findings.map((f) => f.operationId))) opSelect.appendChild(el('option', { value: op }, op));
if (several) {
  for (const t of unique(report.findings.map((f) => f.target))) targetSelect.appendChild(el('option', { value: t }, t));
  byId('filter-target-box').hidden = false;
}
for (const c of unique(report.findings.map((f) => f.check))) checkSelect.appendChild(el('option', { value: c }, c));

const list = byId('findings');
const fresh = report.baseline ? report.baseline.new : [];
report.findings.forEach((f, i) => {
  const count = report.occurrences[i] ?? 1;
  const title = el(
    'h3',
    null,
    `${layout.label(f.operationId, f.target)} \u00b7 ${f.check}`,
    el('span', { class: `badge sev-${f.severity}` }, f.severity),
    el('span', { class: `badge prov prov-${f.provenance}`, title: 'where the rule comes from' }, f.provenance),
    f.constraintId ? el('span', { class: 'tag' }, f.constraintId) : null,
    count > 1 ? el('span', { class: 'tag' }, `\u00d7${count}`) : null,
    report.baseline && fresh.includes(f.key) ? el('span', { class: 'tag new' }, 'new') : null,
  );
  const request = [`${f.request.method} ${f.request.url}`, ...Object.entries(f.request.headers).map(([name, value]) => `${name}: ${value}`)];
  if (f.request.bodyText !== undefined) request.push('', cut(f.request.bodyText, 2000));
  const card = el(
    'article',
    { class: `finding ${f.severity}`, 'data-severity': f.severity, 'data-operation': f.operationId, 'data-target': f.target, 'data-check': f.check },
    title,
    el('p', { class: 'msg' }, f.message),
    el(
      'div',
      { class: 'muted' },
      // The whole exchange, as sent and answered, in the run's HAR file (entry index; `_caseId` there too).
      `case ${f.caseId} (${f.intent.kind}: ${f.intent.label}), seed ${f.seed}${f.harEntry !== undefined ? ` \u00b7 HAR log.entries[${f.harEntry}]` : ''}`,
    ),
    el('div', { class: 'label' }, 'request'),
    el('pre', { class: 'request' }, request.join('\n')),
  );
  if (f.response) {
    card.appendChild(el('div', { class: 'label' }, `response ${f.response.status}${f.response.contentType ? ` \u00b7 ${f.response.contentType}` : ''}`));
    card.appendChild(el('pre', { class: 'response' }, cut(f.response.bodyExcerpt, 2000)));
  }
  if (f.failure) {
    card.appendChild(el('div', { class: 'label' }, 'no response'));
    card.appendChild(el('pre', { class: 'response' }, `${f.failure.kind}: ${f.failure.message}`));
  }
  card.appendChild(el('div', { class: 'label' }, 'reproduce'));
  card.appendChild(el('pre', { class: 'repro' }, `${f.curl}\n${f.replay}`));
  list.appendChild(card);
});
if (report.findings.length === 0) list.appendChild(el('p', { class: 'muted' }, 'No findings.'));

const shown = byId('shown');
function applyFilters(): void {
  const wanted: [string, string][] = [
    ['data-severity', severitySelect.value],
    ['data-operation', opSelect.value],
    ['data-target', targetSelect.value],
    ['data-check', checkSelect.value],
  ];
  const all = [...list.querySelectorAll<HTMLElement>('article.finding')];
  let visible = 0;
  for (const card of all) {
    const match = wanted.every(([attribute, value]) => value === '' || card.getAttribute(attribute) === value);
    card.hidden = !match;
    if (match) visible++;
  }
  shown.textContent = `showing ${visible} of ${all.length}`;
}
for (const select of [severitySelect, opSelect, targetSelect, checkSelect]) select.addEventListener('change', applyFilters);
applyFilters();

// Cases that could not run, grouped by reason.
const reasons = new Map<string, number>();
for (const n of report.notRun) reasons.set(n.reason, (reasons.get(n.reason) ?? 0) + 1);
// With several targets, how many each target lost to the reason.
function perTarget(reason: string): string {
  if (!several) return '';
  const at = new Map<string, number>();
  for (const n of report.notRun) if (n.reason === reason) at.set(n.target, (at.get(n.target) ?? 0) + 1);
  return ` (${[...at].map(([t, n]) => `@ ${t} ${n}`).join(', ')})`;
}
const notRun = byId('not-run');
for (const [reason, n] of [...reasons].sort((a, b) => b[1] - a[1])) notRun.appendChild(el('li', null, `${n} \u00d7 ${reason}${perTarget(reason)}`));
if (report.notRun.length === 0) byId('not-run-section').hidden = true;
document.body.setAttribute('data-rendered', 'true');
