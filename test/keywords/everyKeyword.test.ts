import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CONSTRAINT_KINDS } from '../../src/model/Constraint.ts';
import { readReport, runCli, tempDir } from '../helpers/cli.ts';
import { startKeywordServer } from './fixtures/keywordServer.ts';

const DOC = fileURLToPath(new URL('./fixtures/every-keyword.openapi.yaml', import.meta.url));
// Every kind the catalogue knows, but credentials' (the third document needs no security scheme).
const KINDS = CONSTRAINT_KINDS.filter((kind) => kind !== 'auth');

async function runAgainst(url: string, seed: number) {
  const dir = await tempDir();
  const path = join(dir, 'r.json');
  const result = await runCli(['run', '--spec', DOC, '--target', url, '--seed', String(seed), '--runs', '15', '--report', `json=${path}`]);
  return { ...result, report: await readReport(path) };
}

describe('a third document that uses every keyword, passed with --spec', () => {
  test('every keyword is catalogued', async () => {
    const { out } = await runCli(['constraints', '--spec', DOC, '--json']);
    const kinds = new Set((JSON.parse(out) as Array<{ kind: string }>).map((c) => c.kind));
    for (const kind of KINDS) expect([...kinds], kind).toContain(kind);
  });

  test.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])('a server that implements it correctly: exit 0 with seed %i', async (seed) => {
    const server = await startKeywordServer();
    try {
      const { code, report } = await runAgainst(server.url, seed);
      expect(report.findings.map((f) => `${f.check} ${f.constraintId}: ${f.message}`)).toEqual([]);
      expect(code).toBe(0);
    } finally {
      await server.close();
    }
  });

  test.each(KINDS)('a server that ignores %s is caught on that keyword', async (kind) => {
    const server = await startKeywordServer(kind);
    try {
      const { code, report } = await runAgainst(server.url, 1);
      expect(code).toBe(1);
      const failures = report.findings.filter((f) => f.severity === 'failure');
      const kinds = new Set(failures.map((f) => report.catalogue.find((c) => c.id === f.constraintId)?.kind));
      expect([...kinds]).toContain(kind);
      for (const f of failures) expect(f.check).toBe('negative-rejection');
    } finally {
      await server.close();
    }
  });
});
