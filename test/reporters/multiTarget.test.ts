import { describe, expect, it } from 'vitest';
import { brokenSeverity } from '../../reporters/brokenSeverity.ts';
import { ConsoleReporter } from '../../reporters/ConsoleReporter.ts';
import { MarkdownReporter } from '../../reporters/MarkdownReporter.ts';
import type { OperationSummary, RunReport } from '../../src/model/RunReport.ts';
import { validateReport } from '../../src/regression/validateReport.ts';
import { AP_SOUTH, buildMultiTargetReport, buildReport, DC, EU_WEST, HCX, MULTI_CAUSE, MULTI_FINDINGS } from './fixtures.ts';

const render = (report: RunReport) => new ConsoleReporter({ color: false, env: {} }).render(report);

/** Lines a reader copies as they are (the request line, curl, replay) may run past the terminal's edge. */
const COPIED = /^ {4}(request|curl|replay) {3,}/;
const tooWide = (text: string) => text.split('\n').filter((l) => [...l].length > 80 && !COPIED.test(l));

/** The text between two section headings of the console summary. */
function section(text: string, from: string, to: string): string {
  const start = text.indexOf(`\n${from}\n`);
  const end = text.indexOf(`\n${to}`, start + 1);
  expect(start, from).toBeGreaterThan(0);
  expect(end, to).toBeGreaterThan(start);
  return text.slice(start, end);
}

/** The cells of a table row (its label first), trimmed. */
const cellsOf = (line: string) =>
  line
    .split('│')
    .slice(1, -1)
    .map((c) => c.trim());

/** The multi-target report with DC sent to `count` regions in all (the first two the fixture's own). */
function manyRegions(count: number): RunReport {
  const base = buildMultiTargetReport();
  const extra = Array.from({ length: count - 2 }, (_, i) => ({ name: `region-${i + 3}`, url: `http://127.0.0.1:${4703 + i}` }));
  const ap = (o: { operationId: string; target: string }) => o.operationId === DC && o.target === AP_SOUTH.name;
  const copies = <T extends { operationId: string; target: string }>(list: readonly T[]) => [...list, ...extra.flatMap((t) => list.filter(ap).map((item) => ({ ...item, target: t.name })))];
  const apSouth = base.operations.find((o) => o.operationId === DC && o.targetName === AP_SOUTH.name)!;
  const operations: OperationSummary[] = [...base.operations, ...extra.map((t) => ({ ...apSouth, target: t.url, targetName: t.name }))];
  return { ...base, operations, checks: copies(base.checks), coverage: copies(base.coverage), findings: copies(base.findings), occurrences: copies(base.findings).map(() => 1) };
}

