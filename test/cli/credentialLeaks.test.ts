import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { request } from 'undici';
import { afterEach, describe, expect, test } from 'vitest';
import { createReporters } from '../../reporters/index.ts';
import { loadSpecs } from '../../src/openapi/loadSpecs.ts';
import { exchangeLine } from '../../src/proxy/exchangeLine.ts';
import { startProxy } from '../../src/proxy/startProxy.ts';
import { TrafficAuditor } from '../../src/proxy/TrafficAuditor.ts';
import { startHostileServer, type HostileServer } from '../fixtures/hostileServer.ts';
import { filesUnder, readReport, runCli, tempDir } from '../helpers/cli.ts';

/**
 * Issue 21: a server that echoes the credential in headers, a cookie, a redirect and error messages
 * leaves no trace of it in anything the suite writes. The token has characters every text form changes
 * (quote, slash, plus, space, equals) around a core no form changes: finding the core anywhere is a leak.
 */
const CORE = 'h0stileCoreS3cret';
const TOKEN = `${CORE}/"q" x+y=z`;
const FORMATS = ['json', 'junit', 'md', 'html', 'har'] as const;

const servers: HostileServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
});

async function hostile(): Promise<HostileServer> {
  const server = await startHostileServer(TOKEN);
  servers.push(server);
  return server;
}

function reportFlags(dir: string): string[] {
  return FORMATS.flatMap((format) => ['--report', `${format}=${join(dir, `report.${format}`)}`]);
}

function fixtureFlags(server: HostileServer): string[] {
  return Object.entries(server.fixtures).flatMap(([name, value]) => ['--fixture', `${name}=${value}`]);
}

/** Every file under `dir` and every given text, as [where, text]. */
async function everything(dir: string, texts: Record<string, string>): Promise<Array<[string, string]>> {
  const files = await filesUnder(dir);
  expect(files.length).toBeGreaterThan(0);
  return [...(await Promise.all(files.map(async (f): Promise<[string, string]> => [f, await readFile(f, 'utf8')]))), ...Object.entries(texts)];
}

function expectNoCredential(outputs: ReadonlyArray<[string, string]>): void {
  for (const [where, text] of outputs) {
    const at = text.indexOf(CORE);
    expect(at < 0, `the credential is in ${where}: …${text.slice(Math.max(0, at - 200), at + 60)}…`).toBe(true);
  }
}

/** The response headers (`name: value`) and bodies of a HAR file's entries. */
async function harHeaders(file: string): Promise<{ headers: string[]; bodies: string[] }> {
  const har = JSON.parse(await readFile(file, 'utf8')) as { log: { entries: Array<{ response: { headers: Array<{ name: string; value: string }>; content: { text?: string } } }> } };
  return {
    headers: har.log.entries.flatMap((e) => e.response.headers.map((h) => `${h.name.toLowerCase()}: ${h.value}`)),
    bodies: har.log.entries.map((e) => e.response.content.text ?? ''),
  };
}

const dcPath = (server: HostileServer): string => `/v3/${server.fixtures.project_id}/dcaas/hosted-connects/${server.fixtures.hosted_connect_id}`;

/** Requests a client of both APIs sends: accepted, refused as invalid (an error message), and an unknown appliance (the redirect). */
function clientRequests(server: HostileServer) {
  const dc = { 'content-type': 'application/json', 'x-auth-token': TOKEN, cookie: `hostile_session=${encodeURIComponent(TOKEN)}` };
  return [
    { method: 'PUT' as const, path: dcPath(server), headers: dc, body: JSON.stringify({ hosted_connect: { name: 'edge-1' } }) },
    { method: 'PUT' as const, path: dcPath(server), headers: dc, body: JSON.stringify({ hosted_connect: { bandwidth: 1 } }) },
    { method: 'POST' as const, path: `/hybridity/api/interconnect/appliances/${server.fixtures.applianceId}/upgrade?force=maybe`, headers: { 'x-hm-authorization': TOKEN }, body: undefined },
    { method: 'POST' as const, path: '/hybridity/api/interconnect/appliances/00000000-0000-4000-8000-000000000000/upgrade', headers: { 'x-hm-authorization': TOKEN }, body: undefined },
  ];
}

