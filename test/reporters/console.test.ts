import { describe, expect, it } from 'vitest';
import { ConsoleReporter } from '../../reporters/ConsoleReporter.ts';
import type { CaseResult } from '../../src/model/CaseResult.ts';
import type { Case } from '../../src/model/Case.ts';
import { findingKey } from '../../src/model/findingKey.ts';
import { buildReport, CAUSES, DC, FAILURES, FINDINGS, HCX, HOSTILE_BODY, inconclusiveReport, WARNINGS } from './fixtures.ts';

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

/** Lines a reader copies as they are (the request line, curl, replay) may run past the terminal's edge. */
const COPIED = /^ {4}(request|curl|replay) {3,}/;

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

  it('prints the operation x check table, one row per check, `warn` where only warnings broke', () => {
    expect(text).toMatch(/│ check\s+│ upgradeInterconnectAppliance │ updateHostedConnect │/);
    expect(text).toMatch(/│ negative-rejection\s+│ FAIL 1\/11\s+│ pass 10\s+│/);
    expect(text).toMatch(/│ not-found\s+│ pass 10\s+│ n\/a\s+│/);
    // A failure and a warning in one cell: the failure wins.
    expect(text).toMatch(/│ response-schema\s+│ pass 10\s+│ FAIL 1\/12\s+│/);
    expect(text).toMatch(/│ echo\s+│ warn 1\/11\s+│ pass 10\s+│/);
  });

  it('prints the coverage matrix: boundary accepted, violation rejected, response rules honoured or warned', () => {
    expect(text).toMatch(/│ request constraint\s+│ boundary\s+│ violation\s+│\n│\s+│ accepted\s+│ rejected\s+│/);
    expect(text).toMatch(/│ HCX\.query\.force\.enum\s+│ yes\s+│ FAIL\s+│/);
    expect(text).toMatch(/│ DC\.body\.hosted_connect\.bandwidth\.maximum\s+│ FAIL\s+│ yes\s+│/);
    expect(text).toMatch(/│ DC\.path\.hosted_connect_id\.minLength\s+│ not run\s+│ not run\s+│/);
    expect(text).toContain('response 200 constraints: 1 FAIL: DC.response.200.hosted_connect.vlan.maximum');
    expect(text).toContain('response 400 constraints: 1 warn: DC.response.400.error_code.required');
    expect(text).toContain('response 202 constraints: 1 honoured');
  });

  it('lists failures first, then warnings each tagged with its provenance', () => {
    const failuresAt = text.indexOf('\nFailures (3 distinct)\n');
    const warningsAt = text.indexOf('\nWarnings (2 distinct)\n');
    expect(failuresAt).toBeGreaterThan(0);
    expect(warningsAt).toBeGreaterThan(failuresAt);
    for (const f of FAILURES) expect(text.indexOf(f.replay)).toBeLessThan(warningsAt);
    for (const f of WARNINGS) expect(text.indexOf(f.replay)).toBeGreaterThan(warningsAt);
    expect(text).toMatch(/\n\[4\] echo \[reading\]\n/);
    expect(text).toMatch(/\n\[5\] response-schema DC\.response\.400\.error_code\.required \[convention\]\n/);
    expect(text).toMatch(/\n\[3\] transport \[robustness\]\n/);
    const onlyWarnings = reporter().console.render(buildReport({ findings: WARNINGS, occurrences: [1, 1] }));
    expect(onlyWarnings).not.toContain('Failures (');
    expect(onlyWarnings.trimEnd().split('\n').at(-1)).toBe('CONFORMING with 2 warnings: 118 of 120 cases ran on 2 operation(s), no failure');
  });

  it('fits an 80-column terminal, apart from the commands a reader copies', () => {
    const wide = [...text.split('\n'), ...reporter().console.render(inconclusiveReport()).split('\n')].filter((l) => l.length > 80);
    expect(wide.length).toBeGreaterThan(0);
    expect(wide.filter((l) => !COPIED.test(l))).toEqual([]);
  });

  it('wraps a table too wide for 80 columns rather than overflowing', () => {
    const longId = 'DC.body.hosted_connect.some_very_long_member_name.another_level.maxLength';
    const third = { ...buildReport().operations[1]!, operationId: 'updateHostedConnectWithAVeryLongOperationName' };
    const report = buildReport({
      operations: [...buildReport().operations, third],
      coverage: [...buildReport().coverage, { ...buildReport().coverage[4]!, constraintId: longId }],
    });
    const out = reporter().console.render(report);
    expect(out.split('\n').filter((l) => l.length > 80 && !COPIED.test(l))).toEqual([]);
    // The long id wraps after a dot, and both halves are there.
    expect(out).toMatch(/│ DC\.body\.hosted_connect\.some_very_long_member_name\.\s+│/);
    expect(out).toMatch(/│ another_level\.maxLength\s+│/);
  });

  it('shows each finding once, grouped by operation, with request, response, curl and replay', () => {
    for (const f of FINDINGS) {
      expect(text.split(f.replay).length - 1).toBe(1);
      expect(text.split(`case      ${f.caseId} `).length - 1).toBe(1);
    }
    expect(text).toContain('(3 occurrences)');
    expect(text).toContain('X-Auth-Token: [REDACTED]');
    expect(text).toContain('response  200 text/html');
    // Long body lines are cut to fit beside the indent; rejoined, the body is whole.
    expect(text.replace(/\n {14}/g, '')).toContain(HOSTILE_BODY);
    expect(text).toContain('failure   timeout: headers timeout after 10000 ms');
    expect(text.indexOf(`\n${HCX}\n`)).toBeLessThan(text.indexOf(`\n${DC}\n`));
    expect(text.indexOf(FINDINGS[0]!.replay)).toBeLessThan(text.indexOf(`\n${DC}\n`));
  });

  it('caps long bodies and ends with the report files and the verdict', () => {
    expect(text).toContain('… (641 more characters)');
    expect(text).not.toContain('x'.repeat(400));
    expect(text).toContain('Reports\n  /somewhere/report.json');
    expect(text.trimEnd().split('\n').at(-1)).toBe('NOT CONFORMING: 3 failures, 2 warnings; 118 of 120 cases ran on 2 operation(s)');
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
    expect(out.trimEnd().split('\n').at(-1)).toBe('CONFORMING: 118 of 120 cases ran on 2 operation(s), no failure');
  });

  it('says inconclusive in yellow, never green, with each cause on its own line under the verdict', () => {
    const plain = reporter().console.render(inconclusiveReport());
    const lines = plain.trimEnd().split('\n');
    const at = lines.findIndex((l) => l.startsWith('INCONCLUSIVE: '));
    expect(lines[at]).toMatch(/^INCONCLUSIVE: updateHostedConnect: every valid request was answered 401:/);
    const below = lines.slice(at).join('\n');
    for (const cause of CAUSES) expect(below.replace(/\n +/g, ' ')).toContain(`- ${cause}`);
    expect(plain).not.toContain('CONFORMING:');
    // Each inconclusive operation says why under its own line too.
    expect(plain.replace(/\n +/g, ' ')).toContain('INCONCLUSIVE: no valid request was ever accepted (every upgrade answered 422)');
    const coloured = reporter({ color: true }).console.render(inconclusiveReport());
    const verdictLines = coloured.slice(coloured.lastIndexOf('INCONCLUSIVE: updateHostedConnect: every valid request was answered 401') - 20);
    expect(verdictLines).toContain('\u001b[33m');
    expect(verdictLines).not.toContain('\u001b[32m');
    expect(coloured).toContain('\nNo findings.\n');
    expect(reporter({ color: true }).console.render(buildReport({ findings: [], occurrences: [] }))).toContain('\u001b[32mNo findings.');
  });

  it('says how an interrupted run stopped, counting failures and warnings so far', () => {
    const base = buildReport({ findings: WARNINGS, occurrences: [1, 1] });
    const out = reporter().console.render({ ...base, interrupted: true, stopReason: 'request budget of 50 spent', summary: { ...base.summary, conforming: false, verdict: 'interrupted' } });
    // The verdict wraps at 80 columns; its continuation is indented.
    expect(out.trimEnd().split('\n').slice(-2)).toEqual(['STOPPED (request budget of 50 spent): 118 of 120 cases ran on 2 operation(s), 0', '  failures, 2 warnings so far']);
  });
});

