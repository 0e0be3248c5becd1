// Renders the report from the embedded JSON. Every value from the server or the spec goes through
// text nodes (createTextNode / textContent): never innerHTML, so a hostile body stays text.
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var report = data.report;

  function el(tag, attrs) {
    var node = document.createElement(tag);
    if (attrs) for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) node.setAttribute(k, attrs[k]);
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined || child === false) continue;
      node.appendChild(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
    }
    return node;
  }
  function svg(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    for (var k in attrs) if (Object.prototype.hasOwnProperty.call(attrs, k)) node.setAttribute(k, String(attrs[k]));
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function unique(list) { return list.filter(function (v, i) { return list.indexOf(v) === i; }); }
  function cut(text, max) { return text.length > max ? text.slice(0, max) + '\u2026 (' + (text.length - max) + ' more characters)' : text; }

  // Columns are (operation, target) pairs; targets are named only when some operation has several.
  var columns = data.columns;
  var several = data.severalTargets;
  var operations = unique(columns.map(function (c) { return c.operationId; }));
  var checks = unique(report.checks.map(function (c) { return c.check; }));
  function holds(column, item) { return item.operationId === column.operationId && (column.solo || item.target === column.target); }
  function columnsOf(op) { return columns.filter(function (c) { return c.operationId === op; }); }
  function label(op, target) { return several ? op + ' @ ' + target : op; }

  // Header and verdict.
  document.getElementById('title').textContent = report.tool.name + ' \u00b7 ' + report.command;
  document.getElementById('meta').textContent = report.tool.name + ' ' + report.tool.version + ' \u00b7 seed ' + report.seed +
    ' \u00b7 started ' + report.startedAt + ' \u00b7 ' + (report.durationMs / 1000).toFixed(1) + ' s';
  var verdict = document.getElementById('verdict');
  verdict.textContent = data.verdict;
  // Green is for a conforming run only: an inconclusive run has its own banner.
  var TONES = { conforming: 'ok', 'not-conforming': 'bad', interrupted: 'warn', inconclusive: 'inconclusive' };
  verdict.className = 'verdict ' + TONES[report.summary.verdict];
  // Every cause, also under another verdict: a failure at one target must not hide an unjudged other one.
  var causes = document.getElementById('causes');
  if (report.summary.causes.length > 0) {
    var causeList = document.getElementById('cause-list');
    report.summary.causes.forEach(function (c) { causeList.appendChild(el('li', null, c)); });
    document.getElementById('causes-also').hidden = report.summary.verdict === 'inconclusive';
    causes.hidden = false;
  }
  // What the verdict holds only with (unverified boundaries, relaxed rules).
  var notes = document.getElementById('notes');
  (data.notes || []).forEach(function (n) {
    notes.appendChild(el('p', { 'class': 'also' }, n.heading + ':'));
    var list = el('ul', null);
    n.lines.forEach(function (line) { list.appendChild(el('li', null, line)); });
    notes.appendChild(list);
    notes.hidden = false;
  });

  var cards = document.getElementById('cards');
  var counts = several ? [[operations.length, 'operations'], [unique(columns.map(function (c) { return c.target; })).length, 'targets']] : [[report.summary.operations, 'operations']];
  counts.concat([[report.summary.ran + ' / ' + report.summary.cases, 'cases ran'],
   [report.summary.notRun, 'not run'], [report.summary.violations, 'distinct failures'], [report.summary.warnings, 'distinct warnings']]).forEach(function (c) {
    cards.appendChild(el('div', { 'class': 'card' }, el('div', { 'class': 'n' }, String(c[0])), el('div', { 'class': 'l' }, c[1])));
  });

  // Operation (and target) x check.
  function cellFor(column, check) {
    for (var i = 0; i < report.checks.length; i++) if (report.checks[i].check === check && holds(column, report.checks[i])) return report.checks[i];
    return null;
  }
  function columnHead(column) {
    if (!several) return el('th', null, column.operationId);
    return el('th', { title: column.url }, column.operationId, el('div', { 'class': 'target' }, '@ ' + column.target));
  }
  var matrix = el('table', { id: 'check-table' }, el('thead', null, el.apply(null, ['tr', null, el('th', null, 'check')].concat(columns.map(columnHead)))));
  var body = el('tbody');
  checks.forEach(function (check) {
    var row = el('tr', { 'data-check': check }, el('td', null, check));
    columns.forEach(function (column) {
      var c = cellFor(column, check);
      var at = { 'data-operation': column.operationId, 'data-target': column.target };
      function td(cls, text) { at['class'] = cls; return el('td', at, text); }
      if (!c || c.outcome === 'n/a') row.appendChild(td('na', 'n/a'));
      else if (c.outcome === 'fail') row.appendChild(td('fail', 'FAIL ' + c.failed + '/' + (c.passed + c.failed + c.warned)));
      else if (c.outcome === 'warn') row.appendChild(td('warn', 'warn ' + c.warned + '/' + (c.passed + c.failed + c.warned)));
      else row.appendChild(td('pass', 'pass ' + c.passed));
    });
    body.appendChild(row);
  });
  matrix.appendChild(body);
  document.getElementById('checks').appendChild(matrix);

  // Chart: verdicts passed, failed and warned per check, summed over operations.
  var totals = checks.map(function (check) {
    var t = { check: check, passed: 0, failed: 0, warned: 0 };
    report.checks.forEach(function (c) { if (c.check === check && c.outcome !== 'n/a') { t.passed += c.passed; t.failed += c.failed; t.warned += c.warned; } });
    return t;
  });
  var labelW = 150, barW = 260, rowH = 20, width = labelW + barW + 90;
  var chart = svg('svg', { width: width, height: totals.length * rowH + 8, viewBox: '0 0 ' + width + ' ' + (totals.length * rowH + 8), role: 'img', 'aria-label': 'passed and failed verdicts per check', id: 'chart' });
  totals.forEach(function (t, i) {
    var y = 4 + i * rowH, total = t.passed + t.failed + t.warned;
    chart.appendChild(svg('text', { x: 0, y: y + 13 }, t.check));
    if (total === 0) {
      chart.appendChild(svg('rect', { x: labelW, y: y + 3, width: barW, height: 12, fill: '#eeeeee' }));
      chart.appendChild(svg('text', { x: labelW + barW + 6, y: y + 13 }, 'n/a'));
      return;
    }
    // A failure or a warning always gets a visible sliver, however many verdicts passed.
    var failW = t.failed === 0 ? 0 : Math.max(4, Math.round(barW * t.failed / total));
    var warnW = t.warned === 0 ? 0 : Math.max(4, Math.round(barW * t.warned / total));
    chart.appendChild(svg('rect', { x: labelW, y: y + 3, width: barW - failW - warnW, height: 12, fill: '#66bb6a', 'data-kind': 'pass' }));
    if (warnW > 0) chart.appendChild(svg('rect', { x: labelW + barW - failW - warnW, y: y + 3, width: warnW, height: 12, fill: '#ffa726', 'data-kind': 'warn' }));
    if (failW > 0) chart.appendChild(svg('rect', { x: labelW + barW - failW, y: y + 3, width: failW, height: 12, fill: '#e53935', 'data-kind': 'fail' }));
    chart.appendChild(svg('text', { x: labelW + barW + 6, y: y + 13 }, t.passed + ' \u2713  ' + t.failed + ' \u2717' + (t.warned > 0 ? '  ' + t.warned + ' !' : '')));
  });
  document.getElementById('chart-box').appendChild(chart);

  // Coverage matrix per operation; the catalogue says where each rule comes from.
  var provenanceOf = {};
  report.catalogue.forEach(function (c) { provenanceOf[c.id] = c.provenance; });
  function sourceCell(r) {
    var p = provenanceOf[r.constraintId];
    return el('td', { 'class': 'muted' }, p ? el('span', { 'class': 'badge prov prov-' + p }, p) : null, p ? ' ' : null, r.source);
  }
  function warned(r) { return data.warnedRules.indexOf(r.operationId + '|' + r.target + '|' + r.constraintId) >= 0; }
  function covCell(result, passText, r) {
    if (result === 'pass') return el('td', { 'class': 'pass' }, passText);
    if (result === 'fail') return warned(r) ? el('td', { 'class': 'warn' }, 'warn') : el('td', { 'class': 'fail' }, 'FAIL');
    if (result === 'not-run') return el('td', { 'class': 'notrun' }, 'not run');
    return el('td', { 'class': 'na' }, '\u2013');
  }
  var coverage = document.getElementById('coverage');
  // With several targets: per operation, the request rules with two columns per target, response rules per target.
  function coverageMatrix(op) {
    var targets = columnsOf(op);
    var rulesAt = function (column) { return report.coverage.filter(function (r) { return holds(column, r) && r.where.indexOf('response') !== 0; }); };
    var ids = unique([].concat.apply([], targets.map(function (t) { return rulesAt(t).map(function (r) { return r.constraintId; }); })));
    if (ids.length === 0) return;
    var first = el('tr', null, el('th', { rowspan: '2' }, 'request constraint'), el('th', { rowspan: '2' }, 'where'), el('th', { rowspan: '2' }, 'kind'));
    var second = el('tr');
    targets.forEach(function (t) {
      first.appendChild(el('th', { colspan: '2', 'class': 'target', title: t.url }, '@ ' + t.target));
      second.appendChild(el('th', null, 'boundary accepted'));
      second.appendChild(el('th', null, 'violation rejected'));
    });
    first.appendChild(el('th', { rowspan: '2' }, 'source'));
    var t = el('table', { 'class': 'coverage' }, el('thead', null, first, second));
    var tb = el('tbody');
    ids.forEach(function (id) {
      var any = null;
      var row = el('tr', { 'data-constraint': id });
      targets.forEach(function (target) {
        var r = rulesAt(target).filter(function (x) { return x.constraintId === id; })[0];
        if (!r) { row.appendChild(el('td', { 'class': 'na' }, 'n/a')); row.appendChild(el('td', { 'class': 'na' }, 'n/a')); return; }
        any = any || r;
        row.appendChild(covCell(r.boundaryAccepted, 'yes', r));
        row.appendChild(covCell(r.violationRejected, 'yes', r));
      });
      row.insertBefore(el('td', null, any.kind), row.firstChild);
      row.insertBefore(el('td', null, any.where), row.firstChild);
      row.insertBefore(el('td', { 'class': 'id' }, id), row.firstChild);
      row.appendChild(sourceCell(any));
      tb.appendChild(row);
    });
    t.appendChild(tb);
    coverage.appendChild(t);
  }
  operations.forEach(function (op) {
    var rows = report.coverage.filter(function (r) { return r.operationId === op; });
    var request = rows.filter(function (r) { return r.where.indexOf('response') !== 0; });
    var response = rows.filter(function (r) { return r.where.indexOf('response') === 0; });
    coverage.appendChild(el('h3', null, op));
    if (several) coverageMatrix(op);
    else if (request.length > 0) {
      var t = el('table', { 'class': 'coverage' }, el('thead', null, el('tr', null, el('th', null, 'request constraint'), el('th', null, 'where'), el('th', null, 'kind'),
        el('th', null, 'boundary accepted'), el('th', null, 'violation rejected'), el('th', null, 'source'))));
      var tb = el('tbody');
      request.forEach(function (r) {
        tb.appendChild(el('tr', null, el('td', { 'class': 'id' }, r.constraintId), el('td', null, r.where), el('td', null, r.kind),
          covCell(r.boundaryAccepted, 'yes', r), covCell(r.violationRejected, 'yes', r), sourceCell(r)));
      });
      t.appendChild(tb);
      coverage.appendChild(t);
    }
    if (response.length > 0) {
      var rt = el('table', { 'class': 'coverage' }, el('thead', null, el('tr', null, el('th', null, 'response constraints'), several ? el('th', null, 'target') : null,
        el('th', null, 'honoured'), el('th', null, 'broken'), el('th', null, 'warned'), el('th', null, 'not exercised'))));
      var rb = el('tbody');
      // One row per documented status, and per target when there are several.
      var groups = [];
      unique(response.map(function (r) { return r.where; })).forEach(function (where) {
        (several ? columnsOf(op) : [null]).forEach(function (column) {
          var list = response.filter(function (r) { return r.where === where && (!column || holds(column, r)); });
          if (list.length > 0) groups.push({ where: where, column: column, list: list });
        });
      });
      groups.forEach(function (g) {
        var where = g.where, list = g.list;
        var failed = list.filter(function (r) { return r.responseHonoured === 'fail' && !warned(r); });
        var warnings = list.filter(function (r) { return r.responseHonoured === 'fail' && warned(r); });
        var passed = list.filter(function (r) { return r.responseHonoured === 'pass'; }).length;
        var ids = function (l) { return l.map(function (f) { return f.constraintId; }).join('\n'); };
        rb.appendChild(el('tr', null, el('td', null, where), g.column ? el('td', null, '@ ' + g.column.target) : null, el('td', { 'class': passed > 0 ? 'pass' : 'na' }, String(passed)),
          el('td', { 'class': failed.length > 0 ? 'fail id' : 'na' }, failed.length > 0 ? ids(failed) : '0'),
          el('td', { 'class': warnings.length > 0 ? 'warn id' : 'na' }, warnings.length > 0 ? ids(warnings) : '0'),
          el('td', { 'class': 'na' }, String(list.length - passed - failed.length - warnings.length))));
      });
      rt.appendChild(rb);
      coverage.appendChild(el('div', { style: 'margin-top:8px' }, rt));
    }
  });

  // Findings with filters.
  var severitySelect = document.getElementById('filter-severity');
  var opSelect = document.getElementById('filter-operation');
  var targetSelect = document.getElementById('filter-target');
  var checkSelect = document.getElementById('filter-check');
  unique(report.findings.map(function (f) { return f.operationId; })).forEach(function (op) { opSelect.appendChild(el('option', { value: op }, op)); });
  if (several) {
    unique(report.findings.map(function (f) { return f.target; })).forEach(function (t) { targetSelect.appendChild(el('option', { value: t }, t)); });
    document.getElementById('filter-target-box').hidden = false;
  }
  unique(report.findings.map(function (f) { return f.check; })).forEach(function (c) { checkSelect.appendChild(el('option', { value: c }, c)); });

  var list = document.getElementById('findings');
  var fresh = report.baseline ? report.baseline['new'] : [];
  report.findings.forEach(function (f, i) {
    var count = report.occurrences[i] || 1;
    var title = el('h3', null, label(f.operationId, f.target) + ' \u00b7 ' + f.check,
      el('span', { 'class': 'badge sev-' + f.severity }, f.severity),
      el('span', { 'class': 'badge prov prov-' + f.provenance, title: 'where the rule comes from' }, f.provenance),
      f.constraintId ? el('span', { 'class': 'tag' }, f.constraintId) : null,
      count > 1 ? el('span', { 'class': 'tag' }, '\u00d7' + count) : null,
      report.baseline && fresh.indexOf(f.key) >= 0 ? el('span', { 'class': 'tag new' }, 'new') : null);
    var request = [f.request.method + ' ' + f.request.url];
    Object.keys(f.request.headers).forEach(function (name) { request.push(name + ': ' + f.request.headers[name]); });
    if (f.request.bodyText !== undefined) request.push('', cut(f.request.bodyText, 2000));
    var card = el('article', { 'class': 'finding ' + f.severity, 'data-severity': f.severity, 'data-operation': f.operationId, 'data-target': f.target, 'data-check': f.check },
      title,
      el('p', { 'class': 'msg' }, f.message),
      el('div', { 'class': 'muted' }, 'case ' + f.caseId + ' (' + f.intent.kind + ': ' + f.intent.label + '), seed ' + f.seed +
        // The whole exchange, as sent and answered, in the run's HAR file (entry index; `_caseId` there too).
        (f.harEntry !== undefined ? ' \u00b7 HAR log.entries[' + f.harEntry + ']' : '')),
      el('div', { 'class': 'label' }, 'request'), el('pre', { 'class': 'request' }, request.join('\n')));
    if (f.response) {
      card.appendChild(el('div', { 'class': 'label' }, 'response ' + f.response.status + (f.response.contentType ? ' \u00b7 ' + f.response.contentType : '')));
      card.appendChild(el('pre', { 'class': 'response' }, cut(f.response.bodyExcerpt, 2000)));
    }
    if (f.failure) {
      card.appendChild(el('div', { 'class': 'label' }, 'no response'));
      card.appendChild(el('pre', { 'class': 'response' }, f.failure.kind + ': ' + f.failure.message));
    }
    card.appendChild(el('div', { 'class': 'label' }, 'reproduce'));
    card.appendChild(el('pre', { 'class': 'repro' }, f.curl + '\n' + f.replay));
    list.appendChild(card);
  });
  if (report.findings.length === 0) list.appendChild(el('p', { 'class': 'muted' }, 'No findings.'));

  var shown = document.getElementById('shown');
  function applyFilters() {
    var severity = severitySelect.value, op = opSelect.value, target = targetSelect.value, check = checkSelect.value, visible = 0;
    var cards = list.querySelectorAll('article.finding');
    for (var i = 0; i < cards.length; i++) {
      var match = (severity === '' || cards[i].getAttribute('data-severity') === severity) &&
        (op === '' || cards[i].getAttribute('data-operation') === op) && (target === '' || cards[i].getAttribute('data-target') === target) &&
        (check === '' || cards[i].getAttribute('data-check') === check);
      cards[i].hidden = !match;
      if (match) visible++;
    }
    shown.textContent = 'showing ' + visible + ' of ' + cards.length;
  }
  severitySelect.addEventListener('change', applyFilters);
  opSelect.addEventListener('change', applyFilters);
  targetSelect.addEventListener('change', applyFilters);
  checkSelect.addEventListener('change', applyFilters);
  applyFilters();

  // Cases that could not run, grouped by reason.
  var reasons = {};
  report.notRun.forEach(function (n) { reasons[n.reason] = (reasons[n.reason] || 0) + 1; });
  // With several targets, how many each target lost to the reason.
  function perTarget(reason) {
    if (!several) return '';
    var at = {};
    report.notRun.forEach(function (n) { if (n.reason === reason) at[n.target] = (at[n.target] || 0) + 1; });
    return ' (' + Object.keys(at).map(function (t) { return '@ ' + t + ' ' + at[t]; }).join(', ') + ')';
  }
  var notRun = document.getElementById('not-run');
  Object.keys(reasons).sort(function (a, b) { return reasons[b] - reasons[a]; }).forEach(function (r) { notRun.appendChild(el('li', null, reasons[r] + ' \u00d7 ' + r + perTarget(r))); });
  if (report.notRun.length === 0) document.getElementById('not-run-section').hidden = true;
  document.body.setAttribute('data-rendered', 'true');
})();
