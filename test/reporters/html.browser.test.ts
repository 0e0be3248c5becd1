import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HtmlReporter } from '../../reporters/HtmlReporter.ts';
import { JsonReporter } from '../../reporters/JsonReporter.ts';
import { JunitReporter } from '../../reporters/JunitReporter.ts';
import type { RunReport } from '../../src/model/RunReport.ts';
import { brokenSeverity } from '../../reporters/brokenSeverity.ts';
import { AP_SOUTH, buildMultiTargetReport, buildReport, CAUSES, DC, EU_WEST, FAILURES, FINDINGS, HCX, HOSTILE_BODY, inconclusiveReport, MULTI_CAUSE, WARNINGS } from './fixtures.ts';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

let browser: Browser;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
});

/** Opens a written report and records every console error, page error and network request. */
async function open(report: RunReport): Promise<{ page: Page; problems: string[]; requests: string[]; path: string }> {
  const path = join(await mkdtemp(join(tmpdir(), 'conformance-html-')), 'report.html');
  await new HtmlReporter({ path }).onRunEnd(report);
  const page = await browser.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(pathToFileURL(path).href);
  await page.waitForSelector('body[data-rendered="true"]');
  return { page, problems, requests, path };
}

const visibleFindings = (page: Page) =>
  page.$$eval('article.finding', (cards) => cards.filter((c) => !(c as unknown as { hidden: boolean }).hidden).map((c) => `${c.getAttribute('data-operation')}|${c.getAttribute('data-check')}`));

