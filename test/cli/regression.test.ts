import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { startMockServer } from '../../mock/startMockServer.ts';
import type { RunReport } from '../../src/model/RunReport.ts';
import { findingKey } from '../../src/model/findingKey.ts';
import { readReport, runCli, targetFlags, tempDir } from '../helpers/cli.ts';
import { shellWords } from '../helpers/shellWords.ts';

const VLAN_KEY = 'updateHostedConnect|response-schema|DC.response.200.hosted_connect.vlan.maximum|';

describe('baseline comparison', () => {
  let dir: string;
  let baselinePath: string;
  let baseline: RunReport;

  beforeAll(async () => {
    dir = await tempDir();
    baselinePath = join(dir, 'a.json');
    expect((await runCli(['run', '--runs', '3', '--mock-fault', 'dc-vlan-4000', '--report', `json=${baselinePath}`])).code).toBe(1);
    baseline = await readReport(baselinePath);
  });

  test('another defect is new and fails the run with --fail-on new; the old one is fixed', async () => {
    const path = join(dir, 'b.json');
    const { code } = await runCli(['run', '--runs', '3', '--mock-fault', 'dc-ignore-auth', '--baseline', baselinePath, '--fail-on', 'new', '--report', `json=${path}`]);
    expect(code).toBe(1);
    const report = await readReport(path);
    expect(report.baseline?.new).toEqual(report.findings.map(findingKey));
    expect(report.baseline?.new.length).toBeGreaterThan(0);
    expect(report.baseline?.new.every((k) => k.includes('|auth-required|DC.auth|'))).toBe(true);
    expect(report.baseline?.fixed.some((k) => k.startsWith(VLAN_KEY))).toBe(true);
    expect(report.baseline?.stillFailing).toEqual([]);
  });

  test('the same defect again is still failing, not new: --fail-on new exits 0, --fail-on any exits 1', async () => {
    const path = join(dir, 'c.json');
    const { code } = await runCli(['run', '--runs', '3', '--mock-fault', 'dc-vlan-4000', '--baseline', baselinePath, '--fail-on', 'new', '--report', `json=${path}`]);
    expect(code).toBe(0);
    const report = await readReport(path);
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.baseline?.new).toEqual([]);
    expect(report.baseline?.stillFailing.length).toBeGreaterThan(0);
    expect([...(report.baseline?.stillFailing ?? [])].sort()).toEqual(baseline.findings.map(findingKey).sort());
    const any = await runCli(['run', '--runs', '3', '--mock-fault', 'dc-vlan-4000', '--baseline', baselinePath, '--fail-on', 'any', '--report', `json=${join(dir, 'd.json')}`]);
    expect(any.code).toBe(1);
  });
});

describe('failure corpus', () => {
  test('one file per failing case, no credential, replayed first on the next run, dropped once fixed', async () => {
    const token = 'CORPUS-S3CRET-TOKEN';
    const server = await startMockServer({ port: 0, token, fault: 'dc-vlan-4000' });
    try {
      const dir = await tempDir();
      const corpus = join(dir, 'corpus');
      const common = ['run', '--runs', '3', ...targetFlags(server, ['--token', token]), '--header', 'X-Extra: CORPUS-HEADER-S3CRET', '--corpus', corpus];
      const first = await runCli([...common, '--report', `json=${join(dir, '1.json')}`]);
      expect(first.code).toBe(1);
      const firstReport = await readReport(join(dir, '1.json'));
      const names = (await readdir(corpus)).filter((n) => n.endsWith('.json'));
      expect(names).toHaveLength(firstReport.findings.length);
      const entries = await Promise.all(names.map(async (n) => JSON.parse(await readFile(join(corpus, n), 'utf8')) as { key: string; caseId: string; request: { url: string } }));
      expect(entries.map((e) => e.key).sort()).toEqual(firstReport.findings.map(findingKey).sort());
      for (const n of names) {
        const text = await readFile(join(corpus, n), 'utf8');
        expect(text).not.toContain(token);
        expect(text).not.toContain('CORPUS-HEADER-S3CRET');
      }

      const second = await runCli([...common, '--report', `json=${join(dir, '2.json')}`]);
      expect(second.code).toBe(1);
      const secondReport = await readReport(join(dir, '2.json'));
      expect(secondReport.summary.cases).toBe(firstReport.summary.cases + names.length);
      // The same defects, and no new corpus file for them.
      expect(secondReport.findings.map(findingKey).sort()).toEqual(firstReport.findings.map(findingKey).sort());
      expect((await readdir(corpus)).filter((n) => n.endsWith('.json'))).toHaveLength(names.length);

      // A night with another seed: a finding of a stored case replays with the seed it was found with.
      const other = await runCli([...common, '--seed', '2', '--report', `json=${join(dir, '2b.json')}`]);
      expect(other.code).toBe(1);
      const otherReport = await readReport(join(dir, '2b.json'));
      for (const f of otherReport.findings) expect(shellWords(f.replay)).toEqual(expect.arrayContaining(['--seed', String(f.seed), '--case', f.caseId]));
      const stored = otherReport.findings.find((f) => f.seed === 1);
      expect(stored).toBeDefined();
      const line = shellWords(stored!.replay)
        .slice(2)
        .map((w) => w.replace('$TOKEN', token).replace('$X_EXTRA', 'x'));
      expect((await runCli(line)).code).toBe(1);

      // Once the server is fixed, the replayed cases pass and leave the corpus.
      const fixed = await startMockServer({ port: 0, token });
      try {
        const third = await runCli(['run', '--runs', '3', ...targetFlags(fixed, ['--token', token]), '--corpus', corpus, '--report', `json=${join(dir, '3.json')}`]);
        expect(third.code).toBe(0);
        expect((await readdir(corpus)).filter((n) => n.endsWith('.json'))).toEqual([]);
      } finally {
        await fixed.close();
      }
    } finally {
      await server.close();
    }
  });
});