describe('console reporter with several targets', () => {
  const text = render(buildMultiTargetReport());

  it('reads a fixture that is a valid report', () => {
    expect(validateReport(JSON.parse(JSON.stringify(buildMultiTargetReport())))).toMatchObject({ ok: true });
  });

  it('names each target of an operation on its own line, with its URL, counts and inconclusive cause', () => {
    expect(text).toContain(`\n  ${DC}\n    PUT /v3/{project_id}/dcaas/hosted-connects/{hosted_connect_id}\n`);
    expect(text).toContain(`    → eu-west   ${EU_WEST.url}  68/70 ran, 2 not run\n      INCONCLUSIVE: every valid request was answered 401`);
    expect(text).toContain(`    → ap-south  ${AP_SOUTH.url}  68/70 ran, 2 not run, 1 failure\n`);
    expect(text).toContain(`    → eu-west  ${EU_WEST.url}  50/50 ran, 1 warning\n`);
    // The request line is said once per operation, not once per target.
    expect(text.split('PUT /v3/{project_id}').length - 1).toBe(1);
  });

  it('lays the checks out as a target × check matrix whose headers name operation and target', () => {
    const checks = section(text, 'Checks', 'Constraint coverage');
    const lines = checks.split('\n').filter((l) => l.startsWith('│'));
    // The header spans several lines (wrapped): read it column by column.
    const headerLines = lines.slice(
      0,
      lines.findIndex((l) => cellsOf(l)[0] === 'not-server-error'),
    );
    const heads = cellsOf(headerLines[0]!).map((_, col) =>
      headerLines
        .map((l) => cellsOf(l)[col])
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim(),
    );
    expect(heads).toEqual(['check', 'upgrade Interconnect Appliance @ eu-west', 'updateHosted Connect @ eu-west', 'updateHosted Connect @ ap-south']);
    const row = (check: string) => cellsOf(lines.find((l) => cellsOf(l)[0] === check)!);
    expect(row('negative-rejection')).toEqual(['negative-rejection', 'pass 10', 'pass 1', 'FAIL 1/11']);
    expect(row('echo')).toEqual(['echo', 'warn 1/11', 'pass 1', 'pass 10']);
    expect(row('not-found')).toEqual(['not-found', 'pass 10', 'n/a', 'n/a']);
  });

  it('shows coverage once per operation, a column per target, never a table per target of the same rules', () => {
    const coverage = section(text, 'Constraint coverage', '4 case(s) not run');
    expect(coverage.split('DC.body.hosted_connect.bandwidth.maximum').length - 1).toBe(1);
    expect(coverage.split(`  ${DC}\n`).length - 1).toBe(1);
    const row = (id: string) => cellsOf(coverage.split('\n').find((l) => cellsOf(l)[0] === id)!);
    const dcPart = coverage.slice(coverage.indexOf(`  ${DC}\n`));
    expect(cellsOf(dcPart.split('\n').find((l) => l.includes('request constraint'))!)).toEqual(['request constraint', '@ eu-west', '@ ap-south']);
    expect(row('DC.body.hosted_connect.bandwidth.maximum')).toEqual(['DC.body.hosted_connect.bandwidth.maximum', 'yes / yes', 'yes / FAIL']);
    expect(row('DC.path.hosted_connect_id.minLength')).toEqual(['DC.path.hosted_connect_id.minLength', 'not run', 'not run']);
    expect(coverage).toContain('response 200 constraints, every target: 1 honoured');
    expect(coverage).toContain('response 400 constraints: @ eu-west 1 not exercised; @ ap-south 1 honoured');
  });

  it('names the target of every finding in its heading and groups findings per operation and target', () => {
    expect(text).toContain(`\n\n${DC} @ ${AP_SOUTH.name}\n\n[1] @ ap-south negative-rejection DC.body.hosted_connect.bandwidth.maximum\n`);
    expect(text).toContain(`\n\n${HCX} @ ${EU_WEST.name}\n\n[2] @ eu-west echo [reading]\n`);
    expect(text).not.toContain(`${DC} @ ${EU_WEST.name}\n\n[`);
    expect(text).toContain('4 × needs a fixture id: give --fixture hosted_connect_id=... (@ eu-west 2, @');
  });

  it('fits 80 columns and counts operations and targets apart in the verdict', () => {
    expect(tooWide(text)).toEqual([]);
    const lines = text.trimEnd().split('\n');
    const at = lines.findIndex((l) => l.startsWith('NOT CONFORMING: '));
    expect(lines.slice(at, at + 2).join(' ')).toBe('NOT CONFORMING: 1 failure, 1 warning; 186 of 190 cases ran on 2 operation(s) at   2 targets');
  });

  it('names the inconclusive target under a NOT CONFORMING verdict, not only the failing one', () => {
    const lines = text.trimEnd().split('\n');
    const at = lines.findIndex((l) => l.startsWith('NOT CONFORMING: '));
    const below = lines.slice(at + 2);
    expect(below[0]).toBe('also INCONCLUSIVE:');
    expect(below.slice(1).join('\n').replace(/\n +/g, ' ')).toBe(`  - ${DC} @ ${EU_WEST.name}: ${MULTI_CAUSE}`);
    // Coloured: the heading is yellow, the verdict above it red.
    const coloured = new ConsoleReporter({ color: true, env: {} }).render(buildMultiTargetReport());
    expect(coloured).toMatch(/\u001b\[33m[^\n]*also INCONCLUSIVE:/);
    // The same report without the cause ends on the verdict: the lines above come from the cause.
    const base = buildMultiTargetReport();
    const noCause = render({ ...base, summary: { ...base.summary, causes: [] } });
    expect(noCause).not.toContain('INCONCLUSIVE:\n');
    expect(noCause.trimEnd().split('\n').at(-1)).toBe('  2 targets');
  });

  it('keeps a single-target report as it was: no target in headers, findings or operation lines', () => {
    const single = render(buildReport());
    expect(single).not.toContain('@ ');
    expect(single).toContain(`  ${DC}  68/70 ran, 2 not run, 2 failures, 1 warning\n`);
    expect(single.trimEnd().split('\n').at(-1)).toBe('NOT CONFORMING: 3 failures, 2 warnings; 118 of 120 cases ran on 2 operation(s)');
  });

  it('with too many targets for one table, splits the matrix per operation, each within 80 columns', () => {
    const out = render(manyRegions(6));
    expect(tooWide(out)).toEqual([]);
    const checks = section(out, 'Checks', 'Constraint coverage');
    expect(checks).toContain(`\n  ${HCX}\n`);
    const dcPart = checks.slice(checks.indexOf(`\n  ${DC}\n`));
    expect(dcPart.length).toBeLessThan(checks.length);
    // Each of DC's six targets heads exactly one column, spread over tables that each fit.
    for (const name of [EU_WEST.name, AP_SOUTH.name, 'region-3', 'region-4', 'region-5', 'region-6']) {
      expect(dcPart.split('\n').filter((l) => cellsOf(l).includes(`@ ${name}`)).length, name).toBe(1);
    }
    expect(dcPart.split('\n').filter((l) => cellsOf(l)[0] === 'check').length).toBeGreaterThan(1);
    // Every target's failing cell is there, whatever table it landed in.
    expect(
      checks
        .split('\n')
        .filter((l) => cellsOf(l)[0] === 'negative-rejection')
        .flatMap(cellsOf)
        .filter((c) => c === 'FAIL 1/11'),
    ).toHaveLength(5);
    const coverage = section(out, 'Constraint coverage', '4 case(s) not run');
    expect(coverage.split('\n').filter((l) => cellsOf(l).includes('@ region-6'))).toHaveLength(1);
  });
});

describe('markdown reporter with several targets', () => {
  const md = MarkdownReporter.render(buildMultiTargetReport());

  it('has a target column in the summary and (operation @ target) columns in the check matrix', () => {
    expect(md.split('\n')[0]).toBe('### ❌ NOT CONFORMING: 1 failure, 1 warning; 186 of 190 cases ran on 2 operation(s) at 2 targets');
    expect(md).toContain('| operation | target | ran | failures | warnings | verdict |');
    expect(md).toContain(`| ${DC} | eu-west (${EU_WEST.url}) | 68/70 | 0 | 0 | inconclusive: ${MULTI_CAUSE} |`);
    expect(md).toContain(`| ${DC} | ap-south (${AP_SOUTH.url}) | 68/70 | 1 | 0 | not-conforming |`);
    expect(md).toContain(`| check | ${HCX} @ eu-west | ${DC} @ eu-west | ${DC} @ ap-south |`);
    expect(md).toContain('| negative-rejection | pass | pass | **FAIL** (1) |');
    expect(md).toContain('| echo | warn (1) | pass | pass |');
  });

  it('has a coverage row per operation and target, the rule broken at one target named there only', () => {
    expect(md).toContain(`| ${DC} @ ap-south | 2/2 | 1/2 (**FAIL** \`DC.body.hosted_connect.bandwidth.maximum\`) | 1 | 2/2 |`);
    expect(md).toContain(`| ${DC} @ eu-west | 2/2 | 2/2 | 1 | 1/1 |`);
  });

  it('names the target of each finding', () => {
    expect(md).toContain(`1. **${DC} @ ap-south** · negative-rejection \`DC.body.hosted_connect.bandwidth.maximum\` [page]: `);
    expect(md).toContain(`1. **${HCX} @ eu-west** · echo [reading]: `);
    expect(md.split('\n').filter((l) => /^\d+\. \*\*/.test(l))).toHaveLength(MULTI_FINDINGS.length);
  });

  it('names the inconclusive target under a NOT CONFORMING verdict, not only the failing one', () => {
    expect(md.split('\n').slice(0, 5)).toEqual([
      '### ❌ NOT CONFORMING: 1 failure, 1 warning; 186 of 190 cases ran on 2 operation(s) at 2 targets',
      '',
      '⚠️ **also INCONCLUSIVE:**',
      '',
      `- ${DC} @ ${EU_WEST.name}: ${MULTI_CAUSE}`,
    ]);
    const base = buildMultiTargetReport();
    expect(MarkdownReporter.render({ ...base, summary: { ...base.summary, causes: [] } })).not.toContain('INCONCLUSIVE:**');
  });

  it('keeps a single-target summary as it was', () => {
    const single = MarkdownReporter.render(buildReport());
    expect(single).toContain('| operation | ran | failures | warnings | verdict |');
    expect(single).not.toContain('| coverage |');
    expect(single).not.toContain(' @ ');
  });
});

describe('brokenSeverity with several targets', () => {
  it('judges a rule at one target by the findings of that target only', () => {
    const report = buildMultiTargetReport();
    const warningAtEu = { ...MULTI_FINDINGS[0]!, target: EU_WEST.name, severity: 'warning' as const };
    const rule = report.coverage.find((r) => r.constraintId === 'DC.body.hosted_connect.bandwidth.maximum' && r.target === EU_WEST.name)!;
    expect(brokenSeverity({ findings: [warningAtEu] }, rule)).toBe('warning');
    expect(brokenSeverity({ findings: [warningAtEu] }, { ...rule, target: AP_SOUTH.name })).toBe('failure');
    expect(brokenSeverity({ findings: [warningAtEu, MULTI_FINDINGS[0]!] }, rule)).toBe('warning');
  });
});
