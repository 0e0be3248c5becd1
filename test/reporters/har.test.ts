import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv, type AnySchemaObject } from 'ajv';
import addFormats from 'ajv-formats';
import type { Har } from 'har-format';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startMockServer } from '../../mock/startMockServer.ts';
import type { MockServer } from '../../mock/MockOptions.ts';
import type { CaseResult } from '../../src/model/CaseResult.ts';
import { HAR_BODY_CAP, HarReporter } from '../../reporters/HarReporter.ts';
import { reporterFactories } from '../../reporters/index.ts';
import { REPORT_FORMATS } from '../../src/config/ConformanceConfig.ts';
import configSchema from '../../src/config/config.schema.json' with { type: 'json' };
import { readReport, runCli, targetFlags, tempDir } from '../helpers/cli.ts';
import { SECRET } from './fixtures.ts';

/** The HAR 1.2 schema of `har-schema` (draft-06, with its own extra keywords), compiled by ajv. */
function harValidator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  const require = createRequire(import.meta.url);
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as AnySchemaObject);
  // har-schema ships no types: a record of JSON schemas by name.
  for (const schema of Object.values(require('har-schema') as Record<string, AnySchemaObject>)) ajv.addSchema(schema);
  const validate = ajv.getSchema('har.json#');
  if (!validate) throw new Error('har-schema has no har.json');
  return (data: unknown): string => (validate(data) ? '' : ajv.errorsText(validate.errors));
}

describe('--report har: every exchange of the run as HAR 1.2', () => {
  let server: MockServer;
  beforeAll(async () => {
    // A server that ignores auth on one API, so the run has findings to link.
    server = await startMockServer({ token: SECRET, fault: 'dc-ignore-auth' });
  });
  afterAll(() => server.close());

  test('validates against the HAR schema, holds no credential, and findings name their entry', async () => {
    const dir = await tempDir();
    const harPath = join(dir, 'run.har');
    const jsonPath = join(dir, 'report.json');
    const htmlPath = join(dir, 'report.html');
    const { code } = await runCli(['run', '--runs', '3', ...targetFlags(server), '--report', `har=${harPath}`, '--report', `json=${jsonPath}`, '--report', `html=${htmlPath}`]);
    expect(code).toBe(1);
    const text = await readFile(harPath, 'utf8');
    const har = JSON.parse(text) as Har;
    expect(harValidator()(har)).toBe('');
    expect(text).not.toContain(SECRET);
    expect(text).toContain('[REDACTED]');

    const report = await readReport(jsonPath);
    // Every case sent, and every poll of the tasks their answers started, each under the id of its own case.
    const polls = report.tasks?.timelines.reduce((n, t) => n + t.polls, 0) ?? 0;
    expect(polls).toBeGreaterThan(0);
    expect(har.log.entries).toHaveLength(report.summary.ran + polls);
    const pollEntries = har.log.entries.filter((e) => e._operationId === 'getInterconnectTask');
    expect(pollEntries).toHaveLength(polls);
    expect(pollEntries.every((e) => typeof e._caseId === 'string' && e._caseId.includes('>') && e.request.url.includes('/interconnect/tasks/'))).toBe(true);
    expect(report.findings.length).toBeGreaterThan(0);
    for (const finding of report.findings) {
      const entry = har.log.entries[finding.harEntry ?? -1];
      expect(entry?._caseId).toBe(finding.caseId);
      expect(entry?.request.url).toBe(finding.request.url);
    }
    // The HTML report carries the same references (its page script shows them on each finding).
    expect(await readFile(htmlPath, 'utf8')).toContain(`"harEntry":${report.findings[0]!.harEntry}`);
  });

  test('without a HAR, findings carry no harEntry', async () => {
    const jsonPath = join(await tempDir(), 'report.json');
    await runCli(['run', '--runs', '1', ...targetFlags(server), '--report', `json=${jsonPath}`]);
    const report = await readReport(jsonPath);
    expect(report.findings.length).toBeGreaterThan(0);
    expect(report.findings.every((f) => f.harEntry === undefined)).toBe(true);
  });
});

test('the format list is one list: REPORT_FORMATS, the config schema and the reporters agree, har included', () => {
  const schemaFormats = configSchema.properties.reports.items.properties.format.enum;
  expect([...schemaFormats].sort()).toEqual([...REPORT_FORMATS].sort());
  expect(Object.keys(reporterFactories).sort()).toEqual([...REPORT_FORMATS].sort());
  expect(REPORT_FORMATS).toContain('har');
});