describe('html report in Chromium', () => {
  it('loads with no console or page errors and fetches nothing but itself', async () => {
    const { page, problems, requests } = await open(buildReport());
    expect(problems).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    expect(requests).toHaveLength(1);
    expect(await page.textContent('#verdict')).toBe('NOT CONFORMING: 3 failures, 2 warnings; 118 of 120 cases ran on 2 operation(s)');
    expect(await page.getAttribute('#verdict', 'class')).toBe('verdict bad');
    expect(await page.$eval('#causes', (n) => (n as unknown as { hidden: boolean }).hidden)).toBe(true);
    expect(await page.$$eval('#check-table tbody tr', (rows) => rows.length)).toBe(10);
    expect(await page.textContent('#check-table tr[data-check="negative-rejection"]')).toBe('negative-rejectionFAIL 1/11pass 10');
    expect(await page.textContent('#check-table tr[data-check="echo"] td.warn')).toBe('warn 1/11');
    expect(await page.$$eval('#chart rect[data-kind="fail"]', (r) => r.length)).toBe(3);
    expect(await page.$$eval('#chart rect[data-kind="warn"]', (r) => r.length)).toBe(2);
    expect(await page.$$eval('#cards .card', (cards) => cards.map((c) => c.textContent))).toEqual(['2operations', '118 / 120cases ran', '2not run', '3distinct failures', '2distinct warnings']);
    expect(await page.textContent('#coverage')).toContain('DC.body.hosted_connect.bandwidth.maximum');
    // The source column says where each rule comes from; a rule that only warned is not shown as FAIL.
    expect(await page.$$eval('#coverage .badge.prov', (b) => [...new Set(b.map((n) => n.textContent))].sort())).toEqual(['page']);
    const responseRows = await page.$$eval('#coverage tr', (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent).join('|')));
    expect(responseRows).toContain('response 400|0|0|DC.response.400.error_code.required|0');
    expect(responseRows).toContain('response 200|0|DC.response.200.hosted_connect.vlan.maximum|0|0');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: '/tmp/conformance-report.png', fullPage: true });
    await page.close();
  });

  it('badges each finding with its severity and provenance, and filters by severity', async () => {
    const { page, problems } = await open(buildReport());
    const badges = await page.$$eval('article.finding', (cards) =>
      cards.map((c) => `${c.getAttribute('data-check')}|${c.querySelector('.badge[class*="sev-"]')?.textContent}|${c.querySelector('.badge.prov')?.textContent}`),
    );
    expect(badges).toEqual(FINDINGS.map((f) => `${f.check}|${f.severity}|${f.provenance}`));
    expect(await page.textContent('#shown')).toBe(`showing ${FINDINGS.length} of ${FINDINGS.length}`);

    await page.selectOption('#filter-severity', 'warning');
    expect(await visibleFindings(page)).toEqual(WARNINGS.map((f) => `${f.operationId}|${f.check}`));
    expect(await page.textContent('#shown')).toBe(`showing ${WARNINGS.length} of ${FINDINGS.length}`);

    await page.selectOption('#filter-severity', 'failure');
    expect(await visibleFindings(page)).toEqual(FAILURES.map((f) => `${f.operationId}|${f.check}`));
    expect(await page.textContent('#shown')).toBe(`showing ${FAILURES.length} of ${FINDINGS.length}`);

    // Severity combines with the other filters.
    await page.selectOption('#filter-operation', DC);
    await page.selectOption('#filter-check', 'response-schema');
    expect(await visibleFindings(page)).toEqual([`${DC}|response-schema`]);
    await page.selectOption('#filter-severity', 'warning');
    expect(await page.$$eval('article.finding', (cards) => cards.filter((c) => !(c as unknown as { hidden: boolean }).hidden).map((c) => c.getAttribute('data-severity')))).toEqual(['warning']);

    await page.selectOption('#filter-severity', '');
    await page.selectOption('#filter-operation', '');
    await page.selectOption('#filter-check', '');
    expect(await visibleFindings(page)).toHaveLength(FINDINGS.length);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows an inconclusive run in its own banner, never the green one, with every cause listed', async () => {
    const { page, problems } = await open(inconclusiveReport());
    expect(await page.textContent('#verdict')).toMatch(/^INCONCLUSIVE: updateHostedConnect: every valid request was answered 401/);
    expect(await page.getAttribute('#verdict', 'class')).toBe('verdict inconclusive');
    expect(await page.$$eval('.verdict.ok', (n) => n.length)).toBe(0);
    const background = await page.$eval('#verdict', (n) => (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(n).backgroundColor);
    const okBackground = 'rgb(232, 245, 233)';
    expect(background).not.toBe(okBackground);
    expect(await page.$$eval('#causes li', (items) => items.map((i) => i.textContent))).toEqual([...CAUSES]);
    expect(await page.$eval('#causes', (n) => (n as unknown as { hidden: boolean }).hidden)).toBe(false);
    // The verdict already says INCONCLUSIVE: no "also" over its causes.
    expect(await page.isVisible('#causes-also')).toBe(false);
    // The same page for a conforming run is the green one: the check above can fail.
    const conforming = await open(buildReport({ findings: [], occurrences: [] }));
    expect(await conforming.page.$eval('#verdict', (n) => (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(n).backgroundColor)).toBe(
      okBackground,
    );
    expect(problems).toEqual([]);
    await page.screenshot({ path: '/tmp/conformance-report-inconclusive.png' });
    await page.close();
    await conforming.page.close();
  });

  it('filters findings by operation and by check', async () => {
    const { page, problems } = await open(buildReport());
    expect(await visibleFindings(page)).toHaveLength(FINDINGS.length);
    expect(await page.textContent('#shown')).toBe('showing 5 of 5');

    await page.selectOption('#filter-operation', DC);
    expect(await visibleFindings(page)).toEqual([`${DC}|response-schema`, `${DC}|transport`, `${DC}|response-schema`]);

    await page.selectOption('#filter-check', 'transport');
    expect(await visibleFindings(page)).toEqual([`${DC}|transport`]);
    expect(await page.textContent('#shown')).toBe('showing 1 of 5');

    await page.selectOption('#filter-operation', HCX);
    expect(await visibleFindings(page)).toEqual([]);

    await page.selectOption('#filter-check', 'echo');
    expect(await visibleFindings(page)).toEqual([`${HCX}|echo`]);

    await page.selectOption('#filter-operation', '');
    await page.selectOption('#filter-check', '');
    expect(await visibleFindings(page)).toHaveLength(FINDINGS.length);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the target × check matrix, coverage per target, and findings naming their target, filterable by target', async () => {
    const { page, problems } = await open(buildMultiTargetReport());
    expect(await page.textContent('#verdict')).toBe('NOT CONFORMING: 1 failure, 1 warning; 186 of 190 cases ran on 2 operation(s) at 2 targets');
    // The failure at ap-south must not hide that eu-west could not be judged.
    expect(await page.isVisible('#causes-also')).toBe(true);
    expect(await page.textContent('#causes-also')).toBe('also INCONCLUSIVE:');
    expect(await page.$$eval('#causes li', (items) => items.map((i) => i.textContent))).toEqual([`${DC} @ ${EU_WEST.name}: ${MULTI_CAUSE}`]);
    expect(await page.$$eval('#check-table thead th', (ths) => ths.map((th) => th.textContent))).toEqual(['check', `${HCX}@ eu-west`, `${DC}@ eu-west`, `${DC}@ ap-south`]);
    const cell = (check: string, operation: string, target: string) => page.textContent(`#check-table tr[data-check="${check}"] td[data-operation="${operation}"][data-target="${target}"]`);
    expect(await cell('negative-rejection', DC, AP_SOUTH.name)).toBe('FAIL 1/11');
    expect(await cell('negative-rejection', DC, EU_WEST.name)).toBe('pass 1');
    expect(await cell('echo', HCX, EU_WEST.name)).toBe('warn 1/11');
    expect(await page.textContent('#check-table tr[data-check="negative-rejection"]')).toBe('negative-rejectionpass 10pass 1FAIL 1/11');
    expect(await page.$$eval('#cards .card', (cards) => cards.map((c) => c.textContent))).toEqual([
      '2operations',
      '2targets',
      '186 / 190cases ran',
      '4not run',
      '1distinct failures',
      '1distinct warnings',
    ]);

    // One coverage row per rule, both targets side by side: the rule broken at ap-south only fails there.
    const coverageRows = await page.$$eval('#coverage tr[data-constraint="DC.body.hosted_connect.bandwidth.maximum"]', (rows) =>
      rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent)),
    );
    expect(coverageRows).toHaveLength(1);
    expect(coverageRows[0]!.slice(0, 7)).toEqual(['DC.body.hosted_connect.bandwidth.maximum', 'body', 'maximum', 'yes', 'yes', 'yes', 'FAIL']);
    expect(await page.$$eval('#coverage th.target', (ths) => ths.map((th) => th.textContent))).toEqual(['@ eu-west', '@ eu-west', '@ ap-south']);
    const responseRows = await page.$$eval('#coverage tr', (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((c) => c.textContent).join('|')));
    expect(responseRows).toContain('response 400|@ eu-west|0|0|0|1');
    expect(responseRows).toContain('response 400|@ ap-south|1|0|0|0');

    const titles = await page.$$eval('article.finding h3', (hs) => hs.map((h) => h.firstChild?.textContent));
    expect(titles).toEqual([`${DC} @ ap-south \u00b7 negative-rejection`, `${HCX} @ eu-west \u00b7 echo`]);
    expect(await page.$eval('#filter-target-box', (n) => (n as unknown as { hidden: boolean }).hidden)).toBe(false);
    await page.selectOption('#filter-target', AP_SOUTH.name);
    expect(await visibleFindings(page)).toEqual([`${DC}|negative-rejection`]);
    await page.selectOption('#filter-target', EU_WEST.name);
    expect(await visibleFindings(page)).toEqual([`${HCX}|echo`]);
    expect(await page.textContent('#shown')).toBe('showing 1 of 2');
    expect(await page.textContent('#not-run')).toBe('4 \u00d7 needs a fixture id: give --fixture hosted_connect_id=... (@ eu-west 2, @ ap-south 2)');
    expect(problems).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: '/tmp/conformance-report-targets.png', fullPage: true });
    await page.close();

    // A single-target page has no target filter and no target in its headers.
    const single = await open(buildReport());
    expect(await single.page.$eval('#filter-target-box', (n) => (n as unknown as { hidden: boolean }).hidden)).toBe(true);
    expect(await single.page.$$eval('#check-table thead th', (ths) => ths.map((th) => th.textContent))).toEqual(['check', HCX, DC]);
    await single.page.close();
  });

  it('shows a hostile response body as text and never runs it', async () => {
    const hostileId = { ...FINDINGS[0]!, operationId: HCX, caseId: '</script><script>window.__pwned=3</script>', message: '<b id="bold">not bold</b>' };
    const { page, problems, path } = await open(buildReport({ findings: [...FINDINGS, hostileId], occurrences: [3, 1, 1, 1, 1, 1] }));
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.$$eval('pre.response', (nodes) => nodes.map((n) => n.textContent))).toContain(HOSTILE_BODY);
    expect(await page.$('img')).toBeNull();
    expect(await page.$('#bold')).toBeNull();
    expect(await page.textContent('body')).toContain('<b id="bold">not bold</b>');
    expect(await page.$$eval('script', (s) => s.length)).toBe(2);
    expect(problems).toEqual([]);
    const html = await readFile(path, 'utf8');
    expect(html).not.toContain(HOSTILE_BODY);
    expect(html).toContain('\\u003cscript\\u003ewindow.__pwned=1');
    await page.close();
  });
});