describe('a server that echoes the credential leaves it in no output', () => {
  test('the hostile server does echo it (headers, cookie, redirect, error message)', async () => {
    const server = await hostile();
    const [, invalid, , unknown] = clientRequests(server);
    const refused = await request(`${server.url}${invalid!.path}`, { method: invalid!.method, headers: invalid!.headers, body: invalid!.body });
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['x-debug-token']).toBe(TOKEN);
    expect(String(refused.headers['set-cookie'])).toContain(encodeURIComponent(TOKEN));
    expect(await refused.body.text()).toContain(JSON.stringify(TOKEN).slice(1, -1));
    const redirected = await request(`${server.url}${unknown!.path}`, { method: unknown!.method, headers: unknown!.headers });
    await redirected.body.dump();
    expect(redirected.statusCode).toBe(302);
    expect(String(redirected.headers.location)).toContain(`token=${encodeURIComponent(TOKEN)}`);
  });

  test.each([
    ['--token', ['--token', TOKEN]],
    ['one --header per vendor', ['--header', `x-hm-authorization: ${TOKEN}`, '--header', `X-Auth-Token: ${TOKEN}`]],
  ])('run with %s: every report format, the HAR, the corpus, stdout, stderr and the mock log behind it', async (_label, credential) => {
    const server = await hostile();
    const dir = await tempDir();
    const { out, err } = await runCli(['run', '--target', server.url, ...credential, ...fixtureFlags(server), '--runs', '3', ...reportFlags(dir), '--corpus', join(dir, 'corpus')]);
    expect(server.echoed()).toBeGreaterThan(10);
    // The echoes were recorded, redacted: the HAR shows each header, the redirect and the quoted message.
    const har = await harHeaders(join(dir, 'report.har'));
    expect(har.headers).toContain('x-debug-token: [REDACTED]');
    expect(har.headers).toContain('set-cookie: [REDACTED]');
    expect(har.headers.some((h) => h.startsWith('location: /login?token=[REDACTED]&next='))).toBe(true);
    expect(har.bodies.some((b) => b.includes('(request token: [REDACTED])'))).toBe(true);
    expect(await filesUnder(join(dir, 'corpus'))).not.toEqual([]);
    // Scrubbing garbles nothing judged: the only findings are the login redirects, where the page says 404.
    const report = await readReport(join(dir, 'report.json'));
    expect([...new Set(report.findings.map((f) => f.check))]).toEqual(['transport']);
    expectNoCredential(await everything(dir, { stdout: out, stderr: err, 'the mock log': JSON.stringify(server.log) }));
  });

  test('run with auth: logins to both vendors: no token they issued and no password in any output, also echoed back', async () => {
    const variable = 'CONFORMANCE_LEAK_TEST_PASSWORD';
    // The password has the characters every text form changes around a core of its own.
    const passwordCore = 'PassC0reNeverShown';
    process.env[variable] = `${passwordCore}/"p" a+b=c`;
    try {
      const server = await startHostileServer(TOKEN, { logins: { users: [{ username: 'nightly', password: process.env[variable], domain: 'acme' }], tokenUses: 15 } });
      servers.push(server);
      const dir = await tempDir();
      const config = join(dir, 'nightly.yaml');
      await writeFile(
        config,
        [
          `targets: { hcx-interconnect: "${server.url}", huawei-dc: "${server.url}" }`,
          'auth:',
          `  hcx-interconnect: { hcx: { username: nightly, password: "\${${variable}}" } }`,
          `  huawei-dc: { iam: { url: "${server.url}/v3/auth/tokens", username: nightly, password: "\${${variable}}", domain: acme, project: { name: ap-southeast-1 } } }`,
          '',
        ].join('\n'),
      );
      const { out, err } = await runCli(['run', '--config', config, ...fixtureFlags(server), '--runs', '3', ...reportFlags(dir), '--corpus', join(dir, 'corpus')]);
      // Tokens expired and were renewed: several were issued, and the server echoed them all.
      expect(err).toBe('');
      const issued = server.received().filter((c) => c !== TOKEN && !c.startsWith('invalid-'));
      expect(issued.length).toBeGreaterThan(2);
      const har = await harHeaders(join(dir, 'report.har'));
      expect(har.headers).toContain('x-debug-token: [REDACTED]');
      expect(har.headers).toContain('x-debug-user: nightly:[REDACTED]');
      expect(har.bodies.some((b) => b.includes('(request token: [REDACTED], user password: [REDACTED])'))).toBe(true);
      const outputs = await everything(dir, { stdout: out, stderr: err, 'the mock log': JSON.stringify(server.log) });
      for (const secret of [passwordCore, ...issued.map((t) => t.slice(4, -4))]) {
        for (const [where, text] of outputs) expect(text.includes(secret), `a secret is in ${where}`).toBe(false);
      }
    } finally {
      delete process.env[variable];
    }
  });

  test('proxy: its reports (HAR included) and its log lines', async () => {
    const server = await hostile();
    const dir = await tempDir();
    const reporters = createReporters(
      FORMATS.map((format) => ({ format, path: join(dir, `report.${format}`) })),
      { console: { stdout: { write: () => undefined, isTTY: false }, stderr: { write: () => undefined, isTTY: false }, progress: false } },
    );
    const auditor = new TrafficAuditor(await loadSpecs(), { listeners: reporters, target: server.url, toolVersion: 'test', command: 'proxy' });
    const lines: string[] = [];
    const proxy = await startProxy({
      upstream: server.url,
      host: '127.0.0.1',
      port: 0,
      maxBodyBytes: 1024 * 1024,
      onExchange: (traffic) => {
        const { result, url } = auditor.observe(traffic);
        lines.push(exchangeLine(traffic, url, result));
      },
    });
    for (const r of clientRequests(server)) {
      const answer = await request(`${proxy.url}${r.path}`, { method: r.method, headers: r.headers, ...(r.body !== undefined ? { body: r.body } : {}) });
      await answer.body.dump();
    }
    await proxy.close();
    await auditor.finish({ interrupted: false });
    expect(lines).toHaveLength(4);
    const har = await harHeaders(join(dir, 'report.har'));
    expect(har.headers).toContain('x-debug-token: [REDACTED]');
    expect(har.headers.some((h) => h.startsWith('location: /login?token=[REDACTED]&next='))).toBe(true);
    expectNoCredential(await everything(dir, { 'log lines': lines.join('\n') }));
  });

  test('check-har: a HAR recorded in clear, as a browser records it', async () => {
    const server = await hostile();
    const dir = await tempDir();
    const entries = [];
    for (const r of clientRequests(server)) {
      const answer = await request(`${server.url}${r.path}`, { method: r.method, headers: r.headers, ...(r.body !== undefined ? { body: r.body } : {}) });
      const text = await answer.body.text();
      const url = `${server.url}${r.path}`;
      entries.push({
        startedDateTime: new Date().toISOString(),
        time: 1,
        request: {
          method: r.method,
          url,
          httpVersion: 'HTTP/1.1',
          headers: Object.entries(r.headers).map(([name, value]) => ({ name, value })),
          queryString: [...new URL(url).searchParams].map(([name, value]) => ({ name, value })),
          cookies: [{ name: 'hostile_session', value: TOKEN }],
          ...(r.body ? { postData: { mimeType: 'application/json', text: r.body } } : {}),
          headersSize: -1,
          bodySize: -1,
        },
        response: {
          status: answer.statusCode,
          statusText: '',
          httpVersion: 'HTTP/1.1',
          headers: Object.entries(answer.headers).map(([name, value]) => ({ name, value: String(value) })),
          cookies: [{ name: 'hostile_session', value: TOKEN }],
          content: { size: text.length, mimeType: String(answer.headers['content-type'] ?? ''), text },
          redirectURL: String(answer.headers.location ?? ''),
          headersSize: -1,
          bodySize: -1,
        },
        cache: {},
        timings: { send: 0, wait: 1, receive: 0 },
      });
    }
    const recorded = join(await tempDir(), 'browser.har');
    await writeFile(recorded, JSON.stringify({ log: { version: '1.2', creator: { name: 'browser', version: '1' }, entries } }));
    expect(await readFile(recorded, 'utf8')).toContain(CORE);
    const { out, err } = await runCli(['check-har', recorded, ...reportFlags(dir)]);
    expect(out).toContain('4 exchange(s) judged');
    expectNoCredential(await everything(dir, { stdout: out, stderr: err }));
  });

  test('verify-pacts: its reports, stdout and stderr', async () => {
    const server = await hostile();
    const dir = await tempDir();
    const { out, err } = await runCli([
      'verify-pacts',
      '--target',
      server.url,
      '--token',
      TOKEN,
      ...fixtureFlags(server),
      ...FORMATS.filter((f) => f !== 'har').flatMap((format) => ['--report', `${format}=${join(dir, `report.${format}`)}`]),
    ]);
    expect(server.echoed()).toBeGreaterThan(0);
    expectNoCredential(await everything(dir, { stdout: out, stderr: err }));
  });
});
