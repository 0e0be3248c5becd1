import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { RunReport } from '../../src/model/RunReport.ts';
import { startIndependentDc, type DcVariant } from '../fixtures/independentServers.ts';
import { CONNECTION, DC, PROJECT, TOKEN } from '../fixtures/pageFaithfulVariants.ts';
import { readReport, runCli, tempDir } from '../helpers/cli.ts';

async function runAgainst(variant: DcVariant): Promise<{ code: number; report: RunReport }> {
  const server = await startIndependentDc(TOKEN, PROJECT, CONNECTION, variant);
  try {
    const path = join(await tempDir(), 'r.json');
    const argv = [
      'run',
      '--target',
      `${DC}=${server.url}`,
      '--operation',
      DC,
      '--token',
      TOKEN,
      '--fixture',
      `project_id=${PROJECT}`,
      '--fixture',
      `hosted_connect_id=${CONNECTION}`,
      '--runs',
      '0',
      '--report',
      `json=${path}`,
    ];
    const { code } = await runCli(argv);
    return { code, report: await readReport(path) };
  } finally {
    await server.close();
  }
}

/** Each finding as check, the case's value variant without its numbers, and severity. */
const found = (report: RunReport): string[] => [...new Set(report.findings.map((f) => `${f.check} ${f.caseId.replace(/^.*:([^:@]+)@\d+$/, '$1').replace(/\d+/g, 'N')} ${f.severity}`))].sort();

describe('text at and over its maximum, as servers count it', () => {
  test('a server counting UTF-8 bytes refuses 3-byte characters within the limit: a failure of the page', async () => {
    const { code, report } = await runAgainst({ notFound: 404, count: 'bytes' });
    expect(found(report)).toContain('positive-acceptance length-N-wide failure');
    expect(code).toBe(1);
  });

  test('a server that trims before counting accepts a padded over-long value: a failure of the page', async () => {
    const { code, report } = await runAgainst({ notFound: 404, count: 'trimmed' });
    // It also stores the padded value, which its answers then show over the limit.
    expect(found(report)).toContain('negative-rejection length-N-padded failure');
    expect(code).toBe(1);
  });

  test('UTF-16 units or graphemes are readings of "characters": warnings only', async () => {
    const utf16 = await runAgainst({ notFound: 404, count: 'utf16' });
    expect(found(utf16.report)).toEqual(['positive-acceptance length-N-astral warning']);
    expect(utf16.code).toBe(0);
    const graphemes = await runAgainst({ notFound: 404, count: 'graphemes' });
    expect(found(graphemes.report)).toContain('negative-rejection length-N-decomposed warning');
    // It stores the 65 decomposed code points and shows them back: over the limit only as code points count.
    expect(found(graphemes.report).filter((f) => f.endsWith('failure'))).toEqual([]);
    expect(graphemes.code).toBe(0);
  });
});
