import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { MockLogEntry, MockServer } from '../../mock/MockOptions.ts';
import { startMockServer } from '../../mock/startMockServer.ts';
import { documentKeys } from '../../src/openapi/documentKeys.ts';
import { loadSpecs } from '../../src/openapi/loadSpecs.ts';
import { readReport, runCli, tempDir } from '../helpers/cli.ts';

/** Issue 21: one `--header` per vendor, no config file; each server gets its own credential and never the other's. */
const HCX_SESSION = 'hcx-session-token-1';
const IAM_TOKEN = 'huawei-iam-token-2';

const servers: MockServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

/** A reference mock accepting `token`, recording the headers of every request it gets (credential values redacted). */
async function recording(token: string): Promise<{ server: MockServer; log: MockLogEntry[] }> {
  const log: MockLogEntry[] = [];
  const server = await startMockServer({ token, log });
  servers.push(server);
  return { server, log };
}

const headerNames = (log: readonly MockLogEntry[]): Set<string> => new Set(log.flatMap((entry) => Object.keys(entry.headers)));

/** `conformance run` against both recording servers, with their fixtures, the given credential flags and a JSON report in `dir`. */
function runBoth(hcx: MockServer, dc: MockServer, runs: number, credentials: readonly string[], dir: string): ReturnType<typeof runCli> {
  return runCli([
    'run',
    '--runs',
    String(runs),
    '--target',
    `hcx-interconnect=${hcx.url}`,
    '--target',
    `huawei-dc=${dc.url}`,
    ...credentials,
    ...[`applianceId=${hcx.fixtures.applianceId}`, `project_id=${dc.fixtures.project_id}`, `hosted_connect_id=${dc.fixtures.hosted_connect_id}`].flatMap((f) => ['--fixture', f]),
    '--report',
    `json=${join(dir, 'r.json')}`,
  ]);
}

describe('credential routing: a --header goes only to the operations that take a credential in it', () => {
  test('--target per document and one --header per vendor: HCX gets only x-hm-authorization, Huawei only X-Auth-Token', async () => {
    const hcx = await recording(HCX_SESSION);
    const dc = await recording(IAM_TOKEN);
    const dir = await tempDir();
    const { code, err } = await runBoth(hcx.server, dc.server, 2, ['--header', `x-hm-authorization: ${HCX_SESSION}`, '--header', `X-Auth-Token: ${IAM_TOKEN}`], dir);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect((await readReport(join(dir, 'r.json'))).summary.verdict).toBe('conforming');
    expect(hcx.log.length).toBeGreaterThan(5);
    expect(dc.log.length).toBeGreaterThan(5);
    // Only the HCX document's operations reach HCX: the upgrades and the polls of the tasks they start,
    // each with the HCX credential.
    const hcxOperations = new Set((await loadSpecs()).filter((s) => documentKeys(s.file).includes('hcx-interconnect')).flatMap((s) => s.operations.map((o) => o.operationId)));
    expect([...hcxOperations].sort()).toEqual(['getInterconnectTask', 'upgradeInterconnectAppliance']);
    expect(hcx.log.filter((entry) => entry.operationId === undefined || !hcxOperations.has(entry.operationId))).toEqual([]);
    const polls = hcx.log.filter((entry) => entry.operationId === 'getInterconnectTask');
    expect(polls.length).toBeGreaterThan(0);
    expect(polls.every((entry) => entry.headers['x-hm-authorization'] !== undefined)).toBe(true);
    expect(headerNames(hcx.log)).not.toContain('x-auth-token');
    expect(headerNames(dc.log)).not.toContain('x-hm-authorization');
    // The cases without a credential carry none, to either server.
    expect(hcx.log.some((entry) => entry.headers['x-hm-authorization'] === undefined)).toBe(true);
    expect(dc.log.some((entry) => entry.headers['x-auth-token'] === undefined)).toBe(true);
  });

  test('a header no operation takes a credential in goes to every operation, and the run says so once', async () => {
    const hcx = await recording(HCX_SESSION);
    const dc = await recording(IAM_TOKEN);
    const dir = await tempDir();
    const { code, err } = await runBoth(
      hcx.server,
      dc.server,
      1,
      ['--header', `x-hm-authorization: ${HCX_SESSION}`, '--header', `X-Auth-Token: ${IAM_TOKEN}`, '--header', 'X-Request-Tag: run-42'],
      dir,
    );
    expect(code).toBe(0);
    expect(err).toBe('conformance: --header X-Request-Tag is not a credential header of any operation: sent to every operation\n');
    // Redacted like every --header, but there on every request to both servers.
    expect(hcx.log.every((entry) => entry.headers['x-request-tag'] !== undefined)).toBe(true);
    expect(dc.log.every((entry) => entry.headers['x-request-tag'] !== undefined)).toBe(true);
  });

  test("--token alone still goes to each operation's first scheme the server accepts", async () => {
    const hcx = await recording('one-token-for-both');
    const dc = await recording('one-token-for-both');
    const dir = await tempDir();
    const { code } = await runBoth(hcx.server, dc.server, 1, ['--token', 'one-token-for-both'], dir);
    expect(code).toBe(0);
    expect(headerNames(hcx.log)).not.toContain('x-auth-token');
    expect(headerNames(dc.log)).not.toContain('x-hm-authorization');
  });

  test('only the Huawei header given: HCX gets no credential, and the cause names the header HCX takes', async () => {
    const hcx = await recording(HCX_SESSION);
    const dc = await recording(IAM_TOKEN);
    const dir = await tempDir();
    const { code } = await runBoth(hcx.server, dc.server, 1, ['--header', `X-Auth-Token: ${IAM_TOKEN}`], dir);
    expect(code).toBe(3);
    expect(headerNames(hcx.log)).not.toContain('x-auth-token');
    const report = await readReport(join(dir, 'r.json'));
    expect(report.summary.causes).toEqual([
      expect.stringMatching(
        /^upgradeInterconnectAppliance: 1 of 1 requests were answered 401\/403: no credential was sent: this operation takes one in x-hm-authorization, authorization; give --header 'x-hm-authorization: value' or --token$/,
      ),
    ]);
  });

  test("verify-pacts routes the same way: each interaction gets its own operation's header", async () => {
    const both = await recording('same-token-for-both');
    const dir = await tempDir();
    const { code } = await runCli([
      'verify-pacts',
      '--target',
      both.server.url,
      '--header',
      'x-hm-authorization: same-token-for-both',
      '--header',
      'X-Auth-Token: same-token-for-both',
      ...Object.entries(both.server.fixtures).flatMap(([name, value]) => ['--fixture', `${name}=${value}`]),
      '--report',
      `json=${join(dir, 'r.json')}`,
    ]);
    expect(code).toBe(0);
    const hcx = both.log.filter((entry) => entry.operationId === 'upgradeInterconnectAppliance');
    const dc = both.log.filter((entry) => entry.operationId === 'updateHostedConnect');
    expect(hcx.length).toBeGreaterThan(0);
    expect(dc.length).toBeGreaterThan(0);
    expect(headerNames(hcx)).not.toContain('x-auth-token');
    expect(headerNames(dc)).not.toContain('x-hm-authorization');
    expect((await readReport(join(dir, 'r.json'))).summary.verdict).toBe('conforming');
  });
});
