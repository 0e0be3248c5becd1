import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXIT_INCONCLUSIVE, EXIT_OK, EXIT_VIOLATIONS } from '../../src/cli/exitCodes.ts';
import type { Severity } from '../../src/model/Provenance.ts';
import type { RunReport } from '../../src/model/RunReport.ts';
import { startIndependentHcx, type IndependentServer } from '../fixtures/independentServers.ts';
import { APPLIANCE, CONNECTION, HCX, PROJECT, startVariant, TOKEN, VARIANTS } from '../fixtures/pageFaithfulVariants.ts';
import { readReport, runCli, tempDir } from '../helpers/cli.ts';

const FIXTURES = ['--fixture', `applianceId=${APPLIANCE}`, '--fixture', `project_id=${PROJECT}`, '--fixture', `hosted_connect_id=${CONNECTION}`];

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** `conformance run` against one server, for its operation only; the exit code, console output and JSON report. */
async function runAgainst(server: IndependentServer, operationId: string, extra: readonly string[] = []): Promise<{ code: number; out: string; err: string; report: RunReport }> {
  const path = join(dir, `${randomUUID()}.json`);
  const argv = ['run', '--target', `${operationId}=${server.url}`, '--operation', operationId, '--token', TOKEN, ...FIXTURES, '--runs', '10', '--seed', '11', '--report', `json=${path}`, ...extra];
  const { code, out, err } = await runCli(argv);
  return { code, out, err, report: await readReport(path) };
}

const keyOf = (f: RunReport['findings'][number]): string => `${f.check}/${f.constraintId ?? '-'} ${f.provenance}`;
const ofSeverity = (report: RunReport, severity: Severity): string[] =>
  report.findings
    .filter((f) => f.severity === severity)
    .map(keyOf)
    .sort();

describe('a server that follows the vendor page, with one page-consistent behaviour switched on', () => {
  test.each(VARIANTS.map(([variant, warnings]) => [variant.name, variant, warnings] as const))(
    '%s: exit 0, the unstated rules it breaks as warnings; --strict: exit 1',
    async (_name, variant, warnings) => {
      const { server, operationId } = await startVariant(variant);
      try {
        const plain = await runAgainst(server, operationId);
        expect(plain.err).toBe('');
        expect(ofSeverity(plain.report, 'failure')).toEqual([]);
        expect(ofSeverity(plain.report, 'warning')).toEqual([...warnings].sort());
        // Nothing that the page states may be behind a warning.
        for (const finding of plain.report.findings) expect(finding.provenance === 'reading' || finding.provenance === 'convention').toBe(true);
        expect(plain.report.summary).toMatchObject({ verdict: 'conforming', conforming: true, violations: 0, warnings: warnings.length, notRun: 0 });
        expect(plain.code).toBe(EXIT_OK);
        expect(plain.out).toContain(warnings.length === 0 ? 'CONFORMING:' : `CONFORMING with ${warnings.length} warning`);

        const strict = await runAgainst(server, operationId, ['--strict']);
        expect(ofSeverity(strict.report, 'warning')).toEqual([]);
        expect(ofSeverity(strict.report, 'failure')).toEqual([...warnings].sort());
        expect(strict.code).toBe(warnings.length === 0 ? EXIT_OK : EXIT_VIOLATIONS);
        expect(strict.report.summary.verdict).toBe(warnings.length === 0 ? 'conforming' : 'not-conforming');
      } finally {
        await server.close();
      }
    },
  );
});

describe('a server that answers the documented 422 to every valid upgrade', () => {
  test('is not CONFORMING: acceptance could not be verified, exit 3, the cause names 422', async () => {
    const server = await startIndependentHcx(TOKEN, APPLIANCE, { auth: 'authorization', conflictEveryUpgrade: true });
    try {
      const { code, out, err, report } = await runAgainst(server, HCX);
      expect(code).toBe(EXIT_INCONCLUSIVE);
      expect(err).toMatch(/INCONCLUSIVE.*422/);
      expect(report.summary).toMatchObject({ verdict: 'inconclusive', conforming: false });
      expect(report.operations.find((o) => o.operationId === HCX)).toMatchObject({ verdict: 'inconclusive', cause: expect.stringContaining('422') });
      expect(report.summary.causes.join('\n')).toContain('422');
      // The 422 of each valid request is documented for the appliance's state: not a finding by itself.
      expect(report.findings).toEqual([]);
      // The console wraps the verdict line: the cause follows it over the next lines.
      expect(out).toMatch(/^INCONCLUSIVE: [^]*?422/m);
      expect(out).not.toMatch(/^CONFORMING/m);
    } finally {
      await server.close();
    }
  });
});
