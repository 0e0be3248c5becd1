import { describe, expect, test } from 'vitest';
import { listFaults } from '../../mock/listFaults.ts';
import { DEFAULT_CONFIG, type ConformanceConfig } from '../../src/config/ConformanceConfig.ts';
import { runConformance } from '../../src/engine/runConformance.ts';
import type { RunReport } from '../../src/model/RunReport.ts';

/**
 * Every violation a run reports against each fault profile, as `check/constraintId` (`-` when the check
 * names none). The first entry is the rule the profile breaks; the others are true consequences of the
 * same fault (an accepted invalid value echoed back breaks the response schema too; a 500 on a valid
 * request is also a valid request not accepted).
 */
const EXPECTED: Record<string, string[]> = {
  'hcx-accept-bad-force': ['negative-rejection/HCX.query.force.enum'],
  'hcx-accept-bad-local': ['negative-rejection/HCX.query.local.enum'],
  'hcx-accept-bad-method': ['negative-rejection/HCX.query.method.enum'],
  'hcx-reject-inservice': ['positive-acceptance/HCX.query.method.enum', 'positive-acceptance/-'],
  'hcx-accept-malformed-json': ['negative-rejection/HCX.body.json'],
  'hcx-200-instead-of-202': ['status-documented/-'],
  'hcx-ignore-auth': ['auth-required/HCX.auth'],
  'hcx-wrong-appliance-echo': ['echo/-'],
  'hcx-task-id-number': ['response-schema/HCX.response.202.data.interconnectTaskId.type'],
  'hcx-no-task-id': ['response-schema/HCX.response.202.data.interconnectTaskId.required'],
  'hcx-text-error': ['content-type/-'],
  'hcx-bad-error-envelope': ['response-schema/HCX.response.400.errors.required'],
  'hcx-500-on-force': ['not-server-error/-', 'positive-acceptance/-', 'positive-acceptance/HCX.query.force.enum'],
  'hcx-unknown-appliance-202': ['not-found/-'],
  'dc-accept-long-name': ['negative-rejection/DC.body.hosted_connect.name.maxLength', 'response-schema/DC.response.200.hosted_connect.name.maxLength'],
  'dc-reject-name-64': ['positive-acceptance/DC.body.hosted_connect.name.maxLength'],
  'dc-accept-long-description': ['negative-rejection/DC.body.hosted_connect.description.maxLength', 'response-schema/DC.response.200.hosted_connect.description.maxLength'],
  'dc-accept-long-peer-location': ['negative-rejection/DC.body.hosted_connect.peer_location.maxLength', 'response-schema/DC.response.200.hosted_connect.peer_location.maxLength'],
  'dc-accept-bandwidth-1': ['negative-rejection/DC.body.hosted_connect.bandwidth.minimum', 'response-schema/DC.response.200.hosted_connect.bandwidth.minimum'],
  'dc-accept-bandwidth-400001': ['negative-rejection/DC.body.hosted_connect.bandwidth.maximum', 'response-schema/DC.response.200.hosted_connect.bandwidth.maximum'],
  'dc-accept-fractional-bandwidth': ['negative-rejection/DC.body.hosted_connect.bandwidth.type', 'response-schema/DC.response.200.hosted_connect.bandwidth.type'],
  'dc-accept-empty-update': ['negative-rejection/DC.body.hosted_connect.atLeastOne'],
  'dc-update-counts-keys': ['negative-rejection/DC.body.hosted_connect.atLeastOne'],
  'dc-lenient-id-length': ['negative-rejection/DC.path.hosted_connect_id.minLength', 'negative-rejection/DC.path.hosted_connect_id.maxLength'],
  'dc-accept-malformed-json': ['negative-rejection/DC.body.json'],
  'dc-ignore-auth': ['auth-required/DC.auth'],
  'dc-vlan-4000': ['response-schema/DC.response.200.hosted_connect.vlan.maximum'],
  'dc-status-outside-enum': ['response-schema/DC.response.200.hosted_connect.status.enum'],
  'dc-bad-time-format': ['response-schema/DC.response.200.hosted_connect.apply_time.pattern'],
  'dc-missing-request-id': ['response-schema/DC.response.200.request_id.required'],
  'dc-wrong-id-echo': ['echo/-'],
  'dc-update-not-reflected': ['echo/-'],
  'dc-non-json-error': ['content-type/-'],
  'dc-bad-error-envelope': ['response-schema/DC.response.400.error_code.required', 'response-schema/DC.response.400.error_msg.required'],
  'dc-500-on-bandwidth-max': ['not-server-error/-', 'positive-acceptance/DC.body.hosted_connect.bandwidth.maximum'],
  'dc-201-instead-of-200': ['status-documented/-'],
  'dc-unknown-connection-200': ['not-found/-'],
};

async function runAgainstMock(fault?: string): Promise<RunReport> {
  const config: ConformanceConfig = { ...DEFAULT_CONFIG, runs: 10, seed: 3, mock: fault ? { fault } : {} };
  return runConformance(config, { reporters: [] });
}

const keys = (report: RunReport): string[] => report.findings.map((f) => `${f.check}/${f.constraintId ?? '-'}`).sort();

describe('the engine against the embedded mock', () => {
  test('the correct mock: every case runs and there is no violation', async () => {
    const report = await runAgainstMock();
    expect(report.findings.map((f) => `${f.check} ${f.constraintId ?? ''}: ${f.message}`)).toEqual([]);
    expect(report.summary.notRun).toBe(0);
    expect(report.summary.ran).toBeGreaterThan(60);
    expect(report.summary.conforming).toBe(true);
    // Every request constraint that can be exercised was: its boundary accepted, its violation rejected.
    const failing = report.coverage.filter((c) => c.boundaryAccepted === 'fail' || c.violationRejected === 'fail' || c.responseHonoured === 'fail');
    expect(failing).toEqual([]);
    expect(report.coverage.find((c) => c.constraintId === 'DC.body.hosted_connect.name.maxLength')).toMatchObject({ boundaryAccepted: 'pass', violationRejected: 'pass' });
  });

  test('every fault profile of the mock has an expectation here', () => {
    expect(listFaults().map((f) => f.name).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  test.each(Object.entries(EXPECTED))('%s is reported by its check, and nothing else', async (fault, expected) => {
    const report = await runAgainstMock(fault);
    expect(keys(report)).toEqual([...expected].sort());
    for (const finding of report.findings) {
      expect(finding.curl).toMatch(/^curl /);
      expect(finding.replay).toContain(`--seed 3`);
      expect(finding.replay).toContain(`--mock-fault ${fault}`);
    }
    expect(report.summary.conforming).toBe(false);
  });
});

describe('state the documents allow', () => {
  test('an appliance whose upgrade is running (HCX 422 on every valid request) is not a violation', async () => {
    const { BUSY_APPLIANCE_ID } = await import('../../mock/operations/upgradeInterconnectAppliance.ts');
    const config: ConformanceConfig = { ...DEFAULT_CONFIG, runs: 5, seed: 3, fixtures: { applianceId: BUSY_APPLIANCE_ID } };
    const report = await runConformance(config, { reporters: [] });
    expect(keys(report)).toEqual([]);
    // Nothing was judged accepted either: the boundary results of HCX stay unproven, not passed.
    expect(report.coverage.find((c) => c.constraintId === 'HCX.query.method.enum')?.boundaryAccepted).not.toBe('pass');
  });
});
