import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { MockLogEntry, MockServer } from '../../mock/MockOptions.ts';
import { startMockServer } from '../../mock/startMockServer.ts';
import { DEFAULT_CONFIG, type ConformanceConfig } from '../../src/config/ConformanceConfig.ts';
import { checkRegistry } from '../../src/checks/registry.ts';
import { runConformance } from '../../src/engine/runConformance.ts';
import { ConfigError, UsageError } from '../../src/errors/ConformanceError.ts';

const PROJECT = '6fbe9263116a4b68818cf1edce16bc4f';
const CONNECTION = '0278b472-ffa5-4eb3-8c0d-979d479f8ef6';

let log: MockLogEntry[];
let server: MockServer;
beforeAll(async () => {
  log = [];
  server = await startMockServer({ token: 'targeting-token', log });
});
afterAll(async () => server.close());

const base = (over: Partial<ConformanceConfig>): ConformanceConfig => ({ ...DEFAULT_CONFIG, runs: 3, ...over });

describe('which operations run, and where', () => {
  test('naming a target for one operation runs only that operation: no embedded mock is mixed in', async () => {
    const report = await runConformance(
      base({ targets: { updateHostedConnect: server.url }, headers: { 'X-Auth-Token': server.token }, fixtures: { project_id: PROJECT, hosted_connect_id: CONNECTION } }),
      { reporters: [], embeddedTarget: startMockServer },
    );
    expect(report.operations.map((o) => [o.operationId, o.target])).toEqual([['updateHostedConnect', server.url]]);
    expect(report.invocation).toMatchObject({ embeddedMock: false, credentialHeaders: ['X-Auth-Token'], token: false });
    expect(report.summary.verdict).toBe('conforming');
  });

  test('--operation selects operations of the embedded mock run', async () => {
    const report = await runConformance(base({ operationIds: ['upgradeInterconnectAppliance'] }), { reporters: [], embeddedTarget: startMockServer });
    expect(report.operations.map((o) => o.operationId)).toEqual(['upgradeInterconnectAppliance']);
    expect(report.summary.verdict).toBe('conforming');
  });

  test('the embedded mock accepts the credential the user gives as a header', async () => {
    const report = await runConformance(base({ headers: { 'X-Auth-Token': 'my-own-value' } }), { reporters: [], embeddedTarget: startMockServer });
    expect(report.summary).toMatchObject({ verdict: 'conforming', violations: 0 });
    expect(report.operations.every((o) => o.ran > 10)).toBe(true);
  });

  test('a one-letter token is scrubbed from recorded text, yet bodies are judged as received (`true` stays true)', async () => {
    const report = await runConformance(base({ token: 't' }), { reporters: [], embeddedTarget: startMockServer });
    expect(report.summary).toMatchObject({ verdict: 'conforming', violations: 0, warnings: 0 });
  });

  test('an unknown --operation, --fixture name or --case id is refused before anything is sent', async () => {
    const before = log.length;
    await expect(runConformance(base({ target: server.url, operationIds: ['nope'] }), { reporters: [], embeddedTarget: startMockServer })).rejects.toThrow(ConfigError);
    await expect(runConformance(base({ target: server.url, fixtures: { projectId: PROJECT } }), { reporters: [], embeddedTarget: startMockServer })).rejects.toThrow(
      /--fixture projectId: no operation has a path parameter/,
    );
    await expect(runConformance(base({ target: server.url, token: server.token, caseIds: ['nope:nope'] }), { reporters: [], embeddedTarget: startMockServer })).rejects.toThrow(UsageError);
    expect(log.length).toBe(before);
  });
});

describe('inconclusive runs', () => {
  test('most cases not run (no fixture the server knows) is inconclusive, not conforming', async () => {
    const report = await runConformance(base({ target: server.url, token: server.token, operationIds: ['updateHostedConnect'], fixtures: { project_id: 'ffffffffffffffffffffffffffffffff' } }), {
      reporters: [],
      embeddedTarget: startMockServer,
    });
    expect(report.summary.verdict).toBe('inconclusive');
    expect(report.summary.conforming).toBe(false);
    expect(report.summary.causes.join('\n')).toMatch(/cases could not run: needs an existing resource: give --fixture hosted_connect_id=ID/);
  });

  test('--strict turns warnings into failures; a config override promotes or demotes one rule', async () => {
    const warning = await runConformance(base({ mock: { fault: 'dc-missing-request-id' }, operationIds: ['updateHostedConnect'] }), { reporters: [], embeddedTarget: startMockServer });
    expect(warning.findings.map((f) => `${f.severity} ${f.provenance} ${f.constraintId}`)).toEqual(['warning reading DC.response.200.request_id.required']);
    expect(warning.summary).toMatchObject({ verdict: 'conforming', violations: 0, warnings: 1 });

    const strict = await runConformance(base({ mock: { fault: 'dc-missing-request-id' }, operationIds: ['updateHostedConnect'], strict: true }), { reporters: [], embeddedTarget: startMockServer });
    expect(strict.summary).toMatchObject({ verdict: 'not-conforming', violations: 1, warnings: 0 });

    const promoted = await runConformance(
      base({
        mock: { fault: 'dc-missing-request-id' },
        operationIds: ['updateHostedConnect'],
        operations: { updateHostedConnect: { acceptedStatuses: [], skipChecks: [], severity: { 'DC.response.200.request_id.required': 'failure' } } },
      }),
      { reporters: [], embeddedTarget: startMockServer },
    );
    expect(promoted.findings.map((f) => f.severity)).toEqual(['failure']);
    const demoted = await runConformance(
      base({
        mock: { fault: 'dc-accept-long-name' },
        operationIds: ['updateHostedConnect'],
        operations: { updateHostedConnect: { acceptedStatuses: [], skipChecks: [], severity: { 'negative-rejection': 'warning' } } },
      }),
      { reporters: [], embeddedTarget: startMockServer },
    );
    expect(demoted.findings.find((f) => f.check === 'negative-rejection')?.severity).toBe('warning');
  });
});