describe('HarReporter', () => {
  test('caps each stored body and says so; a transport failure is status 0 with its reason', () => {
    const reporter = new HarReporter({ path: 'unused.har' });
    const testCase = {
      id: 'c1',
      operationId: 'op',
      intent: { kind: 'valid', label: 'valid request' },
      request: { method: 'POST', path: '/x', pathParams: {}, query: {}, headers: {}, auth: 'configured' },
      seed: 1,
      needsFixture: false,
    } as const;
    const big = 'x'.repeat(HAR_BODY_CAP + 10);
    const ran: CaseResult = {
      status: 'ran',
      case: testCase,
      exchange: {
        case: testCase,
        sent: { method: 'POST', url: 'http://127.0.0.1:1/x?a=1', headers: { 'content-type': 'application/json' }, bodyText: big },
        response: { status: 200, headers: { 'content-type': 'text/plain' }, bodyText: big, truncated: false, durationMs: 5 },
      },
      verdicts: [],
    };
    const failed: CaseResult = {
      ...ran,
      case: { ...testCase, id: 'c2' },
      exchange: { case: { ...testCase, id: 'c2' }, sent: ran.exchange.sent, failure: { kind: 'timeout', message: 'no headers in 10 ms', durationMs: 10 } },
    };
    reporter.onCaseResult(ran);
    reporter.onCaseResult(failed);
    reporter.onCaseResult({ status: 'not-run', case: { ...testCase, id: 'c3' }, reason: 'budget' });
    const har = JSON.parse(reporter.render({ seed: 1 } as Parameters<HarReporter['render']>[0])) as Har;
    expect(harValidator()(har)).toBe('');
    const [first, second] = har.log.entries;
    expect(har.log.entries).toHaveLength(2);
    expect(first?.request.postData?.text).toHaveLength(HAR_BODY_CAP);
    // The size sent: a reader knows from it that the text is only the body's beginning.
    expect(first?.request.bodySize).toBe(Buffer.byteLength(big));
    expect(first?.response.content.text).toHaveLength(HAR_BODY_CAP);
    expect(first?.comment).toContain(`cut at ${HAR_BODY_CAP}`);
    expect(first?.request.queryString).toEqual([{ name: 'a', value: '1' }]);
    expect(second?.response.status).toBe(0);
    expect(second?.comment).toContain('timeout');
    expect(reporter.entryOf('c2')).toBe(1);
    expect(reporter.entryOf('c3')).toBeUndefined();
    // A single-target run: results carry no target, a finding (which always names one) finds its entry by case id.
    expect(reporter.entryOf('c2', 'embedded mock')).toBe(1);
    expect(second).not.toHaveProperty('_target');
  });

  test('with several targets the same case id goes to each: a finding gets the entry of its own target', () => {
    const reporter = new HarReporter({ path: 'unused.har' });
    const testCase = {
      id: 'dc-inv-bandwidth-max',
      operationId: 'updateHostedConnect',
      intent: { kind: 'invalid', constraintId: 'DC.body.hosted_connect.bandwidth.maximum', label: 'bandwidth=400001' },
      request: { method: 'PUT', path: '/x', pathParams: {}, query: {}, headers: {}, auth: 'configured' },
      seed: 7,
      needsFixture: false,
    } as const;
    const at = (target: string, url: string, status: number): CaseResult => ({
      status: 'ran',
      target,
      case: testCase,
      exchange: { case: testCase, sent: { method: 'PUT', url, headers: {} }, response: { status, headers: {}, bodyText: '', truncated: false, durationMs: 1 } },
      verdicts: [],
    });
    reporter.onCaseResult(at('eu-west', 'http://127.0.0.1:4701/x', 400));
    reporter.onCaseResult(at('ap-south', 'http://127.0.0.1:4702/x', 200));
    // A finding at the second target points at the second exchange, not the first with that case id.
    expect(reporter.entryOf(testCase.id, 'ap-south')).toBe(1);
    expect(reporter.entryOf(testCase.id, 'eu-west')).toBe(0);
    expect(reporter.entryOf(testCase.id, 'us-east')).toBeUndefined();
    const har = JSON.parse(reporter.render({ seed: 7 } as Parameters<HarReporter['render']>[0])) as Har;
    expect(harValidator()(har)).toBe('');
    const entries = har.log.entries as Array<Har['log']['entries'][number] & { _target?: string }>;
    expect(entries.map((e) => [e._target, e.request.url, e.response.status])).toEqual([
      ['eu-west', 'http://127.0.0.1:4701/x', 400],
      ['ap-south', 'http://127.0.0.1:4702/x', 200],
    ]);
  });
});
