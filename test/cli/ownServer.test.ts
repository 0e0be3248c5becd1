import type { ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { readReport, runCli, tempDir } from '../helpers/cli.ts';
import { startMockProcess } from '../helpers/mockProcess.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TOKEN = 'users-own-T0KEN';

/** A forwarding server that records every credential header value it sees: proof of what the suite sent. */
async function startHeaderLogger(upstream: string): Promise<{ url: string; seen: Array<Record<string, string | undefined>>; server: Server }> {
  const seen: Array<Record<string, string | undefined>> = [];
  const server = createServer(async (req: IncomingMessage, res) => {
    seen.push({ 'x-auth-token': req.headers['x-auth-token'] as string | undefined, 'x-hm-authorization': req.headers['x-hm-authorization'] as string | undefined });
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !['host', 'connection', 'content-length'].includes(name))) as Record<string, string>;
    const answer = await request(`${upstream}${req.url}`, { method: req.method as 'PUT', headers, body: chunks.length > 0 ? Buffer.concat(chunks) : null });
    res.writeHead(
      answer.statusCode,
      Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !['connection', 'keep-alive', 'transfer-encoding'].includes(name))) as Record<string, string>,
    );
    res.end(Buffer.from(await answer.body.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

/** The commands of README section 2, as written there (one per `npx conformance run` line continuation). */
async function readmeOwnServerCommands(): Promise<string[][]> {
  const readme = await readFile(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## 2. Run against your own server'), readme.indexOf('## 3.'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
  return block
    .replaceAll('\\\n', ' ')
    .split('\n')
    .filter((line) => line.startsWith('npx conformance run'))
    .map((line) => [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!).slice(2));
}

/** A README command with the example host and the token variable replaced by a real server and token. */
function asUser(args: readonly string[], url: string, token: string): string[] {
  return args.map((a) => a.replace(/https:\/\/[a-z.]+\.example\.com/, url).replace(/\$[A-Z_]+/, token));
}

// The CLI runs in this process (`main`, as bin/conformance.js calls it); the mock is a separate process, as a user starts it.
describe('README section 2, literally, against the reference mock run as a separate process', () => {
  let commands: string[][];
  const started: Array<{ child: ChildProcess }> = [];
  const servers: Server[] = [];
  beforeAll(async () => {
    commands = await readmeOwnServerCommands();
  });
  afterEach(() => {
    for (const server of servers.splice(0)) server.close();
  });
  afterAll(() => {
    for (const { child } of started) child.kill();
  });

  async function mockBehindLogger(args: readonly string[] = []) {
    const mock = await startMockProcess(TOKEN, args);
    started.push(mock);
    const logger = await startHeaderLogger(mock.url);
    servers.push(logger.server);
    return logger;
  }

  test('both commands exit 0, and every request carries the user\u2019s own header value', async () => {
    expect(commands).toHaveLength(2);
    const logger = await mockBehindLogger();
    for (const [index, args] of commands.entries()) {
      const dir = await tempDir();
      const { out: stdout, err: stderr, code } = await runCli([...asUser(args, logger.url, TOKEN), '--report-dir', dir, '--runs', '5']);
      expect(stderr, `README command ${index + 1}`).toBe('');
      expect(code, stdout).toBe(0);
      const report = await readReport(join(dir, 'report.json'));
      expect(report.summary.verdict).toBe('conforming');
      // Only the operation the user named was run: no embedded mock was mixed into the verdict.
      expect(report.operations).toHaveLength(1);
      expect(JSON.stringify(report)).not.toContain(TOKEN);
    }
    const credentials = logger.seen.map((h) => h['x-auth-token'] ?? h['x-hm-authorization']).filter((v) => v !== undefined);
    expect(credentials.length).toBeGreaterThan(60);
    // Wrong-credential cases send a made-up value or a near miss of the user's (a character changed,
    // cut, added, other letter case, empty); every other credential is exactly what the user typed.
    const swapped = [...TOKEN].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join('');
    const nearMisses = [`${TOKEN.slice(0, -1)}x`, `${TOKEN.slice(0, -1)}y`, TOKEN.slice(0, -1), `${TOKEN}x`, swapped, ''];
    expect(credentials.filter((v) => v !== TOKEN).every((v) => v.startsWith('invalid-') || nearMisses.includes(v))).toBe(true);
    expect(credentials.filter((v) => v === TOKEN).length).toBeGreaterThan(credentials.length / 2);
  });

  test('the same command against the mock with one fault profile exits 1 with that finding', async () => {
    const logger = await mockBehindLogger(['--fault', 'dc-accept-long-name']);
    const dir = await tempDir();
    const { code } = await runCli([...asUser(commands[0]!, logger.url, TOKEN), '--report-dir', dir, '--runs', '5']);
    expect(code).toBe(1);
    const report = await readReport(join(dir, 'report.json'));
    // The accepted 65-character name also comes back in the 200: the response breaks the same limit
    // (also, as a reading, for 65 decomposed characters, which are fewer as graphemes).
    // Of 65 characters plain, with surrounding and with inner spaces: families of the one rule.
    expect([...new Set(report.findings.filter((f) => f.severity === 'failure').map((f) => `${f.check} ${f.constraintId}`))]).toEqual([
      'negative-rejection DC.body.hosted_connect.name.maxLength',
      'response-schema DC.response.200.hosted_connect.name.maxLength',
    ]);
  });

  test('a wrong token is INCONCLUSIVE (exit 3), naming the header that was refused', async () => {
    const logger = await mockBehindLogger();
    const dir = await tempDir();
    const { code, out: stdout, err: stderr } = await runCli([...asUser(commands[0]!, logger.url, 'not-the-token'), '--report-dir', dir, '--runs', '5']);
    expect(code).toBe(3);
    expect(stdout).not.toMatch(/^CONFORMING/m);
    expect(stderr).toMatch(/INCONCLUSIVE: .*401\/403.*x-auth-token was refused/);
    expect(`${stdout}${stderr}`).not.toContain('not-the-token');
    const report = await readReport(join(dir, 'report.json'));
    expect(report.summary).toMatchObject({ verdict: 'inconclusive', conforming: false, violations: 0 });
    // Valid requests refused for their credential are not blamed on the server.
    expect(report.findings.filter((f) => f.check === 'positive-acceptance')).toEqual([]);
  });

  test('a wrong base path is INCONCLUSIVE (exit 3), showing the path that was tried', async () => {
    const logger = await mockBehindLogger();
    const dir = await tempDir();
    const args = asUser(commands[0]!, `${logger.url}/wrong-base`, TOKEN);
    const { code, err: stderr } = await runCli([...args, '--report-dir', dir, '--runs', '5']);
    expect(code).toBe(3);
    expect(stderr).toContain('404/405');
    expect(stderr).toContain(`${logger.url}/wrong-base/v3/`);
    expect(stderr).toContain('check the base URL');
  });

  test('--token with a wrong value is INCONCLUSIVE, blaming the credential, not a missing --fixture', async () => {
    const logger = await mockBehindLogger();
    const dir = await tempDir();
    const { code, err: stderr } = await runCli(['run', '--target', logger.url, '--token', 'WRONG-token', '--report-dir', dir, '--runs', '3']);
    expect(code).toBe(3);
    expect(stderr).toMatch(/INCONCLUSIVE: .*was answered 401: the credential sent in x-hm-authorization was refused/);
  });
});
