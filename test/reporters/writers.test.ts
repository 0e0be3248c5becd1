import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import schema from '../../reporters/report.schema.json' with { type: 'json' };
import { HtmlReporter } from '../../reporters/HtmlReporter.ts';
import { JsonReporter } from '../../reporters/JsonReporter.ts';
import { JunitReporter } from '../../reporters/JunitReporter.ts';
import { MarkdownReporter } from '../../reporters/MarkdownReporter.ts';
import { ReportFiles } from '../../reporters/ReportFiles.ts';
import type { Reporter } from '../../reporters/Reporter.ts';
import { createAjv } from '../../src/validation/createAjv.ts';
import { buildReport, FINDINGS, HOSTILE_BODY } from './fixtures.ts';

const tempDir = () => mkdtemp(join(tmpdir(), 'conformance-reporters-'));

const WRITERS: ReadonlyArray<[string, (path: string, files: ReportFiles) => Reporter]> = [
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

  it('the schema rejects what is not a report', () => {
    const validate = createAjv([schema]).compile(schema);
    expect(validate({ ...buildReport(), extra: 1 })).toBe(false);
    const { intent: _intent, ...noIntent } = FINDINGS[0]!;
    expect(validate({ ...buildReport(), findings: [noIntent] })).toBe(false);
    expect(validate({ ...buildReport(), findings: [{ ...FINDINGS[0]!, intent: { kind: 'invalid', label: 'no constraint id' } }] })).toBe(false);
  });
});

describe('markdown reporter', () => {
  it('has the verdict, the operation x check table, findings with constraint ids and collapsed details', () => {
    const md = MarkdownReporter.render(buildReport());
    const lines = md.split('\n');
    expect(lines[0]).toMatch(/^### ❌ NOT CONFORMING: 4 distinct violation/);
    expect(md).toContain('| check | upgradeInterconnectAppliance | updateHostedConnect |');
    expect(md).toContain('| negative-rejection | **FAIL** (1) | pass |');
    expect(md).toContain('| not-found | pass | n/a |');
    expect(md).toContain('`HCX.query.force.enum` ×3');
    expect(md).toContain('`DC.response.200.hosted_connect.vlan.maximum`');
    expect(lines.filter((l) => /^\d+\. \*\*/.test(l))).toHaveLength(FINDINGS.length);
    expect(md.match(/<details>/g)).toHaveLength(FINDINGS.length);
    // The hostile body only appears inside a code fence, never as live HTML.
    const at = md.indexOf(HOSTILE_BODY);
    expect(at).toBeGreaterThan(0);
    expect(md.slice(0, at).match(/```/g)!.length % 2).toBe(1);
  });

  it('caps the findings shown and says how many are left', () => {
    const md = MarkdownReporter.render(buildReport(), 2);
    expect(md.match(/<details>/g)).toHaveLength(2);
    expect(md).toContain('… and 2 more in the full report.');
  });

  it('says conforming when there is nothing to report', () => {
    const md = MarkdownReporter.render(buildReport({ findings: [], occurrences: [] }));
    expect(md.split('\n')[0]).toMatch(/^### ✅ CONFORMING/);
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
