/**
 * Every count of a run adds up: planned = ran + not run, for the whole run and per operation, whatever
 * stopped cases (a refused credential, a spent budget, missing fixtures, an unserved base path); and the
 * run's time starts before the credential and fixture probes.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startMockServer } from '../../mock/startMockServer.ts';
import type { MockLogEntry, MockServer } from '../../mock/MockOptions.ts';
import { readReport, runCli, tempDir } from '../helpers/cli.ts';

let server: MockServer;
const log: MockLogEntry[] = [];
let fixtures: string[];

beforeAll(async () => {
  server = await startMockServer({ token: 'T', log });
  fixtures = Object.entries(server.fixtures).flatMap(([name, value]) => ['--fixture', `${name}=${value}`]);
});

afterAll(async () => {
  await server.close();
});

async function reportOf(args: readonly string[]) {
  const dir = await tempDir();
  // Exit codes vary (a spent budget is 2): the report is written whatever stopped the run.
  await runCli(['run', ...args, '--runs', '3', '--report', `json=${dir}/report.json`]);
  return readReport(`${dir}/report.json`);
}

describe('planned = ran + not run', () => {
  test.each([
    ['the embedded mock', () => []],
    ['a refused credential', () => ['--target', server.url, '--token', 'WRONG', ...fixtures]],
    ['a spent request budget', () => ['--target', server.url, '--token', 'T', ...fixtures, '--max-requests', '30']],
    ['ids the server does not know', () => ['--target', `updateHostedConnect=${server.url}`, '--token', 'T', '--fixture', 'project_id=p', '--fixture', 'hosted_connect_id=h']],
    // Every answer 404: the not-run list also names each operation as a whole, which is no case.
    ['a base path the server does not serve', () => ['--target', `${server.url}/nowhere`, '--token', 'T', ...fixtures]],
  ])('%s', async (_, args) => {
    const report = await reportOf(args());
    const { cases, ran, notRun } = report.summary;
    expect(cases).toBeGreaterThan(0);
    expect(ran + notRun).toBe(cases);
    for (const op of report.operations) expect(op.ran + op.notRun, op.operationId).toBe(op.planned);
    expect(report.notRun.filter((n) => n.intent !== 'all')).toHaveLength(notRun);
  });
});

test("the run's time starts before its first request: the credential and fixture probes count", async () => {
  log.length = 0;
  const report = await reportOf(['--target', server.url, '--token', 'T', '--operation', 'updateHostedConnect']);
  const first = log.map((e) => Date.parse(e.time)).sort((a, b) => a - b)[0]!;
  expect(log.length).toBeGreaterThan(report.summary.ran);
  expect(Date.parse(report.startedAt)).toBeLessThanOrEqual(first);
  expect(report.durationMs).toBe(Date.parse(report.finishedAt) - Date.parse(report.startedAt));
});
