import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createReporters } from '../../reporters/index.ts';
import { saveCorpus } from '../../src/regression/saveCorpus.ts';
import { buildReport, FINDINGS, SECRET } from './fixtures.ts';

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('credentials in written files', () => {
  it('appear in no report, corpus file or console output when the run data is redacted', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'conformance-secrets-'));
    // The credential is in the environment of the run, as it would be; only redacted data reaches the reporters.
    const previous = process.env.CONFORMANCE_TOKEN;
    process.env.CONFORMANCE_TOKEN = SECRET;
    const chunks: string[] = [];
    const stream = { isTTY: true, write: (t: string) => chunks.push(t) };
    try {
      const report = buildReport();
      const reporters = createReporters([], { cwd, console: { stdout: stream, stderr: stream, env: process.env, progress: true } });
      for (const r of reporters) r.onRunStart?.({ command: 'run', seed: 7, planned: { a: 1 } });
      for (const r of reporters) await r.onRunEnd?.(report);
      await saveCorpus(join(cwd, 'corpus'), report);
    } finally {
      if (previous === undefined) delete process.env.CONFORMANCE_TOKEN;
      else process.env.CONFORMANCE_TOKEN = previous;
    }
    const files = await listFiles(cwd);
    expect(files.length).toBe(4 + FINDINGS.length);
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      expect(text, file).not.toContain(SECRET);
    }
    const all = (await Promise.all(files.map((f) => readFile(f, 'utf8')))).join('\n') + chunks.join('');
    // The redacted header is shown as such, so a reader sees a credential was sent.
    expect(all).toContain('X-Auth-Token: [REDACTED]');
    expect(chunks.join('')).not.toContain(SECRET);
  });
});
