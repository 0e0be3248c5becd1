import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import schema from '../../src/model/report.schema.json' with { type: 'json' };
import { ConsoleReporter } from '../../reporters/ConsoleReporter.ts';
import { HtmlReporter } from '../../reporters/HtmlReporter.ts';
import { JsonReporter } from '../../reporters/JsonReporter.ts';
import { JunitReporter } from '../../reporters/JunitReporter.ts';
import { MarkdownReporter } from '../../reporters/MarkdownReporter.ts';
import { verdictLine } from '../../reporters/verdictLine.ts';
import type { RunReport } from '../../src/model/RunReport.ts';
import { buildReport, DC, HCX, TARGET } from './fixtures.ts';

/** A conforming run that holds only with a relaxed rule and left a boundary unverified. */
function qualified(): RunReport {
  return buildReport({
    findings: [],
    occurrences: [],
    summary: { ...buildReport().summary, violations: 0, warnings: 0, conforming: true, verdict: 'conforming', causes: [] },
    unverifiedBoundaries: [{ operationId: HCX, target: TARGET, constraintId: 'HCX.query.method.enum', statuses: [422] }],
    relaxations: [
      { operationId: DC, kind: 'severity', rule: 'DC.body.hosted_connect.name.maxLength', text: `${DC}: DC.body.hosted_connect.name.maxLength demoted to a warning (operations.${DC}.severity)` },
      { operationId: DC, kind: 'skip-check', rule: 'echo', text: `${DC}: check echo not run (operations.${DC}.skipChecks)` },
    ],
  });
}

function console(): ConsoleReporter {
  return new ConsoleReporter({ stdout: { isTTY: false, write: () => true }, stderr: { isTTY: false, write: () => true }, env: {} });
}

/** Each report's text, read the way its reader reads it: console lines unwrapped, Markdown unescaped, JSON's fields. */
const RENDERERS: ReadonlyArray<[string, (report: RunReport) => string]> = [
  [
    'console',
    (r) =>
      console()
        .render(r)
        .replace(/\n {2,}/g, ' '),
  ],
  ['md', (r) => MarkdownReporter.render(r).replace(/\\(.)/g, '$1')],
  ['html', (r) => HtmlReporter.render(r)],
  ['junit', (r) => JunitReporter.render(r)],
  [
    'json',
    (r) => {
      const { unverifiedBoundaries, relaxations } = JSON.parse(JsonReporter.render(r)) as RunReport;
      return [...(unverifiedBoundaries ?? []).map((u) => `${u.constraintId}: every boundary case was answered ${u.statuses.join('/')}`), ...(relaxations ?? []).map((x) => x.text)].join('\n');
    },
  ],
];

describe('what a verdict holds only with is in the verdict line and every report', () => {
  it('the verdict line counts both', () => {
    expect(verdictLine(qualified())).toMatch(/^CONFORMING with 1 boundary unverified, 2 rules relaxed: /);
    expect(verdictLine({ ...qualified(), unverifiedBoundaries: undefined })).toMatch(/^CONFORMING, 2 rules relaxed: /);
    expect(verdictLine(buildReport())).not.toMatch(/relaxed|unverified/);
  });

  it.each(RENDERERS)('%s names every unverified boundary and every relaxation', (_name, render) => {
    const text = render(qualified());
    expect(text).toContain('HCX.query.method.enum: every boundary case was answered 422');
    expect(text).toContain('DC.body.hosted_connect.name.maxLength demoted to a warning (operations.updateHostedConnect.severity)');
    expect(text).toContain('check echo not run (operations.updateHostedConnect.skipChecks)');
  });

  it.each(RENDERERS)('%s says nothing of them when there are none', (_name, render) => {
    const text = render(buildReport());
    expect(text).not.toContain('Relaxed by the configuration');
    expect(text).not.toContain('every boundary case was answered');
  });

  it('junit: a relaxed rule and an unverified boundary are skipped cases with their message, never green', () => {
    const xml = JunitReporter.render(qualified());
    expect(xml).toMatch(/<testcase classname="relaxed by the configuration" name="updateHostedConnect skip-check echo"[^>]*>\s*<skipped message="relaxed: /);
    expect(xml).toMatch(/name="constraint HCX.query.method.enum"[^>]*>\s*<skipped message="boundary unverified: /);
  });

  it('report.schema.json documents both fields', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
    expect(ajv.validate(schema, JSON.parse(JsonReporter.render(qualified()))), JSON.stringify(ajv.errors)).toBe(true);
    expect(ajv.validate(schema, { ...qualified(), relaxations: [{ operationId: DC, kind: 'lenient', rule: 'x', text: 'x' }] })).toBe(false);
  });
});
