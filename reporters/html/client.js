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

  var operations = report.operations.map(function (o) { return o.operationId; });
  var checks = unique(report.checks.map(function (c) { return c.check; }));

  // Header and verdict.
  document.getElementById('title').textContent = report.tool.name + ' \u00b7 ' + report.command;
  document.getElementById('meta').textContent = report.tool.name + ' ' + report.tool.version + ' \u00b7 seed ' + report.seed +
    ' \u00b7 started ' + report.startedAt + ' \u00b7 ' + (report.durationMs / 1000).toFixed(1) + ' s';
  var verdict = document.getElementById('verdict');
  verdict.textContent = data.verdict;
  // Green is for a conforming run only: an inconclusive run has its own banner.
  var TONES = { conforming: 'ok', 'not-conforming': 'bad', interrupted: 'warn', inconclusive: 'inconclusive' };
  verdict.className = 'verdict ' + TONES[report.summary.verdict];
  var causes = document.getElementById('causes');
  if (report.summary.verdict === 'inconclusive' && report.summary.causes.length > 0) {
    report.summary.causes.forEach(function (c) { causes.appendChild(el('li', null, c)); });
    causes.hidden = false;
  }

  var cards = document.getElementById('cards');
  [[report.summary.operations, 'operations'], [report.summary.ran + ' / ' + report.summary.cases, 'cases ran'],
   [report.summary.notRun, 'not run'], [report.summary.violations, 'distinct failures'], [report.summary.warnings, 'distinct warnings']].forEach(function (c) {
    cards.appendChild(el('div', { 'class': 'card' }, el('div', { 'class': 'n' }, String(c[0])), el('div', { 'class': 'l' }, c[1])));
  });

  // Operation x check.
  function cellFor(op, check) {
    for (var i = 0; i < report.checks.length; i++) if (report.checks[i].operationId === op && report.checks[i].check === check) return report.checks[i];
    return null;
  }
  var matrix = el('table', { id: 'check-table' }, el('thead', null, el.apply(null, ['tr', null, el('th', null, 'check')].concat(operations.map(function (op) { return el('th', null, op); })))));
  var body = el('tbody');
  checks.forEach(function (check) {
    var row = el('tr', { 'data-check': check }, el('td', null, check));
    operations.forEach(function (op) {
      var c = cellFor(op, check);
      if (!c || c.outcome === 'n/a') row.appendChild(el('td', { 'class': 'na' }, 'n/a'));
      else if (c.outcome === 'fail') row.appendChild(el('td', { 'class': 'fail' }, 'FAIL ' + c.failed + '/' + (c.passed + c.failed + c.warned)));
      else if (c.outcome === 'warn') row.appendChild(el('td', { 'class': 'warn' }, 'warn ' + c.warned + '/' + (c.passed + c.failed + c.warned)));
      else row.appendChild(el('td', { 'class': 'pass' }, 'pass ' + c.passed));
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
  function warned(r) { return data.warnedRules.indexOf(r.operationId + '|' + r.constraintId) >= 0; }
  function covCell(result, passText, r) {
    if (result === 'pass') return el('td', { 'class': 'pass' }, passText);
    if (result === 'fail') return warned(r) ? el('td', { 'class': 'warn' }, 'warn') : el('td', { 'class': 'fail' }, 'FAIL');
    if (result === 'not-run') return el('td', { 'class': 'notrun' }, 'not run');
    return el('td', { 'class': 'na' }, '\u2013');
  }
  var coverage = document.getElementById('coverage');
  operations.forEach(function (op) {
    var rows = report.coverage.filter(function (r) { return r.operationId === op; });
    var request = rows.filter(function (r) { return r.where.indexOf('response') !== 0; });
    var response = rows.filter(function (r) { return r.where.indexOf('response') === 0; });
    coverage.appendChild(el('h3', null, op));
    if (request.length > 0) {
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
      var rt = el('table', { 'class': 'coverage' }, el('thead', null, el('tr', null, el('th', null, 'response constraints'), el('th', null, 'honoured'), el('th', null, 'broken'), el('th', null, 'warned'), el('th', null, 'not exercised'))));
      var rb = el('tbody');
      unique(response.map(function (r) { return r.where; })).forEach(function (where) {
        var list = response.filter(function (r) { return r.where === where; });
        var failed = list.filter(function (r) { return r.responseHonoured === 'fail' && !warned(r); });
        var warnings = list.filter(function (r) { return r.responseHonoured === 'fail' && warned(r); });
        var passed = list.filter(function (r) { return r.responseHonoured === 'pass'; }).length;
        var ids = function (l) { return l.map(function (f) { return f.constraintId; }).join('\n'); };
        rb.appendChild(el('tr', null, el('td', null, where), el('td', { 'class': passed > 0 ? 'pass' : 'na' }, String(passed)),
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
  var checkSelect = document.getElementById('filter-check');
  unique(report.findings.map(function (f) { return f.operationId; })).forEach(function (op) { opSelect.appendChild(el('option', { value: op }, op)); });
  unique(report.findings.map(function (f) { return f.check; })).forEach(function (c) { checkSelect.appendChild(el('option', { value: c }, c)); });

  var list = document.getElementById('findings');
  var fresh = report.baseline ? report.baseline['new'] : [];
  report.findings.forEach(function (f, i) {
    var count = report.occurrences[i] || 1;
    var title = el('h3', null, f.operationId + ' \u00b7 ' + f.check,
      el('span', { 'class': 'badge sev-' + f.severity }, f.severity),
      el('span', { 'class': 'badge prov prov-' + f.provenance, title: 'where the rule comes from' }, f.provenance),
      f.constraintId ? el('span', { 'class': 'tag' }, f.constraintId) : null,
      count > 1 ? el('span', { 'class': 'tag' }, '\u00d7' + count) : null,
      report.baseline && fresh.indexOf(f.key) >= 0 ? el('span', { 'class': 'tag new' }, 'new') : null);
    var request = [f.request.method + ' ' + f.request.url];
    Object.keys(f.request.headers).forEach(function (name) { request.push(name + ': ' + f.request.headers[name]); });
    if (f.request.bodyText !== undefined) request.push('', cut(f.request.bodyText, 2000));
    var card = el('article', { 'class': 'finding ' + f.severity, 'data-severity': f.severity, 'data-operation': f.operationId, 'data-check': f.check },
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
    var severity = severitySelect.value, op = opSelect.value, check = checkSelect.value, visible = 0;
    var cards = list.querySelectorAll('article.finding');
    for (var i = 0; i < cards.length; i++) {
      var match = (severity === '' || cards[i].getAttribute('data-severity') === severity) &&
        (op === '' || cards[i].getAttribute('data-operation') === op) && (check === '' || cards[i].getAttribute('data-check') === check);
      cards[i].hidden = !match;
      if (match) visible++;
    }
    shown.textContent = 'showing ' + visible + ' of ' + cards.length;
  }
  severitySelect.addEventListener('change', applyFilters);
  opSelect.addEventListener('change', applyFilters);
  checkSelect.addEventListener('change', applyFilters);
  applyFilters();

  // Cases that could not run, grouped by reason.
  var reasons = {};
  report.notRun.forEach(function (n) { reasons[n.reason] = (reasons[n.reason] || 0) + 1; });
  var notRun = document.getElementById('not-run');
  Object.keys(reasons).sort(function (a, b) { return reasons[b] - reasons[a]; }).forEach(function (r) { notRun.appendChild(el('li', null, reasons[r] + ' \u00d7 ' + r)); });
  if (report.notRun.length === 0) document.getElementById('not-run-section').hidden = true;
  document.body.setAttribute('data-rendered', 'true');
})();
