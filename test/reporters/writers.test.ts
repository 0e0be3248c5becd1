import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import schema from '../../src/model/report.schema.json' with { type: 'json' };
import { HtmlReporter } from '../../reporters/HtmlReporter.ts';
import { JsonReporter } from '../../reporters/JsonReporter.ts';
import { JunitReporter } from '../../reporters/JunitReporter.ts';
import { MarkdownReporter } from '../../reporters/MarkdownReporter.ts';
import { ReportFiles } from '../../reporters/ReportFiles.ts';
import type { RunListener } from '../../src/model/RunListener.ts';
import { createAjv } from '../../src/validation/createAjv.ts';
import { buildReport, CAUSES, FAILURES, FINDINGS, HOSTILE_BODY, inconclusiveReport, WARNINGS } from './fixtures.ts';

const tempDir = () => mkdtemp(join(tmpdir(), 'conformance-reporters-'));

const WRITERS: ReadonlyArray<[string, (path: string, files: ReportFiles) => RunListener]> = [
  ['json', (path, files) => new JsonReporter({ path, files })],
  ['junit', (path, files) => new JunitReporter({ path, files })],
  ['md', (path, files) => new MarkdownReporter({ path, files })],
  ['html', (path, files) => new HtmlReporter({ path, files })],
];

describe.each(WRITERS)('%s reporter', (_name, make) => {
  it('writes a file holding exactly the findings of the report, in a folder it creates', async () => {
    const dir = await tempDir();
    const path = join(dir, 'nested', 'deeper', 'out');
    const files = new ReportFiles();
    const [kept, dropped] = [FINDINGS.slice(0, 3), FINDINGS[3]!];
    await make(path, files).onRunEnd!(buildReport({ findings: kept }));
    const text = await readFile(path, 'utf8');
    for (const f of kept) expect(text).toContain(f.caseId);
    expect(text).not.toContain(dropped.caseId);
    expect(await files.written()).toEqual([path]);
  });
});

describe('json reporter', () => {
  it('produces a report that validates against report.schema.json (plain Ajv2020 and the project ajv)', async () => {
    const path = join(await tempDir(), 'report.json');
    await new JsonReporter({ path }).onRunEnd(buildReport({ baseline: { path: 'old.json', new: ['a'], stillFailing: [], fixed: ['b'] } }));
    const data: unknown = JSON.parse(await readFile(path, 'utf8'));
    const plain = new Ajv2020({ allErrors: true, strict: false, validateFormats: false });
    expect(plain.validate(schema, data), JSON.stringify(plain.errors)).toBe(true);
    const strict = createAjv([schema]).compile(schema);
    expect(strict(data), JSON.stringify(strict.errors)).toBe(true);
    expect(data).toEqual(JSON.parse(JSON.stringify(buildReport({ baseline: { path: 'old.json', new: ['a'], stillFailing: [], fixed: ['b'] } }))));
  });

  it('documents the verdicts: an inconclusive report with its causes validates too', () => {
    const validate = createAjv([schema]).compile(schema);
    expect(validate(JSON.parse(JsonReporter.render(inconclusiveReport()))), JSON.stringify(validate.errors)).toBe(true);
    const { invocation: _invocation, ...withoutInvocation } = buildReport();
    expect(validate(withoutInvocation), 'invocation is optional').toBe(true);
  });

  it('the schema rejects what is not a report', () => {
    const validate = createAjv([schema]).compile(schema);
    expect(validate({ ...buildReport(), extra: 1 })).toBe(false);
    const report = buildReport();
    const { severity: _severity, ...noSeverity } = FINDINGS[0]!;
    const { provenance: _provenance, ...noProvenance } = FINDINGS[0]!;
    expect(validate({ ...report, findings: [noSeverity] }), 'finding without severity').toBe(false);
    expect(validate({ ...report, findings: [noProvenance] }), 'finding without provenance').toBe(false);
    expect(validate({ ...report, findings: [{ ...FINDINGS[0]!, provenance: 'hunch' }] }), 'unknown provenance').toBe(false);
    const { provenance: _p, ...constraintWithout } = report.catalogue[0]!;
    expect(validate({ ...report, catalogue: [constraintWithout] }), 'catalogue entry without provenance').toBe(false);
    const { verdict: _v, ...summaryWithout } = report.summary;
    expect(validate({ ...report, summary: summaryWithout }), 'summary without verdict').toBe(false);
    expect(validate({ ...report, summary: { ...report.summary, verdict: 'green' } }), 'unknown verdict').toBe(false);
    const { warnings: _w, ...operationWithout } = report.operations[0]!;
    expect(validate({ ...report, operations: [operationWithout] }), 'operation without warnings').toBe(false);
    expect(validate({ ...report, operations: [{ ...report.operations[0]!, cause: 7 }] }), 'cause not a string').toBe(false);
    expect(validate({ ...report, invocation: { ...report.invocation!, token: 'tok-123' } }), 'a token value in the invocation').toBe(false);
    expect(validate({ ...report, invocation: { ...report.invocation!, headers: { 'X-Auth-Token': 'x' } } }), 'header values in the invocation').toBe(false);
    const { intent: _intent, ...noIntent } = FINDINGS[0]!;
    expect(validate({ ...buildReport(), findings: [noIntent] })).toBe(false);
    expect(validate({ ...buildReport(), findings: [{ ...FINDINGS[0]!, intent: { kind: 'invalid', label: 'no constraint id' } }] })).toBe(false);
  });
});

