import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listFaults } from '../../mock/listFaults.ts';
import { EXIT_INCONCLUSIVE, EXIT_OK, EXIT_VIOLATIONS } from '../../src/cli/exitCodes.ts';
import { DEFAULT_CONFIG, type ConformanceConfig } from '../../src/config/ConformanceConfig.ts';
import { startMockServer } from '../../mock/startMockServer.ts';
import { runConformance } from '../../src/engine/runConformance.ts';
import { severityOf, type Severity } from '../../src/model/Provenance.ts';
import type { RunReport } from '../../src/model/RunReport.ts';
import { readReport, runCli, tempDir } from '../helpers/cli.ts';

/**
 * Every finding a run reports against each fault profile, as `check/constraintId provenance` (`-` when
 * the check names none), and the severity of the run: `failure` when the profile breaks a rule the page
 * states (or robustness: exit 1), `warning` when it breaks only a reading or a convention (exit 0, exit 1
 * with `--strict`). The first entry is the rule the profile breaks; the others are true consequences of
 * the same fault (an accepted invalid value echoed back breaks the response schema too; a 500 on a valid
 * request is also a valid request not accepted). Provenance comes from the schemas' `x-provenance`: a
 * change there shows here.
 */
const EXPECTED: Record<string, { readonly severity: Severity; readonly findings: readonly string[]; readonly inconclusive?: string }> = {
  'hcx-accept-bad-force': { severity: 'failure', findings: ['negative-rejection/HCX.query.force.enum page'] },
  'hcx-accept-bad-local': { severity: 'failure', findings: ['negative-rejection/HCX.query.local.enum page'] },
  'hcx-accept-bad-method': { severity: 'failure', findings: ['negative-rejection/HCX.query.method.enum page'] },
  'hcx-reject-inservice': { severity: 'failure', findings: ['positive-acceptance/HCX.query.method.enum page', 'positive-acceptance/- page'] },
  'hcx-accept-malformed-json': { severity: 'failure', findings: ['negative-rejection/HCX.body.json page'] },
  'hcx-200-instead-of-202': { severity: 'failure', findings: ['status-documented/- page'] },
  'hcx-ignore-auth': { severity: 'failure', findings: ['auth-required/HCX.auth page'] },
  'hcx-wrong-appliance-echo': { severity: 'warning', findings: ['echo/- reading'] },
  'hcx-task-id-number': { severity: 'failure', findings: ['response-schema/HCX.response.202.data.interconnectTaskId.type page'] },
  'hcx-no-task-id': { severity: 'warning', findings: ['response-schema/HCX.response.202.data.interconnectTaskId.required reading'] },
  'hcx-text-error': { severity: 'failure', findings: ['content-type/- page'] },
  'hcx-bad-error-envelope': { severity: 'warning', findings: ['response-schema/HCX.response.400.errors.required convention'] },
  'hcx-500-on-force': { severity: 'failure', findings: ['not-server-error/- robustness', 'positive-acceptance/- page', 'positive-acceptance/HCX.query.force.enum page'] },
  'hcx-unknown-appliance-202': { severity: 'failure', findings: ['not-found/- page'] },
  'dc-accept-long-name': {
    severity: 'failure',
    // One character over in decomposed characters too: fewer graphemes, a reading of "characters".
    findings: [
      'negative-rejection/DC.body.hosted_connect.name.maxLength page',
      'negative-rejection/DC.body.hosted_connect.name.maxLength reading',
      'response-schema/DC.response.200.hosted_connect.name.maxLength page',
      'response-schema/DC.response.200.hosted_connect.name.maxLength reading',
    ],
  },
  // It refuses every 64-character name: also those whose refusal is a reading (4-byte characters, control whitespace).
  'dc-reject-name-64': { severity: 'failure', findings: ['positive-acceptance/DC.body.hosted_connect.name.maxLength page', 'positive-acceptance/DC.body.hosted_connect.name.maxLength reading'] },
  'dc-accept-long-description': {
    severity: 'failure',
    // One character over in decomposed characters too: fewer graphemes, a reading of "characters".
    findings: [
      'negative-rejection/DC.body.hosted_connect.description.maxLength page',
      'negative-rejection/DC.body.hosted_connect.description.maxLength reading',
      'response-schema/DC.response.200.hosted_connect.description.maxLength page',
      'response-schema/DC.response.200.hosted_connect.description.maxLength reading',
    ],
  },
  'dc-accept-long-peer-location': {
    severity: 'failure',
    // One character over in decomposed characters too: fewer graphemes, a reading of "characters".
    findings: [
      'negative-rejection/DC.body.hosted_connect.peer_location.maxLength page',
      'negative-rejection/DC.body.hosted_connect.peer_location.maxLength reading',
      'response-schema/DC.response.200.hosted_connect.peer_location.maxLength page',
      'response-schema/DC.response.200.hosted_connect.peer_location.maxLength reading',
    ],
  },
  'dc-accept-bandwidth-1': {
    severity: 'failure',
    findings: ['negative-rejection/DC.body.hosted_connect.bandwidth.minimum page', 'response-schema/DC.response.200.hosted_connect.bandwidth.minimum page'],
  },
  'dc-accept-bandwidth-400001': {
    severity: 'failure',
    findings: ['negative-rejection/DC.body.hosted_connect.bandwidth.maximum page', 'response-schema/DC.response.200.hosted_connect.bandwidth.maximum page'],
  },
  'dc-accept-fractional-bandwidth': {
    severity: 'failure',
    findings: ['negative-rejection/DC.body.hosted_connect.bandwidth.type page', 'response-schema/DC.response.200.hosted_connect.bandwidth.type page'],
  },
  'dc-accept-empty-update': { severity: 'failure', findings: ['negative-rejection/DC.body.hosted_connect.atLeastOne page'] },
  'dc-update-counts-keys': { severity: 'failure', findings: ['negative-rejection/DC.body.hosted_connect.atLeastOne page'] },
  // An id resolved by its prefix also answers the real connection for its id followed by %3F; and the answer
  // to a 35- or 37-character id is about that real connection, not the one the path named (echo).
  'dc-lenient-id-length': {
    severity: 'failure',
    findings: ['negative-rejection/DC.path.hosted_connect_id.minLength page', 'negative-rejection/DC.path.hosted_connect_id.maxLength page', 'not-found/- robustness', 'echo/- page'],
  },
  'dc-accept-malformed-json': { severity: 'failure', findings: ['negative-rejection/DC.body.json page'] },
  'dc-ignore-auth': { severity: 'failure', findings: ['auth-required/DC.auth page'] },
  'dc-vlan-4000': { severity: 'failure', findings: ['response-schema/DC.response.200.hosted_connect.vlan.maximum page'] },
  'dc-status-outside-enum': { severity: 'failure', findings: ['response-schema/DC.response.200.hosted_connect.status.enum page'] },
  'dc-bad-time-format': { severity: 'failure', findings: ['response-schema/DC.response.200.hosted_connect.apply_time.pattern page'] },
  'dc-missing-request-id': { severity: 'warning', findings: ['response-schema/DC.response.200.request_id.required reading'] },
  'dc-wrong-id-echo': { severity: 'failure', findings: ['echo/- page'] },
  // Not applied: the answer does not reflect it, and the next update's answer does not show it kept.
  'dc-update-not-reflected': { severity: 'failure', findings: ['echo/- page', 'persistence/- page'] },
  // Huawei's error bodies are the vendor's convention: the page documents no error response at all.
  'dc-non-json-error': { severity: 'warning', findings: ['content-type/- convention'] },
  'dc-bad-error-envelope': {
    severity: 'warning',
    findings: ['response-schema/DC.response.400.error_code.required convention', 'response-schema/DC.response.400.error_msg.required convention'],
  },
  // Under seed 3 the mass-assignment step of the state sequence also sends bandwidth 400000: its refusal is a
  // reading (a server may refuse undocumented members), its 500 still the robustness failure; it stands at the
  // maximum's edge, so it is keyed as the maximum's boundary case.
  'dc-500-on-bandwidth-max': {
    severity: 'failure',
    findings: ['not-server-error/- robustness', 'positive-acceptance/DC.body.hosted_connect.bandwidth.maximum reading', 'positive-acceptance/DC.body.hosted_connect.bandwidth.maximum page'],
  },
  'dc-201-instead-of-200': { severity: 'failure', findings: ['status-documented/- page'] },
  // The page documents only 200: what answers an unknown connection is read, not stated.
  // A server that makes up any connection also answers the real one's id under another project.
  'dc-unknown-connection-200': { severity: 'failure', findings: ['not-found/- reading', 'tenant-isolation/- robustness'] },
  'hcx-enum-case-insensitive': { severity: 'failure', findings: ['negative-rejection/HCX.query.method.enum page'] },
  'dc-bandwidth-as-string': { severity: 'failure', findings: ['negative-rejection/DC.body.hosted_connect.bandwidth.type page'] },
  'dc-falsy-bandwidth-minimum': {
    severity: 'failure',
    findings: ['negative-rejection/DC.body.hosted_connect.bandwidth.minimum page', 'negative-rejection/DC.body.hosted_connect.bandwidth.type page'],
  },
  'dc-any-project': { severity: 'failure', findings: ['tenant-isolation/- robustness'] },
  // HCX's task API is a convention (not on the upgrade page): its broken rules warn. A task that never
  // ends keeps the appliance busy: nothing more is sent to it, so the run cannot give a verdict.
  'hcx-task-never-ends': { severity: 'warning', findings: ['task-ends/- convention'], inconclusive: 'did not end within' },
  'hcx-task-unknown-id': { severity: 'warning', findings: ['task-known/- convention'] },
  'hcx-task-backwards': { severity: 'warning', findings: ['task-states/- convention'] },
  // Accepted (a page rule broken) and then failed as a task: validated late.
  'hcx-accept-invalid-body-then-fail': { severity: 'failure', findings: ['late-validation/HCX.body.json page', 'negative-rejection/HCX.body.json page'] },
};

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** `conformance run` against the embedded mock (with a fault profile): exit code and JSON report. */
async function runAgainstMock(flags: readonly string[]): Promise<{ code: number; report: RunReport }> {
  const path = join(dir, `${randomUUID()}.json`);
  const { code } = await runCli(['run', '--runs', '10', '--seed', '3', '--report', `json=${path}`, ...flags]);
  return { code, report: await readReport(path) };
}

