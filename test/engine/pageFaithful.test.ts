import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXIT_INCONCLUSIVE, EXIT_OK, EXIT_VIOLATIONS } from '../../src/cli/exitCodes.ts';
import type { Severity } from '../../src/model/Provenance.ts';
import type { RunReport } from '../../src/model/RunReport.ts';
import { startIndependentDc, startIndependentHcx, type DcVariant, type HcxVariant, type IndependentServer } from '../fixtures/independentServers.ts';
import { readReport, runCli, tempDir } from '../helpers/cli.ts';

const TOKEN = 'independent-token';
const APPLIANCE = 'appliance-7';
const PROJECT = '0123456789abcdef0123456789abcdef';
const CONNECTION = '11111111-2222-4333-8444-555555555555';
const HCX = 'upgradeInterconnectAppliance';
const DC = 'updateHostedConnect';

type Variant = { readonly name: string; readonly hcx: HcxVariant } | { readonly name: string; readonly dc: DcVariant };

/**
 * Page-consistent behaviours, each switched on alone in a server written from the vendor page, and the
 * rules each one breaks that the page does not state (`check/constraint provenance`): a run lists them
 * as warnings and exits 0; `--strict` turns them into failures. An empty list: nothing to report at all.
 */
const VARIANTS: ReadonlyArray<readonly [Variant, readonly string[]]> = [
  [{ name: 'HCX: the bearer scheme only', hcx: { auth: 'bearer' } }, []],
  [{ name: 'HCX: 422 for an invalid query value', hcx: { auth: 'authorization', invalidAs422: true } }, []],
  [{ name: 'HCX: 202 without data', hcx: { auth: 'authorization', accepted: 'no-data' } }, ['response-schema/HCX.response.202.data.required reading']],
  [{ name: 'HCX: 202 with data null', hcx: { auth: 'authorization', accepted: 'null-data' } }, []],
  [{ name: 'HCX: 202 data without interconnectTaskId', hcx: { auth: 'authorization', accepted: 'no-task-id' } }, ['response-schema/HCX.response.202.data.interconnectTaskId.required reading']],
  [{ name: 'HCX: 400 without errors', hcx: { auth: 'authorization', errors: 'absent' } }, ['response-schema/HCX.response.400.errors.required convention']],
  [{ name: 'HCX: 400 with errors null', hcx: { auth: 'authorization', errors: 'null' } }, []],
  [{ name: 'HCX: 403 for a wrong credential', hcx: { auth: 'authorization', wrongTokenStatus: 403 } }, []],
  [{ name: 'HCX: chunked bodies', hcx: { auth: 'authorization', chunked: true } }, []],
  [{ name: 'HCX: application/json;charset=UTF-8', hcx: { auth: 'authorization', contentType: 'application/json;charset=UTF-8' } }, []],
  [{ name: 'HCX: undocumented members', hcx: { auth: 'authorization', extraMembers: true } }, []],
  [{ name: 'DC: 200 without request_id', dc: { notFound: 404, omitRequestId: true } }, ['response-schema/DC.response.200.request_id.required reading']],
  [
    { name: 'DC: 200 without port_type, type and empty strings', dc: { notFound: 404, sparse: true } },
    [
      // An update that empties description or peer_location is not shown back: the echo of it is a reading too.
      'echo/- reading',
      'response-schema/DC.response.200.hosted_connect.description.required reading',
      'response-schema/DC.response.200.hosted_connect.peer_location.required reading',
      'response-schema/DC.response.200.hosted_connect.port_type.required reading',
      'response-schema/DC.response.200.hosted_connect.type.required reading',
    ],
  ],
  [{ name: 'DC: a bandwidth change answered PENDING_UPDATE with the old bandwidth', dc: { notFound: 404, pendingBandwidth: true } }, []],
  [{ name: 'DC: 403 for a wrong token', dc: { notFound: 404, wrongTokenStatus: 403 } }, []],
  [
    { name: 'DC: error bodies { message } without error_code', dc: { notFound: 404, messageErrors: true } },
    [
      'response-schema/DC.response.400.error_code.required convention',
      'response-schema/DC.response.400.error_msg.required convention',
      'response-schema/DC.response.401.error_code.required convention',
      'response-schema/DC.response.401.error_msg.required convention',
      'response-schema/DC.response.404.error_code.required convention',
      'response-schema/DC.response.404.error_msg.required convention',
    ],
  ],
  [{ name: 'DC: 400 (DC.0002) for an unknown connection', dc: { notFound: 400 } }, []],
  // The suite sends no over-long token (it is just a wrong one): the proxy's page is never judged.
  [{ name: 'DC: a front proxy answering an over-long X-Auth-Token with an HTML 400', dc: { notFound: 404, proxyHeaderLimit: true } }, []],
  [{ name: 'DC: chunked bodies', dc: { notFound: 404, chunked: true } }, []],
  [{ name: 'DC: application/json;charset=UTF-8', dc: { notFound: 404, contentType: 'application/json;charset=UTF-8' } }, []],
];

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
const ofSeverity = (report: RunReport, severity: Severity): string[] => report.findings.filter((f) => f.severity === severity).map(keyOf).sort();

async function startVariant(variant: Variant): Promise<{ server: IndependentServer; operationId: string }> {
  return 'hcx' in variant
    ? { server: await startIndependentHcx(TOKEN, APPLIANCE, variant.hcx), operationId: HCX }
    : { server: await startIndependentDc(TOKEN, PROJECT, CONNECTION, variant.dc), operationId: DC };
}

describe('a server that follows the vendor page, with one page-consistent behaviour switched on', () => {
  test.each(VARIANTS.map(([variant, warnings]) => [variant.name, variant, warnings] as const))('%s: exit 0, the unstated rules it breaks as warnings; --strict: exit 1', async (_name, variant, warnings) => {
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
  });
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