describe('markdown reporter', () => {
  it('has the verdict, failures and warnings per operation, the operation x check table, findings with constraint ids and collapsed details', () => {
    const md = MarkdownReporter.render(buildReport());
    const lines = md.split('\n');
    expect(lines[0]).toBe('### ❌ NOT CONFORMING: 3 failures, 2 warnings; 118 of 120 cases ran on 2 operation(s)');
    expect(md).toContain('| operation | ran | failures | warnings | verdict |');
    expect(md).toContain('| upgradeInterconnectAppliance | 50/50 | 1 | 1 | not-conforming |');
    expect(md).toContain('| updateHostedConnect | 68/70 | 2 | 1 | not-conforming |');
    expect(md).toContain('| check | upgradeInterconnectAppliance | updateHostedConnect |');
    expect(md).toContain('| negative-rejection | **FAIL** (1) | pass |');
    expect(md).toContain('| echo | warn (1) | pass |');
    expect(md).toContain('| response-schema | pass | **FAIL** (1) |');
    expect(md).toContain('| not-found | pass | n/a |');
    expect(md).toContain('`HCX.query.force.enum` [page] ×3');
    expect(md).toContain('`DC.response.200.hosted_connect.vlan.maximum` [page]');
    expect(lines.filter((l) => /^\d+\. \*\*/.test(l))).toHaveLength(FINDINGS.length);
    // One <details> per finding, plus the one that folds the warnings.
    expect(md.match(/<details>/g)).toHaveLength(FINDINGS.length + 1);
    // The hostile body only appears inside a code fence, never as live HTML.
    const at = md.indexOf(HOSTILE_BODY);
    expect(at).toBeGreaterThan(0);
    expect(md.slice(0, at).match(/```/g)!.length % 2).toBe(1);
  });

  it('folds the warnings, each tagged with its provenance, into one section after the failures', () => {
    const md = MarkdownReporter.render(buildReport());
    const failuresAt = md.indexOf('#### Failures (3 distinct)');
    const warningsAt = md.indexOf('#### Warnings (2 distinct)');
    expect(failuresAt).toBeGreaterThan(0);
    expect(warningsAt).toBeGreaterThan(failuresAt);
    const warnings = md.slice(warningsAt);
    expect(warnings).toMatch(/^#### Warnings \(2 distinct\)\n\n<details><summary>2 warning\(s\): rules the vendor page does not state/);
    expect(
      warnings
        .trimEnd()
        .split('\n')
        .filter((l) => l === '</details>'),
    ).toHaveLength(WARNINGS.length + 1);
    for (const f of WARNINGS) expect(warnings).toContain(f.replay);
    for (const f of FAILURES) expect(warnings).not.toContain(f.replay);
    expect(warnings).toContain('**upgradeInterconnectAppliance** · echo [reading]: ');
    expect(warnings).toContain('`DC.response.400.error_code.required` [convention]: ');
  });

  it('caps the findings shown and says how many are left', () => {
    const md = MarkdownReporter.render(buildReport({ findings: FAILURES, occurrences: [1, 1, 1] }), 2);
    expect(md.match(/<details>/g)).toHaveLength(2);
    expect(md).toContain('… and 1 more in the full report.');
  });

  it('says inconclusive with a warning sign, never the green tick, and lists every cause', () => {
    const md = MarkdownReporter.render(inconclusiveReport());
    const lines = md.split('\n');
    expect(lines[0]).toMatch(/^### ⚠️ INCONCLUSIVE: updateHostedConnect: every valid request was answered 401/);
    expect(md).not.toContain('✅');
    expect(lines.slice(2, 4)).toEqual(CAUSES.map((c) => `- ${c.replace(/[\\`*_{}[\]<>|#!]/g, (ch) => `\\${ch}`)}`));
    expect(md).toContain('| upgradeInterconnectAppliance | 50/50 | 0 | 0 | inconclusive: no valid request was ever accepted (every upgrade answered 422): acceptance could not be verified |');
  });

  it('says conforming with its warnings counted', () => {
    const md = MarkdownReporter.render(buildReport({ findings: WARNINGS, occurrences: [1, 1] }));
    expect(md.split('\n')[0]).toBe('### ✅ CONFORMING with 2 warnings: 118 of 120 cases ran on 2 operation(s), no failure');
    expect(md).not.toContain('#### Failures');
  });

  it('says conforming when there is nothing to report', () => {
    const md = MarkdownReporter.render(buildReport({ findings: [], occurrences: [] }));
    expect(md.split('\n')[0]).toMatch(/^### ✅ CONFORMING: /);
    expect(md).not.toContain('<details>');
  });
});

describe('junit reporter', () => {
  it('escapes through the builder and drops characters XML cannot carry', () => {
    const hostile = { ...FINDINGS[2]!, message: 'bad \u0000\u001b[31m "quote" & <tag>', response: { status: 200, bodyExcerpt: `${HOSTILE_BODY} ]]> end` } };
    const xml = JunitReporter.render(buildReport({ findings: [hostile], occurrences: [1] }));
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(xml).toContain('message="bad \ufffd\ufffd[31m &quot;quote&quot; &amp; &lt;tag>"');
    // The body sits in CDATA sections: the only `<script>` is inside one, and `]]>` cannot end it early.
    const cdata = xml.match(/<!\[CDATA\[[\s\S]*?\]\]>/g)!.join('');
    expect(cdata).toContain('<script>window.__pwned=1</script>');
    expect(xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '')).not.toMatch(/<script|<img|end<\/system-out>/);
  });
});