// One entry per broken rule: a rule broken by several value families (LEGACY and inservice) is one line here.
const keys = (report: RunReport): string[] => [...new Set(report.findings.map((f) => `${f.check}/${f.constraintId ?? '-'} ${f.provenance}`))].sort();

describe('the engine against the embedded mock', () => {
  test('the correct mock: every case runs and there is no finding of either severity', async () => {
    const { code, report } = await runAgainstMock([]);
    expect(report.findings.map((f) => `${f.check} ${f.constraintId ?? ''} ${f.severity}: ${f.message}`)).toEqual([]);
    expect(code).toBe(EXIT_OK);
    expect(report.summary).toMatchObject({ verdict: 'conforming', conforming: true, violations: 0, warnings: 0, notRun: 0 });
    expect(report.summary.ran).toBeGreaterThan(60);
    // Every request constraint that can be exercised was: its boundary accepted, its violation rejected.
    const failing = report.coverage.filter((c) => c.boundaryAccepted === 'fail' || c.violationRejected === 'fail' || c.responseHonoured === 'fail');
    expect(failing).toEqual([]);
    expect(report.coverage.find((c) => c.constraintId === 'DC.body.hosted_connect.name.maxLength')).toMatchObject({ boundaryAccepted: 'pass', violationRejected: 'pass' });
  });

  test('every fault profile of the mock has an expectation here', () => {
    expect(
      listFaults()
        .map((f) => f.name)
        .sort(),
    ).toEqual(Object.keys(EXPECTED).sort());
  });

  // A profile's hooks change only its own operation (mock/buildRoutes.ts): the others answer as the correct
  // mock does, whose silence the first test shows, so each profile's run sends only its operation's cases.
  const operationOf = new Map(listFaults().map((f) => [f.name, f.operationId]));
  test.each(Object.entries(EXPECTED).map(([fault, { severity, findings, inconclusive }]) => [fault, severity, findings, inconclusive] as const))(
    '%s: reported by its check, as a %s, and nothing else',
    async (fault, severity, findings, inconclusive) => {
      const only = ['--mock-fault', fault, '--operation', operationOf.get(fault)!];
      const { code, report } = await runAgainstMock(only);
      expect(report.operations.map((o) => o.operationId)).toEqual([operationOf.get(fault)]);
      expect(keys(report)).toEqual([...findings].sort());
      for (const finding of report.findings) {
        // Severity follows provenance: only a broken page or robustness rule fails a run.
        expect(finding.severity).toBe(severityOf(finding.provenance, false));
        expect(finding.curl).toMatch(/^curl /);
        expect(finding.replay).toContain(`--seed 3`);
        expect(finding.replay).toContain(`--mock-fault ${fault}`);
      }
      const worst = report.findings.some((f) => f.severity === 'failure') ? 'failure' : 'warning';
      expect(worst).toBe(severity);
      if (severity === 'failure') {
        expect(code).toBe(EXIT_VIOLATIONS);
        expect(report.summary.verdict).toBe('not-conforming');
        return;
      }
      if (inconclusive !== undefined) {
        expect(code).toBe(EXIT_INCONCLUSIVE);
        expect(report.summary.causes.join('\n')).toContain(inconclusive);
        return;
      }
      expect(code).toBe(EXIT_OK);
      expect(report.summary).toMatchObject({ verdict: 'conforming', violations: 0, warnings: findings.length });
      const strict = await runAgainstMock([...only, '--strict']);
      expect(strict.code).toBe(EXIT_VIOLATIONS);
      expect(keys(strict.report)).toEqual([...findings].sort());
      expect(strict.report.findings.map((f) => f.severity)).toEqual(findings.map(() => 'failure'));
      expect(strict.report.summary).toMatchObject({ verdict: 'not-conforming', violations: findings.length, warnings: 0 });
    },
  );
});

describe('state the documents allow', () => {
  test('an appliance whose upgrade is running (HCX 422 on every valid request): no violation, and no verdict either', async () => {
    const { BUSY_APPLIANCE_ID } = await import('../../mock/operations/upgradeInterconnectAppliance.ts');
    const config: ConformanceConfig = { ...DEFAULT_CONFIG, runs: 5, seed: 3, fixtures: { applianceId: BUSY_APPLIANCE_ID } };
    const report = await runConformance(config, { reporters: [], embeddedTarget: startMockServer });
    expect(keys(report)).toEqual([]);
    // Nothing was judged accepted either: the boundary results of HCX stay unproven, not passed.
    expect(report.coverage.find((c) => c.constraintId === 'HCX.query.method.enum')?.boundaryAccepted).not.toBe('pass');
    // Acceptance could not be verified: the run must not say CONFORMING.
    expect(report.operations.find((o) => o.operationId === 'upgradeInterconnectAppliance')).toMatchObject({ verdict: 'inconclusive', cause: expect.stringContaining('422') });
    expect(report.operations.find((o) => o.operationId === 'updateHostedConnect')?.verdict).toBe('conforming');
    expect(report.summary).toMatchObject({ verdict: 'inconclusive', conforming: false });
  });
});
