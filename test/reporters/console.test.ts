import { describe, expect, it } from 'vitest';
import { ConsoleReporter } from '../../reporters/ConsoleReporter.ts';
import type { CaseResult } from '../../src/model/CaseResult.ts';
import type { Case } from '../../src/model/Case.ts';
import { findingKey } from '../../src/regression/findingKey.ts';
import { buildReport, DC, FINDINGS, HCX, HOSTILE_BODY } from './fixtures.ts';

function sink(isTTY = false) {
  const chunks: string[] = [];
  return { isTTY, chunks, write: (text: string) => chunks.push(text), text: () => chunks.join('') };
}

function reporter(options: { tty?: boolean; env?: Record<string, string>; color?: boolean } = {}) {
  const stdout = sink(options.tty);
  const stderr = sink(options.tty);
  const console = new ConsoleReporter({ stdout, stderr, env: options.env ?? {}, ...(options.color !== undefined ? { color: options.color } : {}) });
  return { console, stdout, stderr };
}

function caseResult(operationId: string, id: string, fail: boolean): CaseResult {
  const testCase: Case = {
    id,
    operationId,
    intent: { kind: 'valid', label: 'v' },
    request: { method: 'GET', path: '/', pathParams: {}, query: {}, headers: {}, auth: 'configured' },
    seed: 1,
    needsFixture: false,
  };
  return {
    status: 'ran',
    case: testCase,
    exchange: { case: testCase, sent: { method: 'GET', url: 'http://x/', headers: {} }, response: { status: 200, headers: {}, bodyText: '', truncated: false, durationMs: 1 } },
    verdicts: [{ check: 'echo', outcome: fail ? 'fail' : 'pass', message: 'm' }],
  };
}

describe('console reporter summary', () => {
  const { console: reporterUnderTest } = reporter();
  const text = reporterUnderTest.render(buildReport(), ['/somewhere/report.json']);

  it('prints the operation x check table, one row per check', () => {
    expect(text).toMatch(/│ check\s+│ upgradeInterconnectAppliance │ updateHostedConnect │/);
    expect(text).toMatch(/│ negative-rejection\s+│ FAIL 1\/11\s+│ pass 10\s+│/);
    expect(text).toMatch(/│ not-found\s+│ pass 10\s+│ n\/a\s+│/);
    expect(text).toMatch(/│ response-schema\s+│ pass 10\s+│ FAIL 1\/11\s+│/);
  });

  it('prints the coverage matrix: boundary accepted, violation rejected, response rules honoured', () => {
    expect(text).toMatch(/│ HCX\.query\.force\.enum\s+│ enum\s+│ yes\s+│ FAIL\s+│/);
    expect(text).toMatch(/│ DC\.body\.hosted_connect\.bandwidth\.maximum\s+│ maximum\s+│ FAIL\s+│ yes\s+│/);
    expect(text).toMatch(/│ DC\.path\.hosted_connect_id\.minLength\s+│ minLength\s+│ not run\s+│ not run\s+│/);
    expect(text).toContain('response 200 constraints: 1 FAIL: DC.response.200.hosted_connect.vlan.maximum');
    expect(text).toContain('response 202 constraints: 1 honoured');
  });

  it('shows each finding once, grouped by operation, with request, response, curl and replay', () => {
    for (const f of FINDINGS) {
      expect(text.split(f.replay).length - 1).toBe(1);
      expect(text.split(`case      ${f.caseId} `).length - 1).toBe(1);
    }
    expect(text).toContain('(3 occurrences)');
    expect(text).toContain('X-Auth-Token: [REDACTED]');
    expect(text).toContain('response  200 text/html');
    expect(text).toContain(HOSTILE_BODY);
    expect(text).toContain('failure   timeout: headers timeout after 10000 ms');
    expect(text.indexOf(`\n${HCX}\n`)).toBeLessThan(text.indexOf(`\n${DC}\n`));
    expect(text.indexOf(FINDINGS[1]!.replay)).toBeLessThan(text.indexOf(`\n${DC}\n`));
  });

  it('caps long bodies and ends with the report files and the verdict', () => {
    expect(text).toContain('… (641 more characters)');
    expect(text).not.toContain('x'.repeat(400));
    expect(text).toContain('Reports\n  /somewhere/report.json');
    expect(text.trimEnd().split('\n').at(-1)).toBe('NOT CONFORMING: 4 distinct violation(s); 118 of 120 cases ran on 2 operation(s)');
    expect(text).toContain('2 × needs a fixture id');
  });

  it('has no colour codes unless asked, and neutralises escape sequences from the server', () => {
    expect(text).not.toContain('\u001b[');
    const hostile = buildReport({ findings: [{ ...FINDINGS[2]!, response: { status: 200, bodyExcerpt: 'a\u001b[2Jb' } }], occurrences: [1] });
    const out = reporter().console.render(hostile);
    expect(out).toContain('a\\x1b[2Jb');
    expect(out).not.toContain('\u001b');
    expect(reporter({ color: true }).console.render(buildReport())).toContain('\u001b[31m');
  });

  it('marks findings that are new against a baseline', () => {
    const report = buildReport({ baseline: { path: 'b.json', new: [findingKey(FINDINGS[0]!)], stillFailing: [], fixed: [] } });
    const out = reporter().console.render(report);
    expect(out.match(/ NEW/g)).toHaveLength(1);
    expect(out).toContain('against the baseline: 1 new, 0 still failing, 0 fixed');
  });

  it('says conforming with no findings', () => {
    const out = reporter().console.render(buildReport({ findings: [], occurrences: [] }));
    expect(out).toContain('No findings.');
    expect(out.trimEnd().split('\n').at(-1)).toMatch(/^CONFORMING: /);
  });
});

describe('console reporter progress', () => {
  it('draws progress on stderr on an interactive terminal, clears it, then writes the summary to stdout', async () => {
    const { console: r, stdout, stderr } = reporter({ tty: true, color: false });
    r.onRunStart({ command: 'run', seed: 1, planned: { [HCX]: 3, [DC]: 2 } });
    r.onCaseResult(caseResult(HCX, 'a', true));
    expect(stderr.text()).toContain(`${HCX} 1/3 (1 violation)`);
    expect(stderr.text()).toContain(`${DC} 0/2`);
    expect(stdout.text()).toBe('');
    await r.onRunEnd(buildReport());
    expect(stderr.chunks.at(-1)).toBe('\r\u001b[K');
    expect(stdout.text()).toContain('NOT CONFORMING');
  });

  it.each([
    ['not a terminal', false, {}],
    ['CI=true', true, { CI: 'true' }],
  ])('stays quiet when %s', async (_label, tty, env) => {
    const { console: r, stderr, stdout } = reporter({ tty, env });
    r.onRunStart({ command: 'run', seed: 1, planned: { [HCX]: 1 } });
    r.onCaseResult(caseResult(HCX, 'a', false));
    await r.onRunEnd(buildReport());
    expect(stderr.text()).toBe('');
    expect(stdout.text()).toContain('Checks');
  });

  it('honours NO_COLOR on a terminal', () => {
    expect(reporter({ tty: true, env: { NO_COLOR: '1' } }).console.render(buildReport())).not.toContain('\u001b[');
    expect(reporter({ tty: true, env: {} }).console.render(buildReport())).toContain('\u001b[');
  });
});