interface ParsedSuite {
  name: string | null;
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
  cases: number;
  failed: (string | null)[];
  errored: { name: string | null; message: string | null }[];
  skippedCases: { name: string | null; message: string | null }[];
  out: string;
  properties: Record<string, string | null>;
}

/** Parses JUnit XML with the browser's own XML parser, as a CI dashboard would. */
async function parseJunit(xml: string): Promise<{ error: string | null; suites: ParsedSuite[] }> {
  const page = await browser.newPage();
  const parsed = await page.evaluate((text) => {
    // The project compiles without the DOM lib: the browser's parser is reached through globalThis.
    interface Node {
      getAttribute(name: string): string | null;
      querySelector(selector: string): Node | null;
      querySelectorAll(selector: string): Iterable<Node> & { length: number };
      textContent: string | null;
    }
    const Parser = (globalThis as unknown as { DOMParser: new () => { parseFromString(t: string, type: string): Node } }).DOMParser;
    const doc = new Parser().parseFromString(text, 'application/xml');
    const error = doc.querySelector('parsererror');
    const suites = [...doc.querySelectorAll('testsuite')].map((s) => ({
      name: s.getAttribute('name'),
      tests: Number(s.getAttribute('tests')),
      failures: Number(s.getAttribute('failures')),
      errors: Number(s.getAttribute('errors')),
      skipped: Number(s.getAttribute('skipped')),
      cases: s.querySelectorAll('testcase').length,
      failed: [...s.querySelectorAll('testcase')].filter((c) => c.querySelector('failure')).map((c) => c.getAttribute('name')),
      errored: [...s.querySelectorAll('testcase')].filter((c) => c.querySelector('error')).map((c) => ({ name: c.getAttribute('name'), message: c.querySelector('error')!.getAttribute('message') })),
      skippedCases: [...s.querySelectorAll('testcase')]
        .filter((c) => c.querySelector('skipped'))
        .map((c) => ({ name: c.getAttribute('name'), message: c.querySelector('skipped')!.getAttribute('message') })),
      out: [...s.querySelectorAll('system-out')].map((o) => o.textContent ?? '').join('\n'),
      properties: Object.fromEntries([...s.querySelectorAll('property')].map((p) => [p.getAttribute('name') ?? '', p.getAttribute('value')])),
    }));
    return { error: error?.textContent ?? null, suites };
  }, xml);
  await page.close();
  return parsed;
}