describe('console reporter progress', () => {
  it('draws progress on stderr on an interactive terminal, clears it, then writes the summary to stdout', async () => {
    const { console: r, stdout, stderr } = reporter({ tty: true, color: false });
    r.onRunStart({ command: 'run', seed: 1, planned: { [HCX]: 3, [DC]: 2 } });
    r.onCaseResult(caseResult(HCX, 'a', true));
    expect(stderr.text()).toBe('\r\u001b[Kcases 1/5 · 1 finding');
    expect(stdout.text()).toBe('');
    await r.onRunEnd(buildReport());
    expect(stderr.chunks.at(-1)).toBe('\r\u001b[K');
    expect(stdout.text()).toContain('NOT CONFORMING');
  });

  it('keeps the planned total fixed: random cases explored later are counted apart, done never exceeds total', () => {
    const { console: r, stderr, clock } = periodic({ tty: true });
    r.onRunStart({ command: 'run', seed: 1, planned: { [HCX]: 2, [DC]: 1 } });
    const draws: string[] = [];
    const results = [caseResult(HCX, 'a', false), caseResult(HCX, 'b', false), caseResult(HCX, 'random-1', false), caseResult(DC, 'c', false), caseResult(HCX, 'random-2', false)];
    for (const result of results) {
      // Every result redraws: the throttle is keyed on the clock, so wait it out.
      clock.advance(100);
      r.onCaseResult(result);
      draws.push(stderr.chunks.at(-1)!);
    }
    expect(draws).toEqual(['\r\u001b[Kcases 1/3', '\r\u001b[Kcases 2/3', '\r\u001b[Kcases 2/3 · +1 explored', '\r\u001b[Kcases 3/3 · +1 explored', '\r\u001b[Kcases 3/3 · +2 explored']);
    for (const d of draws) expect(d.length).toBeLessThan(80);
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

  /** A clock the test advances: `tick()` runs what a timer would run at that time. */
  function fakeClock() {
    let now = 1_000_000;
    const timers = new Set<{ ms: number; tick: () => void }>();
    return {
      now: () => now,
      every: (ms: number, tick: () => void) => {
        const timer = { ms, tick };
        timers.add(timer);
        return () => void timers.delete(timer);
      },
      advance(ms: number) {
        now += ms;
        for (const t of timers) t.tick();
      },
      active: () => [...timers].map((t) => t.ms),
    };
  }

  function periodic(options: { tty?: boolean; progressEveryMs?: number } = {}) {
    const stdout = sink(options.tty);
    const stderr = sink(options.tty);
    const clock = fakeClock();
    const console = new ConsoleReporter({ stdout, stderr, env: {}, color: false, clock, ...(options.progressEveryMs !== undefined ? { progressEveryMs: options.progressEveryMs } : {}) });
    return { console, stdout, stderr, clock };
  }

  it('without a terminal: a line on stdout every 5 s from the start (probes included), cases done/planned and findings; none after the end', async () => {
    const { console: r, stdout, stderr, clock } = periodic();
    r.onRunBegin({ startedAt: new Date() });
    expect(clock.active()).toEqual([5000]);
    clock.advance(5000);
    expect(stdout.chunks).toEqual(['conformance: 5.0 s · reaching the targets: connection, credential and fixture probes\n']);
    r.onRunStart({ command: 'run', seed: 1, planned: { [HCX]: 3, [DC]: 2 } });
    r.onCaseResult(caseResult(HCX, 'a', true));
    r.onCaseResult({ status: 'not-run', case: caseResult(DC, 'b', false).case, reason: 'r' });
    clock.advance(5000);
    expect(stdout.chunks.at(-1)).toBe('conformance: 10.0 s · cases 2/5 · 1 finding\n');
    await r.onRunEnd(buildReport());
    expect(clock.active()).toEqual([]);
    const printed = stdout.chunks.length;
    clock.advance(5000);
    expect(stdout.chunks).toHaveLength(printed);
    expect(stderr.text()).toBe('');
  });

  it('a run that stops on an error before its report still stops the timer (onRunClose); progressEveryMs 0 prints none', () => {
    const stopped = periodic();
    stopped.console.onRunBegin({ startedAt: new Date() });
    stopped.console.onRunClose();
    expect(stopped.clock.active()).toEqual([]);
    const none = periodic({ progressEveryMs: 0 });
    none.console.onRunBegin({ startedAt: new Date() });
    expect(none.clock.active()).toEqual([]);
    none.clock.advance(60_000);
    expect(none.stdout.text()).toBe('');
  });

  it('on a terminal: the line in place on stderr is redrawn every second with the elapsed time, also while nothing arrives', async () => {
    const { console: r, stdout, stderr, clock } = periodic({ tty: true });
    r.onRunBegin({ startedAt: new Date() });
    clock.advance(1000);
    expect(stderr.chunks.at(-1)).toBe('\r\u001b[K1.0 s · reaching the targets: connection, credential and fixture probes');
    r.onRunStart({ command: 'run', seed: 1, planned: { [HCX]: 4 } });
    clock.advance(1000);
    expect(stderr.chunks.at(-1)).toBe('\r\u001b[K2.0 s · cases 0/4');
    await r.onRunEnd(buildReport());
    expect(clock.active()).toEqual([]);
    expect(stderr.chunks.at(-1)).toBe('\r\u001b[K');
    expect(stdout.text()).not.toContain('conformance: ');
  });

  it('honours NO_COLOR on a terminal', () => {
    expect(reporter({ tty: true, env: { NO_COLOR: '1' } }).console.render(buildReport())).not.toContain('\u001b[');
    expect(reporter({ tty: true, env: {} }).console.render(buildReport())).toContain('\u001b[');
  });
});
