import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { startMockServer } from '../../mock/startMockServer.ts';
import type { MockServer } from '../../mock/MockOptions.ts';
import { loadSpecs } from '../../src/openapi/loadSpecs.ts';
import { spawnProxy } from './spawnProxy.ts';
import { readReport, runCli, tempDir } from '../helpers/cli.ts';

const servers: MockServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function mock(options: Parameters<typeof startMockServer>[0] = {}): Promise<MockServer> {
  const server = await startMockServer(options);
  servers.push(server);
  return server;
}

function dcUrl(base: string, server: MockServer): string {
  return `${base}/v3/${server.fixtures.project_id}/dcaas/hosted-connects/${server.fixtures.hosted_connect_id}`;
}

/** Distinct broken rules about the server: what a run and an audit of its traffic both see. */
function serverRules(findings: ReadonlyArray<{ check: string; constraintId?: string }>): string[] {
  return [...new Set(findings.filter((f) => f.check !== 'request-valid').map((f) => `${f.check} ${f.constraintId ?? ''}`))].sort();
}

describe('conformance proxy (child process)', () => {
  it('on SIGINT finishes the exchanges in flight, writes every report, exits 1 on a failure, and never shows the credential', async () => {
    const server = await mock({ fault: 'dc-vlan-4000', latencyMs: 700 });
    const dir = await tempDir();
    const proxy = await spawnProxy([
      '--upstream',
      server.url,
      '--report',
      `json=${join(dir, 'report.json')}`,
      '--report',
      `md=${join(dir, 'summary.md')}`,
      '--report',
      `har=${join(dir, 'traffic.har')}`,
    ]);
    const update = { method: 'PUT' as const, headers: { 'content-type': 'application/json', 'x-auth-token': server.token }, body: JSON.stringify({ hosted_connect: { name: 'edge-1' } }) };
    const inFlight = [0, 1, 2].map(() => request(dcUrl(proxy.url, server), update).then(async (r) => ({ status: r.statusCode, body: await r.body.text() })));
    // The upstream takes 700 ms: the signal arrives while all three wait for it.
    await new Promise((resolve) => setTimeout(resolve, 250));
    proxy.child.kill('SIGINT');
    const answers = await Promise.all(inFlight);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
    const { code, stdout, stderr } = await proxy.done;
    expect(code).toBe(1);
    expect(stdout.split('\n').filter((line) => line.startsWith('PUT '))).toHaveLength(3);
    expect(stdout).toContain('3 exchange(s) judged, 0 matched no documented operation');
    const report = await readReport(join(dir, 'report.json'));
    expect(report.findings.map((f) => [f.check, f.constraintId])).toContainEqual(['response-schema', 'DC.response.200.hosted_connect.vlan.maximum']);
    expect(report.summary.ran).toBe(3);
    for (const text of [stdout, stderr, JSON.stringify(report), await readFile(join(dir, 'summary.md'), 'utf8'), await readFile(join(dir, 'traffic.har'), 'utf8')])
      expect(text).not.toContain(server.token);
  });

  it('--quiet prints no line per exchange; with nothing judged the verdict is inconclusive (3)', async () => {
    const server = await mock();
    const dir = await tempDir();
    const proxy = await spawnProxy(['--upstream', server.url, '--quiet', '--report', `json=${join(dir, 'report.json')}`]);
    await (await request(`${proxy.url}/nowhere`)).body.text();
    proxy.child.kill('SIGTERM');
    const { code, stdout } = await proxy.done;
    expect(stdout).not.toContain('GET ');
    expect(stdout).toContain('0 exchange(s) judged, 1 matched no documented operation');
    expect(code).toBe(3);
  });
});