describe('junit xml parsed by the browser', () => {
  it('has as many suites, cases, failures and skips as the JSON report says; warnings are skipped with a message', async () => {
    const report = buildReport();
    const json = JSON.parse(JsonReporter.render(report)) as RunReport;
    const parsed = await parseJunit(JunitReporter.render(report));

    expect(parsed.error).toBeNull();
    expect(parsed.suites.map((s) => s.name)).toEqual(json.operations.map((o) => o.operationId));
    for (const suite of parsed.suites) {
      const cells = json.checks.filter((c) => c.operationId === suite.name);
      const requestRules = json.coverage.filter((c) => c.operationId === suite.name && !c.where.startsWith('response'));
      expect(suite.cases).toBe(cells.length + requestRules.length);
      expect(suite.tests).toBe(suite.cases);
      const own = json.findings.filter((f) => f.operationId === suite.name);
      const failingChecks = new Set(own.filter((f) => f.severity === 'failure').map((f) => `check ${f.check}`));
      const warningChecks = new Set(own.filter((f) => f.severity === 'warning' && !failingChecks.has(`check ${f.check}`)).map((f) => `check ${f.check}`));
      const broken = requestRules.filter((r) => r.boundaryAccepted === 'fail' || r.violationRejected === 'fail');
      const failingRules = broken.filter((r) => brokenSeverity(json, r) === 'failure').map((r) => `constraint ${r.constraintId}`);
      expect(suite.failed.sort()).toEqual([...failingChecks, ...failingRules].sort());
      expect(suite.failures).toBe(suite.failed.length);
      expect(suite.errors).toBe(0);
      const naChecks = cells.filter((c) => c.outcome === 'n/a').map((c) => `check ${c.check}`);
      const unexercised = requestRules.filter((r) => ![r.boundaryAccepted, r.violationRejected].some((x) => x === 'pass' || x === 'fail')).map((r) => `constraint ${r.constraintId}`);
      expect(suite.skippedCases.map((c) => c.name).sort()).toEqual([...naChecks, ...unexercised, ...warningChecks].sort());
      expect(suite.skipped).toBe(suite.skippedCases.length);
      // A plain skip has no message; a warning says so, with its provenance, for the dashboard.
      for (const c of suite.skippedCases) {
        if (warningChecks.has(c.name!)) expect(c.message).toMatch(/^warning \[(reading|convention)\]: /);
        else expect(c.message).toBeNull();
      }
    }
    const hcx = parsed.suites.find((s) => s.name === HCX)!;
    expect(hcx.skippedCases.find((c) => c.name === 'check echo')!.message).toBe(`warning [reading]: ${WARNINGS[0]!.message}`);
    expect(hcx.out).toContain(`warning [reading]: ${WARNINGS[0]!.message}`);
    const dc = parsed.suites.find((s) => s.name === DC)!;
    // A check with a failure and a warning fails, and its output carries both.
    expect(dc.failed).toContain('check response-schema');
    expect(dc.out).toContain('failure [page]: hosted_connect.vlan 4000');
    expect(dc.out).toContain('warning [convention]: the 400 body has no error_code');
    expect(dc.out).toContain(HOSTILE_BODY);
    expect(dc.out).toContain('X-Auth-Token: [REDACTED]');
  });

  it('turns an inconclusive run into errored test cases, one per cause, so CI cannot show it green', async () => {
    const report = inconclusiveReport();
    const parsed = await parseJunit(JunitReporter.render(report));
    expect(parsed.error).toBeNull();
    // Each run cause repeats an operation's (prefixed with its id): one errored case each, in the operation's suite.
    const errored = parsed.suites.flatMap((s) => s.errored.map((e) => `${s.name}: ${e.message!.replace(/^inconclusive: /, '')}`));
    expect(errored.sort()).toEqual([...CAUSES].sort());
    expect(parsed.suites.reduce((n, s) => n + s.errors, 0)).toBe(CAUSES.length);
    expect(parsed.suites.map((s) => s.name)).toEqual([HCX, DC]);
    expect(parsed.suites.find((s) => s.name === HCX)!.errored).toEqual([
      { name: 'operation verdict', message: 'inconclusive: no valid request was ever accepted (every upgrade answered 422): acceptance could not be verified' },
    ]);

    // A run-level cause that no operation states gets a `run verdict` suite of its own.
    const runLevel = { ...report, summary: { ...report.summary, causes: [...CAUSES, 'most planned cases did not run: give --fixture hosted_connect_id=...'] } };
    const withRunCause = await parseJunit(JunitReporter.render(runLevel));
    const verdictSuite = withRunCause.suites.find((s) => s.name === 'run verdict')!;
    expect(verdictSuite.errored).toEqual([{ name: 'cause 1', message: 'inconclusive: most planned cases did not run: give --fixture hosted_connect_id=...' }]);
    expect(verdictSuite.errors).toBe(1);
  });

  it('has a suite per operation and target, named `operation @ target`, with the target URL and name', async () => {
    const report = buildMultiTargetReport();
    const parsed = await parseJunit(JunitReporter.render(report));
    expect(parsed.error).toBeNull();
    expect(parsed.suites.map((s) => s.name)).toEqual([`${HCX} @ eu-west`, `${DC} @ eu-west`, `${DC} @ ap-south`]);
    const suite = (name: string) => parsed.suites.find((s) => s.name === name)!;
    expect(suite(`${DC} @ ap-south`).properties).toMatchObject({ target: AP_SOUTH.url, targetName: AP_SOUTH.name });
    expect(suite(`${DC} @ eu-west`).properties).toMatchObject({ target: EU_WEST.url, targetName: EU_WEST.name });
    // The failure at ap-south fails there only; eu-west's suite has its inconclusive verdict instead.
    expect(suite(`${DC} @ ap-south`).failed.sort()).toEqual(['check negative-rejection', 'constraint DC.body.hosted_connect.bandwidth.maximum']);
    expect(suite(`${DC} @ ap-south`).out).toContain('bandwidth=400001 breaks');
    expect(suite(`${DC} @ eu-west`).failed).toEqual([]);
    expect(suite(`${DC} @ eu-west`).errored).toEqual([{ name: 'operation verdict', message: `inconclusive: ${MULTI_CAUSE}` }]);
    expect(suite(`${HCX} @ eu-west`).skippedCases.find((c) => c.name === 'check echo')!.message).toMatch(/^warning \[reading\]: /);
    // Each suite has a case per check and per request rule of its own target, not of the other's.
    const requestRules = report.coverage.filter((c) => c.operationId === DC && c.target === AP_SOUTH.name && !c.where.startsWith('response'));
    expect(suite(`${DC} @ ap-south`).cases).toBe(report.checks.filter((c) => c.operationId === DC && c.target === AP_SOUTH.name).length + requestRules.length);

    // An inconclusive run whose cause names the operation and target: the cause is in that suite, not repeated in a `run verdict` one.
    const inconclusive = { ...report, findings: [], occurrences: [], summary: { ...report.summary, violations: 0, warnings: 0, verdict: 'inconclusive' as const } };
    const withCause = await parseJunit(JunitReporter.render(inconclusive));
    expect(withCause.suites.map((s) => s.name)).not.toContain('run verdict');
    expect(withCause.suites.reduce((n, s) => n + s.errors, 0)).toBe(1);

    // A single-target report keeps its suite names, and says its target's name too.
    const single = await parseJunit(JunitReporter.render(buildReport()));
    expect(single.suites.map((s) => s.name)).toEqual([HCX, DC]);
    expect(single.suites[0]!.properties).toMatchObject({ target: 'http://127.0.0.1:4010', targetName: 'http://127.0.0.1:4010' });
  });
});

describe('html report: what the verdict holds only with', () => {
  it('lists the unverified boundaries and the relaxed rules under the verdict, and nothing when there are none', async () => {
    const report = buildReport({
      unverifiedBoundaries: [{ operationId: HCX, target: 'http://127.0.0.1:4010', constraintId: 'HCX.query.method.enum', statuses: [422] }],
      relaxations: [{ operationId: DC, kind: 'skip-check', rule: 'echo', text: `${DC}: check echo not run (operations.${DC}.skipChecks)` }],
    });
    const { page, problems } = await open(report);
    expect(problems).toEqual([]);
    expect(await page.textContent('#verdict')).toMatch(/; 1 boundary unverified; 1 rule relaxed$/);
    expect(await page.$$eval('#notes li', (items) => items.map((i) => i.textContent))).toEqual([
      `${HCX}: HCX.query.method.enum: every boundary case was answered 422, documented for the resource's state`,
      `${DC}: check echo not run (operations.${DC}.skipChecks)`,
    ]);
    await page.close();
    const plain = await open(buildReport());
    expect(await plain.page.$eval('#notes', (n) => (n as unknown as { hidden: boolean }).hidden)).toBe(true);
    await plain.page.close();
  });
});