describe('what a report may claim', () => {
  test('a password in the target URL is never recorded', async () => {
    const withPassword = server.url.replace('http://', 'http://user:pw-S3CRET-9@');
    const report = await runConformance(base({ target: withPassword, token: server.token, fixtures: { applianceId: server.fixtures.applianceId } }), { reporters: [] });
    expect(JSON.stringify(report)).not.toContain('pw-S3CRET-9');
    expect(report.operations[0]!.target).toContain('user:[REDACTED]@');
  });

  test('a run in which every check is skipped tested nothing: inconclusive, not conforming', async () => {
    const all = [...checkRegistry.keys()];
    const operations = Object.fromEntries(['upgradeInterconnectAppliance', 'updateHostedConnect'].map((id) => [id, { acceptedStatuses: [], skipChecks: all }]));
    const report = await runConformance(base({ mock: { fault: 'dc-vlan-4000' }, operations }), { reporters: [], embeddedTarget: startMockServer });
    expect(report.summary.verdict).toBe('inconclusive');
    // No case is planned for any check left: nothing is sent, and the cause says why.
    expect(report.summary.ran).toBe(0);
    expect(report.summary.causes.join('\n')).toContain('only skipped checks judge it');
  });

  test('a refused credential: no coverage cell or check claims a pass or a failure it never tested', async () => {
    const report = await runConformance(
      base({
        target: server.url,
        headers: { 'X-Auth-Token': 'wrong-value', 'x-hm-authorization': 'wrong-value' },
        fixtures: { applianceId: server.fixtures.applianceId, project_id: PROJECT, hosted_connect_id: CONNECTION },
      }),
      { reporters: [] },
    );
    expect(report.summary.verdict).toBe('inconclusive');
    expect(report.coverage.filter((c) => c.boundaryAccepted === 'fail' || c.boundaryAccepted === 'pass' || c.violationRejected === 'pass' || c.violationRejected === 'fail')).toEqual([]);
    expect(report.checks.filter((c) => c.outcome !== 'n/a')).toEqual([]);
  });

  test('a fixture probe that gets no answer is named as the cause, with the timeout to check', async () => {
    const slow = await startMockServer({ token: 'slow-token', latencyMs: 400 });
    try {
      const report = await runConformance(
        base({ target: slow.url, token: slow.token, operationIds: ['updateHostedConnect'], timeouts: { connectMs: 1000, headersMs: 100, bodyMs: 100 }, retries: 0 }),
        { reporters: [] },
      );
      expect(report.summary.verdict).toBe('inconclusive');
      expect(report.summary.causes.join('\n')).toMatch(/fixture probe .* got no answer .*check --timeout/);
    } finally {
      await slow.close();
    }
  });
});

describe('ids that name nothing', () => {
  test('a --fixture id the server does not know: inconclusive, naming the fixtures, with no false failure', async () => {
    const report = await runConformance(
      base({ target: server.url, token: server.token, operationIds: ['updateHostedConnect'], fixtures: { project_id: PROJECT, hosted_connect_id: '11111111-2222-4333-8444-555555555555' } }),
      { reporters: [] },
    );
    expect(report.summary.verdict).toBe('inconclusive');
    expect(report.summary.causes.join('\n')).toMatch(/answered 400\/404|answered 400|answered 404/);
    expect(report.summary.causes.join('\n')).toContain('check the ids given with --fixture (project_id, hosted_connect_id)');
    expect(report.findings.filter((f) => f.severity === 'failure')).toEqual([]);
  });

  test('--strict fails every broken rule, whatever the config file demotes', async () => {
    const operations = { upgradeInterconnectAppliance: { acceptedStatuses: [], skipChecks: [], severity: { echo: 'warning' as const } } };
    const report = await runConformance(base({ mock: { fault: 'hcx-wrong-appliance-echo' }, operations, strict: true }), { reporters: [], embeddedTarget: startMockServer });
    expect(report.findings.map((f) => `${f.check} ${f.severity}`)).toEqual(['echo failure']);
  });
});
