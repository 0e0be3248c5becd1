import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { startMockServer } from '../../mock/startMockServer.ts';
import type { MockLogEntry, MockServer } from '../../mock/MockOptions.ts';
import { closedPort, tempDir } from '../helpers/cli.ts';
import { auditedProxy, type AuditedProxy } from './auditedProxy.ts';
import { recordingTap } from './recordingTap.ts';

const run = promisify(execFile);
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding']);

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  // Proxies first: their connections to a tap or mock must end before those close.
  for (const close of cleanup.splice(0).reverse()) await close();
});

async function mock(options: Parameters<typeof startMockServer>[0] = {}): Promise<MockServer> {
  const server = await startMockServer(options);
  cleanup.push(() => server.close());
  return server;
}

async function through(upstream: string, maxBodyBytes?: number): Promise<AuditedProxy> {
  const audited = await auditedProxy(upstream, maxBodyBytes);
  cleanup.push(() => audited.proxy.close());
  return audited;
}

function dcPath(server: MockServer): string {
  return `/v3/${server.fixtures.project_id}/dcaas/hosted-connects/${server.fixtures.hosted_connect_id}`;
}

/** A valid hosted-connection update, as a correct client sends it. */
function dcUpdate(server: MockServer, body: unknown = { hosted_connect: { name: 'edge-1' } }) {
  return { method: 'PUT' as const, headers: { 'content-type': 'application/json', 'x-auth-token': server.token }, body: JSON.stringify(body) };
}

function failing(audited: AuditedProxy): Array<{ check: string; constraintId?: string }> {
  return audited.results.flatMap((r) =>
    r.status === 'ran' ? r.verdicts.filter((v) => v.outcome === 'fail').map((v) => ({ check: v.check, ...(v.constraintId ? { constraintId: v.constraintId } : {}) })) : [],
  );
}

