import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXIT_OK, EXIT_VIOLATIONS } from '../../src/cli/exitCodes.ts';
import type { RunReport } from '../../src/model/RunReport.ts';
import { APPLIANCE, CONNECTION, PROJECT, startVariant, TOKEN, VARIANTS } from '../fixtures/pageFaithfulVariants.ts';
import { readReport, runCli, tempDir } from '../helpers/cli.ts';

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Failures of a report about requests (the rules a request breaks), as `check/constraint`. */
const requestRuleFailures = (report: RunReport): string[] =>
  [...new Set(report.findings.filter((f) => f.severity === 'failure' && f.check === 'negative-rejection').map((f) => `${f.check}/${f.constraintId ?? '-'}`))].sort();

/** A run with its HAR, then `check-har` on that HAR: both exit codes and reports. */
async function runThenCheckHar(name: string, runArgs: readonly string[]): Promise<{ run: { code: number; report: RunReport }; har: { code: number; report: RunReport } }> {
  const harFile = join(dir, `${name}.har`);
  const runJson = join(dir, `${name}.run.json`);
  const harJson = join(dir, `${name}.check-har.json`);
  const run = await runCli(['run', ...runArgs, '--runs', '5', '--report', `json=${runJson}`, '--report', `har=${harFile}`]);
  const har = await runCli(['check-har', harFile, '--report', `json=${harJson}`]);
  expect(har.err).toBe('');
  return { run: { code: run.code, report: await readReport(runJson) }, har: { code: har.code, report: await readReport(harJson) } };
}

describe('check-har on the traffic of a run fails the server for the request rules the run fails', () => {
  test.each([
    ['dc-accept-long-name', 'updateHostedConnect'],
    ['dc-lenient-id-length', 'updateHostedConnect'],
    ['dc-accept-malformed-json', 'updateHostedConnect'],
    ['hcx-accept-bad-force', 'upgradeInterconnectAppliance'],
  ])('%s', async (fault, operationId) => {
    const { run, har } = await runThenCheckHar(fault, ['--mock-fault', fault, '--operation', operationId]);
    expect(run.code).toBe(EXIT_VIOLATIONS);
    const broken = requestRuleFailures(run.report);
    expect(broken.length).toBeGreaterThan(0);
    expect(requestRuleFailures(har.report)).toEqual(broken);
    expect(har.report.summary.verdict).toBe('not-conforming');
    expect(har.code).toBe(EXIT_VIOLATIONS);
    // The client's side of the same requests stays a warning, and the coverage shows the violation accepted.
    expect(har.report.findings.filter((f) => f.check === 'request-valid').every((f) => f.severity === 'warning')).toBe(true);
    for (const id of broken.map((b) => b.split('/')[1]!)) expect(har.report.coverage.find((c) => c.constraintId === id)?.violationRejected).toBe('fail');
  });

  test("the correct mock: both conforming, every invalid request of the run only the client's warning", async () => {
    const { run, har } = await runThenCheckHar('correct', []);
    expect(run.code).toBe(EXIT_OK);
    expect(har.report.findings.filter((f) => f.severity === 'failure')).toEqual([]);
    expect(har.report.findings.some((f) => f.check === 'request-valid')).toBe(true);
    expect(har.code).toBe(EXIT_OK);
    // Traffic shows the rules enforced: the coverage of a request rule is filled from what the server answered.
    expect(har.report.coverage.find((c) => c.constraintId === 'DC.body.hosted_connect.name.maxLength')?.violationRejected).toBe('pass');
  });

  test.each(VARIANTS.map(([variant]) => [variant.name, variant] as const))('a server that follows the page (%s): no failure', async (name, variant) => {
    const { server, operationId } = await startVariant(variant);
    try {
      const fixtures = ['--fixture', `applianceId=${APPLIANCE}`, '--fixture', `project_id=${PROJECT}`, '--fixture', `hosted_connect_id=${CONNECTION}`];
      const { run, har } = await runThenCheckHar(name.replace(/\W+/g, '-'), ['--target', `${operationId}=${server.url}`, '--operation', operationId, '--token', TOKEN, ...fixtures]);
      expect(run.code).toBe(EXIT_OK);
      expect(har.report.findings.filter((f) => f.severity === 'failure').map((f) => `${f.check}/${f.constraintId ?? '-'}`)).toEqual([]);
      expect(har.code).toBe(EXIT_OK);
    } finally {
      await server.close();
    }
  });
});
