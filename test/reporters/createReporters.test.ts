import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConsoleReporter } from '../../reporters/ConsoleReporter.ts';
import { defaultReports } from '../../reporters/defaultReports.ts';
import { HtmlReporter } from '../../reporters/HtmlReporter.ts';
import { createReporters, reporterFactories } from '../../reporters/index.ts';
import { JsonReporter } from '../../reporters/JsonReporter.ts';
import { JunitReporter } from '../../reporters/JunitReporter.ts';
import { MarkdownReporter } from '../../reporters/MarkdownReporter.ts';
import { ReportFiles } from '../../reporters/ReportFiles.ts';
import { writeFileAtomically } from '../../src/files/writeFileAtomically.ts';
import { ConfigError, ReportWriteError } from '../../src/errors/ConformanceError.ts';
import { buildReport } from './fixtures.ts';

const tempDir = () => mkdtemp(join(tmpdir(), 'conformance-create-'));

function quietConsole() {
  const chunks: string[] = [];
  const stream = { isTTY: false, write: (t: string) => chunks.push(t) };
  return { options: { stdout: stream, stderr: stream, env: {} }, text: () => chunks.join('') };
}

describe('reporterFactories', () => {
  it('names every format', () => {
    expect(Object.keys(reporterFactories).sort()).toEqual(['console', 'har', 'html', 'json', 'junit', 'md']);
    expect(reporterFactories.json({ path: 'x' })).toBeInstanceOf(JsonReporter);
    expect(reporterFactories.md({ path: 'x', topFindings: 1 })).toBeInstanceOf(MarkdownReporter);
  });
});

describe('defaultReports', () => {
  it('puts every format into the report folder when none is asked for, console included', () => {
    expect(defaultReports([], 'out')).toEqual([
      { format: 'json', path: join('out', 'report.json') },
      { format: 'junit', path: join('out', 'junit.xml') },
      { format: 'md', path: join('out', 'summary.md') },
      { format: 'html', path: join('out', 'report.html') },
      { format: 'console' },
    ]);
  });

  it('keeps the formats asked for, fills missing paths and always adds the console', () => {
    expect(defaultReports([{ format: 'junit', path: 'ci/junit.xml' }, { format: 'html' }], 'out')).toEqual([
      { format: 'junit', path: 'ci/junit.xml' },
      { format: 'html', path: join('out', 'report.html') },
      { format: 'console' },
    ]);
    expect(defaultReports([{ format: 'console' }], 'out')).toEqual([{ format: 'console' }]);
  });
});

describe('createReporters', () => {
  it('rejects an unknown format by name', () => {
    expect(() => createReporters([{ format: 'pdf' }])).toThrow(ConfigError);
    expect(() => createReporters([{ format: 'pdf' }])).toThrow('unknown report format "pdf" (known: console, json, junit, md, html, har)');
  });

  it('rejects a console path, an empty path and two reports on one file', () => {
    expect(() => createReporters([{ format: 'console', path: 'x.txt' }])).toThrow(/console report .* no path/);
    expect(() => createReporters([{ format: 'json', path: ' ' }])).toThrow(/path is empty/);
    expect(() =>
      createReporters(
        [
          { format: 'json', path: 'a/r.txt' },
          { format: 'md', path: 'a/../a/r.txt' },
        ],
        { cwd: '/tmp' },
      ),
    ).toThrow(/json and md would both write/);
  });

  it('orders file reporters first and the console last', () => {
    const reporters = createReporters([], { console: quietConsole().options });
    expect(reporters.map((r) => r.constructor)).toEqual([JsonReporter, JunitReporter, MarkdownReporter, HtmlReporter, ConsoleReporter]);
  });

  it('writes the default set into conformance-report/ and the console prints their paths', async () => {
    const cwd = await tempDir();
    const out = quietConsole();
    const reporters = createReporters([], { cwd, console: out.options });
    const report = buildReport();
    // Whether the engine awaits each hook in turn or calls them all at once, the console sees every file.
    await Promise.all(reporters.map(async (r) => r.onRunEnd?.(report)));
    expect((await readdir(join(cwd, 'conformance-report'))).sort()).toEqual(['junit.xml', 'report.html', 'report.json', 'summary.md']);
    const text = out.text();
    const listed = text
      .slice(text.indexOf('\nReports\n'))
      .split('\n')
      .slice(2, 6)
      .map((l) => l.trim());
    expect(listed).toEqual(['conformance-report/report.json', 'conformance-report/junit.xml', 'conformance-report/summary.md', 'conformance-report/report.html']);
    expect(JSON.parse(await readFile(join(cwd, 'conformance-report', 'report.json'), 'utf8'))).toEqual(JSON.parse(JSON.stringify(report)));
  });

  it('writes only what is asked, where it is asked', async () => {
    const cwd = await tempDir();
    const reporters = createReporters([{ format: 'md', path: 'pr/comment.md' }], { cwd, reportDir: 'unused', console: quietConsole().options });
    for (const r of reporters) await r.onRunEnd?.(buildReport());
    expect(await readdir(cwd)).toEqual(['pr']);
    expect(await readFile(join(cwd, 'pr', 'comment.md'), 'utf8')).toMatch(/^### ❌/);
  });
});

describe('report file writing', () => {
  it('replaces a file whole and leaves no temporary file behind', async () => {
    const dir = await tempDir();
    const path = join(dir, 'r.json');
    await writeFile(path, 'old content that is longer than the new one');
    await writeFileAtomically(path, 'new');
    expect(await readFile(path, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['r.json']);
  });

  it('turns a write failure into a one-line ReportWriteError naming the path', async () => {
    const dir = await tempDir();
    const blocker = join(dir, 'file');
    await writeFile(blocker, 'x');
    const error = await writeFileAtomically(join(blocker, 'inside', 'report.json'), '{}').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportWriteError);
    expect((error as ReportWriteError).code).toBe('CONF_ERR_REPORT_WRITE');
    expect((error as Error).message).toMatch(/^cannot write report .*report\.json: E[A-Z]+$/);
    expect((error as Error).message).not.toContain('\n');
  });

  it('a failed writer does not stop the console from listing the others', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'placeholder'), '');
    const files = new ReportFiles();
    const out = quietConsole();
    const good = new JsonReporter({ path: join(dir, 'ok.json'), files });
    const bad = new JsonReporter({ path: join(dir, 'placeholder', 'x.json'), files });
    const consoleReporter = new ConsoleReporter({ ...out.options, files, cwd: dir });
    await good.onRunEnd(buildReport());
    await expect(bad.onRunEnd(buildReport())).rejects.toBeInstanceOf(ReportWriteError);
    await consoleReporter.onRunEnd(buildReport());
    expect(out.text()).toContain('Reports\n  ok.json\n');
    expect(out.text()).not.toContain('x.json');
  });
});