describe('proxy: forwarding', () => {
  it('hands an undici client exactly the status, headers and body bytes the upstream sent', async () => {
    const server = await mock();
    const tap = await recordingTap(server.url);
    cleanup.push(() => tap.close());
    const audited = await through(tap.url);
    const answer = await request(`${audited.proxy.url}${dcPath(server)}`, dcUpdate(server));
    const body = Buffer.from(await answer.body.arrayBuffer());
    await audited.exchanges(1);
    const [sent] = tap.answers();
    expect(answer.statusCode).toBe(sent!.status);
    expect(body.equals(sent!.body)).toBe(true);
    const upstreamHeaders = sent!.headerLines
      .map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()] as const)
      .filter(([name]) => !HOP_BY_HOP.has(name));
    for (const [name, value] of upstreamHeaders) expect(answer.headers[name], name).toBe(value);
    // Nothing added but what HTTP needs on the client's own connection.
    expect(
      Object.keys(answer.headers)
        .filter((name) => !HOP_BY_HOP.has(name))
        .sort(),
    ).toEqual(upstreamHeaders.map(([name]) => name).sort());
  });

  it('hands curl the same bytes as the upstream sent; the request, headers and body, reaches the upstream as sent', async () => {
    const log: MockLogEntry[] = [];
    const server = await mock({ log });
    const tap = await recordingTap(server.url);
    cleanup.push(() => tap.close());
    const audited = await through(tap.url);
    const dir = await tempDir();
    const out = join(dir, 'body');
    const update = dcUpdate(server, { hosted_connect: { name: 'edge-2', description: 'x'.repeat(100) } });
    await writeFile(join(dir, 'request.json'), update.body);
    const { stdout } = await run('curl', [
      '-sS',
      '-X',
      'PUT',
      '-H',
      'content-type: application/json',
      '-H',
      `x-auth-token: ${server.token}`,
      '-H',
      'x-trace: abc-123',
      '-H',
      'Expect: 100-continue',
      '--data-binary',
      `@${join(dir, 'request.json')}`,
      '-o',
      out,
      '-w',
      '%{http_code}',
      `${audited.proxy.url}${dcPath(server)}`,
    ]);
    await audited.exchanges(1);
    const [sent] = tap.answers();
    expect(Number(stdout)).toBe(sent!.status);
    expect((await readFile(out)).equals(sent!.body)).toBe(true);
    // The proxy judged what the client sent: the update reached the upstream and came back applied.
    expect(JSON.parse(sent!.body.toString()).hosted_connect.description).toBe('x'.repeat(100));
    expect(Number(stdout)).toBe(200);
    expect(log[0]!.headers['x-trace']).toBe('abc-123');
    expect(failing(audited)).toEqual([]);
  });

  it('forwards a body bigger than the cap whole (the same bytes as without the proxy) and judges it too large', async () => {
    const server = await mock({ chaos: 'huge', hugeBytes: 3 * 1024 * 1024 });
    const audited = await through(server.url, 1024 * 1024);
    const direct = Buffer.from(await (await request(`${server.url}${dcPath(server)}`, dcUpdate(server))).body.arrayBuffer());
    const proxied = Buffer.from(await (await request(`${audited.proxy.url}${dcPath(server)}`, dcUpdate(server))).body.arrayBuffer());
    expect(proxied.length).toBe(3 * 1024 * 1024);
    expect(proxied.equals(direct)).toBe(true);
    await audited.exchanges(1);
    expect(audited.traffic[0]!.failure?.kind).toBe('too-large');
    expect(failing(audited)).toContainEqual({ check: 'transport' });
  });

  it('answers 502 when the upstream is down, and reports a transport finding', async () => {
    const audited = await through(`http://127.0.0.1:${await closedPort()}`);
    const answer = await request(`${audited.proxy.url}/v3/p/dcaas/hosted-connects/${'0'.repeat(36)}`, { method: 'PUT', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(answer.statusCode).toBe(502);
    expect(await answer.body.text()).toContain('gave no answer');
    await audited.exchanges(1);
    expect(audited.traffic[0]!.failure?.kind).toBe('connection-refused');
    expect(failing(audited)).toContainEqual({ check: 'transport' });
    const report = await audited.auditor.finish({ interrupted: false });
    expect(report.findings.map((f) => [f.check, f.severity])).toContainEqual(['transport', 'failure']);
  });

  it('survives a client that leaves mid-body: nothing judged, the next exchange served', async () => {
    const server = await mock({ chaos: 'huge', hugeBytes: 16 * 1024 * 1024 });
    const audited = await through(server.url);
    const answer = await request(`${audited.proxy.url}${dcPath(server)}`, dcUpdate(server));
    for await (const _chunk of answer.body) break;
    answer.body.destroy();
    await audited.exchanges(1);
    expect(audited.abandoned()).toBe(1);
    expect(audited.results).toHaveLength(0);
    const again = await request(`${audited.proxy.url}${dcPath(server)}`, dcUpdate(server));
    expect((await again.body.arrayBuffer()).byteLength).toBe(16 * 1024 * 1024);
    await audited.exchanges(2);
    expect(audited.results).toHaveLength(1);
  });
});

