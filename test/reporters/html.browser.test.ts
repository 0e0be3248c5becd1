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
import { buildReport, DC, FINDINGS, HCX, HOSTILE_BODY } from './fixtures.ts';

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
    expect(await page.textContent('#verdict')).toMatch(/^NOT CONFORMING: 4 distinct violation/);
    expect(await page.$$eval('#check-table tbody tr', (rows) => rows.length)).toBe(10);
    expect(await page.textContent('#check-table tr[data-check="negative-rejection"]')).toBe('negative-rejectionFAIL 1/11pass 10');
    expect(await page.$$eval('#chart rect[data-kind="fail"]', (r) => r.length)).toBe(4);
    expect(await page.textContent('#coverage')).toContain('DC.body.hosted_connect.bandwidth.maximum');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: '/tmp/conformance-report.png', fullPage: true });
    await page.close();
  });

  it('filters failures by operation and by check', async () => {
    const { page, problems } = await open(buildReport());
    expect(await visibleFindings(page)).toHaveLength(FINDINGS.length);
    expect(await page.textContent('#shown')).toBe('showing 4 of 4');

    await page.selectOption('#filter-operation', DC);
    expect(await visibleFindings(page)).toEqual([`${DC}|response-schema`, `${DC}|transport`]);

    await page.selectOption('#filter-check', 'transport');
    expect(await visibleFindings(page)).toEqual([`${DC}|transport`]);
    expect(await page.textContent('#shown')).toBe('showing 1 of 4');

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

  it('shows a hostile response body as text and never runs it', async () => {
    const hostileId = { ...FINDINGS[0]!, operationId: HCX, caseId: '</script><script>window.__pwned=3</script>', message: '<b id="bold">not bold</b>' };
    const { page, problems, path } = await open(buildReport({ findings: [...FINDINGS, hostileId], occurrences: [3, 1, 1, 1, 1] }));
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

describe('junit xml parsed by the browser', () => {
  it('has as many suites, cases, failures and skips as the JSON report says', async () => {
    const report = buildReport();
    const xml = JunitReporter.render(report);
    const json = JSON.parse(JsonReporter.render(report)) as RunReport;
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
        skipped: Number(s.getAttribute('skipped')),
        cases: s.querySelectorAll('testcase').length,
        failed: [...s.querySelectorAll('testcase')].filter((c) => c.querySelector('failure')).map((c) => c.getAttribute('name')),
        skippedNames: [...s.querySelectorAll('testcase')].filter((c) => c.querySelector('skipped')).map((c) => c.getAttribute('name')),
        out: [...s.querySelectorAll('system-out')].map((o) => o.textContent ?? '').join('\n'),
      }));
      return { error: error?.textContent ?? null, suites };
    }, xml);
    await page.close();

    expect(parsed.error).toBeNull();
    expect(parsed.suites.map((s) => s.name)).toEqual(json.operations.map((o) => o.operationId));
    for (const suite of parsed.suites) {
      const cells = json.checks.filter((c) => c.operationId === suite.name);
      const requestRules = json.coverage.filter((c) => c.operationId === suite.name && !c.where.startsWith('response'));
      expect(suite.cases).toBe(cells.length + requestRules.length);
      expect(suite.tests).toBe(suite.cases);
      const failingChecks = new Set(json.findings.filter((f) => f.operationId === suite.name).map((f) => `check ${f.check}`));
      const failingRules = requestRules.filter((r) => r.boundaryAccepted === 'fail' || r.violationRejected === 'fail').map((r) => `constraint ${r.constraintId}`);
      expect(suite.failed.sort()).toEqual([...failingChecks, ...failingRules].sort());
      expect(suite.failures).toBe(suite.failed.length);
      const naChecks = cells.filter((c) => c.outcome === 'n/a').map((c) => `check ${c.check}`);
      const unexercised = requestRules
        .filter((r) => ![r.boundaryAccepted, r.violationRejected].some((x) => x === 'pass' || x === 'fail'))
        .map((r) => `constraint ${r.constraintId}`);
      expect(suite.skippedNames.sort()).toEqual([...naChecks, ...unexercised].sort());
      expect(suite.skipped).toBe(suite.skippedNames.length);
    }
    const dc = parsed.suites.find((s) => s.name === DC)!;
    expect(dc.out).toContain(HOSTILE_BODY);
    expect(dc.out).toContain('X-Auth-Token: [REDACTED]');
  });
});