describe('conformance check-har', () => {
  it("finds in a run's HAR the same broken server rules as the run itself", async () => {
    const dir = await tempDir();
    const ran = await runCli(['run', '--mock-fault', 'dc-vlan-4000', '--operation', 'updateHostedConnect', '--report', `json=${join(dir, 'run.json')}`, '--report', `har=${join(dir, 'run.har')}`]);
    expect(ran.code).toBe(1);
    const audited = await runCli(['check-har', join(dir, 'run.har'), '--report', `json=${join(dir, 'audit.json')}`]);
    expect(audited.code).toBe(1);
    const [run, audit] = [await readReport(join(dir, 'run.json')), await readReport(join(dir, 'audit.json'))];
    expect(serverRules(audit.findings)).toEqual(serverRules(run.findings));
    expect(serverRules(audit.findings)).toEqual(['response-schema DC.response.200.hosted_connect.vlan.maximum']);
    // The run's planned invalid requests are, seen from outside, a client breaking the document: warnings only.
    expect(audit.findings.filter((f) => f.check === 'request-valid').every((f) => f.severity === 'warning')).toBe(true);
    expect(audit.findings.some((f) => f.check === 'request-valid' && f.constraintId === 'DC.body.hosted_connect.bandwidth.minimum')).toBe(true);
  });

  it("reads a browser's HAR: base64 bodies, HTTP/2 pseudo-headers, a blocked request, another site's traffic", async () => {
    const dir = await tempDir();
    const dc = 'https://dcaas.example.com/v3/6fbe9263116a4b68818cf1edce16bc4f/dcaas/hosted-connects/0278b472-ffa5-4eb3-8c0d-979d479f8ef6';
    // The documented answer, with the update applied and one value out of range.
    const operation = (await loadSpecs()).flatMap((spec) => spec.operations).find((o) => o.operationId === 'updateHostedConnect')!;
    const answered = structuredClone(operation.responses.find((r) => r.status === '200')!.examples[0]) as { hosted_connect: Record<string, unknown> };
    Object.assign(answered.hosted_connect, { id: '0278b472-ffa5-4eb3-8c0d-979d479f8ef6', name: 'edge', vlan: 4000 });
    const entry = (
      url: string,
      response: object,
      headers = [
        { name: ':authority', value: 'dcaas.example.com' },
        { name: 'X-Auth-Token', value: 'secret-token-123' },
      ],
    ) => ({
      startedDateTime: '2026-01-01T00:00:00.000Z',
      time: 12,
      request: {
        method: 'PUT',
        url,
        httpVersion: 'HTTP/2',
        headers,
        cookies: [],
        queryString: [],
        postData: { mimeType: 'application/json', text: '{"hosted_connect":{"name":"edge"}}' },
        headersSize: -1,
        bodySize: -1,
      },
      response,
      cache: {},
      timings: { send: 0, wait: 12, receive: 0 },
    });
    const ok = {
      status: 200,
      statusText: '',
      httpVersion: 'HTTP/2',
      headers: [{ name: 'content-type', value: 'application/json' }],
      cookies: [],
      content: { size: 10, mimeType: 'application/json', encoding: 'base64', text: Buffer.from(JSON.stringify(answered)).toString('base64') },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
    };
    const blocked = {
      status: 0,
      statusText: '',
      httpVersion: '',
      headers: [],
      cookies: [],
      content: { size: 0, mimeType: '' },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
      _error: 'net::ERR_CONNECTION_REFUSED',
    };
    const har = { log: { version: '1.2', creator: { name: 'browser', version: '1' }, entries: [entry(dc, ok), entry(dc, blocked), entry('https://cdn.example.com/app.js', ok)] } };
    await writeFile(join(dir, 'browser.har'), JSON.stringify(har));
    const result = await runCli(['check-har', join(dir, 'browser.har'), '--report', `json=${join(dir, 'audit.json')}`]);
    expect(result.code).toBe(1);
    expect(result.out).toContain('2 exchange(s) judged, 1 matched no documented operation');
    const audit = await readReport(join(dir, 'audit.json'));
    expect(serverRules(audit.findings)).toEqual(['response-schema DC.response.200.hosted_connect.vlan.maximum', 'transport ']);
    expect(audit.findings.find((f) => f.check === 'transport')?.message).toContain('ERR_CONNECTION_REFUSED');
    expect(result.out + JSON.stringify(audit)).not.toContain('secret-token-123');
  });

  it('refuses a file that is not a HAR with one line and exit 2', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'x.har'), '{"log":{}}');
    const result = await runCli(['check-har', join(dir, 'x.har')]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/not a HAR file .*CONF_ERR_USAGE/);
  });
});