describe('proxy: judging', () => {
  it('a fault profile shows as its finding, with the check and constraint id of the run', async () => {
    const server = await mock({ fault: 'dc-vlan-4000' });
    const audited = await through(server.url);
    await (await request(`${audited.proxy.url}${dcPath(server)}`, dcUpdate(server))).body.text();
    await audited.exchanges(1);
    expect(failing(audited)).toEqual([{ check: 'response-schema', constraintId: 'DC.response.200.hosted_connect.vlan.maximum' }]);
    const report = await audited.auditor.finish({ interrupted: false });
    expect(report.findings.map((f) => [f.check, f.constraintId, f.severity, f.intent.kind])).toEqual([['response-schema', 'DC.response.200.hosted_connect.vlan.maximum', 'failure', 'observed']]);
    expect(report.summary.verdict).toBe('not-conforming');
    expect(report.coverage.find((c) => c.constraintId === 'DC.response.200.hosted_connect.vlan.maximum')?.responseHonoured).toBe('fail');
  });

  it('judges the echo of an observed 2xx whose request validates', async () => {
    const server = await mock({ fault: 'dc-wrong-id-echo' });
    const audited = await through(server.url);
    await (await request(`${audited.proxy.url}${dcPath(server)}`, dcUpdate(server))).body.text();
    await audited.exchanges(1);
    expect(failing(audited)).toEqual([{ check: 'echo' }]);
  });

  it("a request that breaks the document is the client's warning, named by its constraint; the server is not blamed", async () => {
    const server = await mock();
    const audited = await through(server.url);
    const answer = await request(`${audited.proxy.url}${dcPath(server)}`, dcUpdate(server, { hosted_connect: { bandwidth: 1 } }));
    expect(answer.statusCode).toBe(400);
    await answer.body.text();
    await audited.exchanges(1);
    expect(failing(audited)).toEqual([{ check: 'request-valid', constraintId: 'DC.body.hosted_connect.bandwidth.minimum' }]);
    const report = await audited.auditor.finish({ interrupted: false });
    expect(report.findings.map((f) => [f.check, f.provenance, f.severity])).toEqual([['request-valid', 'page', 'warning']]);
    expect(report.summary.violations).toBe(0);
    // The credential the client sent appears nowhere in what is reported.
    expect(JSON.stringify(report)).not.toContain(server.token);
    expect(report.findings[0]!.request.headers['x-auth-token']).toBe('[REDACTED]');
  });

  it('a server that accepts a request breaking the document fails that rule, named; the client gets its warning', async () => {
    const server = await mock({ fault: 'dc-accept-long-name' });
    const audited = await through(server.url);
    const answer = await request(`${audited.proxy.url}${dcPath(server)}`, dcUpdate(server, { hosted_connect: { name: 'n'.repeat(65) } }));
    expect(answer.statusCode).toBe(200);
    await answer.body.text();
    await audited.exchanges(1);
    // (The name, echoed back, also breaks the response's own limit.)
    expect(failing(audited).filter((f) => f.check !== 'response-schema')).toEqual([
      { check: 'negative-rejection', constraintId: 'DC.body.hosted_connect.name.maxLength' },
      { check: 'request-valid', constraintId: 'DC.body.hosted_connect.name.maxLength' },
    ]);
    const report = await audited.auditor.finish({ interrupted: false });
    const about = (check: string) => report.findings.filter((f) => f.check === check).map((f) => [f.constraintId, f.severity]);
    expect(about('negative-rejection')).toEqual([['DC.body.hosted_connect.name.maxLength', 'failure']]);
    expect(about('request-valid')).toEqual([['DC.body.hosted_connect.name.maxLength', 'warning']]);
    expect(report.summary.verdict).toBe('not-conforming');
  });

  it('judges nothing from a request body past the cap: the part kept is not the body sent', async () => {
    const server = await mock({ fault: 'dc-accept-long-name' });
    const audited = await through(server.url, 64);
    const answer = await request(`${audited.proxy.url}${dcPath(server)}`, dcUpdate(server, { hosted_connect: { name: 'n'.repeat(65) } }));
    expect(answer.statusCode).toBe(200);
    await answer.body.text();
    await audited.exchanges(1);
    expect(audited.traffic[0]!.requestBodyCut).toBe(true);
    expect(failing(audited).filter((f) => f.check === 'negative-rejection' || f.check === 'request-valid')).toEqual([]);
  });

  it('counts a path no document has, judges nothing about it, and scrubs a credential seen once from later URLs', async () => {
    const server = await mock();
    const audited = await through(server.url);
    const answer = await request(`${audited.proxy.url}/status?token=${server.token}`, { headers: { authorization: `Bearer ${server.token}` } });
    await answer.body.text();
    await audited.exchanges(1);
    // A credential seen once in a header is scrubbed later too, where a client puts it in a query.
    await (await request(`${audited.proxy.url}${dcPath(server)}?token=${server.token}`, { method: 'PUT', body: '{}' })).body.text();
    await audited.exchanges(2);
    expect(audited.auditor.unmatched).toBe(1);
    expect(audited.results).toHaveLength(1);
    expect(audited.lines.join('\n')).not.toContain(server.token);
    const report = await audited.auditor.finish({ interrupted: false });
    expect(JSON.stringify(report)).not.toContain(server.token);
    expect(report.findings[0]!.request.url).toContain('token=[REDACTED]');
  });
});
