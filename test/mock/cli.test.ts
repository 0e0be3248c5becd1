import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/mock.js', import.meta.url));

function run(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): { done: Promise<{ code: number | null; stdout: string; stderr: string }>; kill: (signal: NodeJS.Signals) => void; line: (re: RegExp) => Promise<RegExpMatchArray> } {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let stdout = '';
  let stderr = '';
  const waiters: Array<{ re: RegExp; resolve: (m: RegExpMatchArray) => void }> = [];
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    for (const w of [...waiters]) {
      const m = stdout.match(w.re);
      if (m) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(m);
      }
    }
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
  return {
    done,
    kill: (signal) => child.kill(signal),
    line: (re) =>
      new Promise((resolve, reject) => {
        const m = stdout.match(re);
        if (m) return resolve(m);
        waiters.push({ re, resolve });
        void done.then(() => reject(new Error(`exited before printing ${re}: ${stderr}`)));
      }),
  };
}

describe('bin/mock.js', () => {
  it.each([['SIGINT'], ['SIGTERM']] as const)('serves, prints URL, token and fixtures, and closes cleanly on %s', async (signal) => {
    const child = run(['--port', '0', '--token', 'cli-token', '--latency', '0']);
    const [, url] = await child.line(/listening on (http:\/\/\S+)/);
    const [, applianceId] = await child.line(/applianceId: (\S+)/);
    const all = await child.line(/hosted_connect_id: (\S+)/);
    expect(all.input).toContain('token: cli-token');
    expect(all.input).toContain('project_id: 6fbe9263116a4b68818cf1edce16bc4f');
    const res = await request(`${url}/hybridity/api/interconnect/appliances/${applianceId}/upgrade`, { method: 'POST', headers: { 'x-hm-authorization': 'cli-token' } });
    await res.body.dump();
    expect(res.statusCode).toBe(202);
    child.kill(signal);
    const { code, stdout } = await child.done;
    expect(code).toBe(0);
    expect(stdout).toContain(`stopped (${signal})`);
    await expect(request(`${url}/`)).rejects.toThrow();
  });

  it('serves the login APIs for --user with the password from --password-env; --token keeps working; --token-uses expires the tokens', async () => {
    // Tasks end at once: each upgrade is answered for its token alone, never 422 for the last one's running task.
    const child = run(['--token', 'cli-token', '--user', 'nightly', '--password-env', 'MOCK_CLI_TEST_PASSWORD', '--domain', 'acme', '--token-uses', '1', '--task-duration', '0'], {
      MOCK_CLI_TEST_PASSWORD: 'cli-Passw0rd',
    });
    const [, url] = await child.line(/listening on (http:\/\/\S+)/);
    const [, applianceId] = await child.line(/applianceId: (\S+)/);
    const all = await child.line(/logins: .*\n/);
    expect(all.input).not.toContain('cli-Passw0rd');
    const upgrade = async (token: string): Promise<number> => {
      const res = await request(`${url}/hybridity/api/interconnect/appliances/${applianceId}/upgrade`, { method: 'POST', headers: { 'x-hm-authorization': token } });
      await res.body.dump();
      return res.statusCode;
    };
    const login = await request(`${url}/hybridity/api/sessions`, { method: 'POST', body: JSON.stringify({ username: 'nightly', password: 'cli-Passw0rd' }) });
    await login.body.dump();
    const token = String(login.headers['x-hm-authorization']);
    expect([login.statusCode, await upgrade(token), await upgrade(token), await upgrade('cli-token')]).toEqual([200, 202, 401, 202]);
    const iam = await request(`${url}/v3/auth/tokens`, {
      method: 'POST',
      body: JSON.stringify({ auth: { identity: { methods: ['password'], password: { user: { name: 'nightly', password: 'cli-Passw0rd', domain: { name: 'other' } } } } } }),
    });
    expect(iam.statusCode).toBe(401);
    expect(await iam.body.json()).toEqual({ error: { code: 401, title: 'Unauthorized', message: 'The username or password is wrong.' } });
    child.kill('SIGTERM');
    expect((await child.done).code).toBe(0);
  });

  it.each([
    [['--user', 'nightly'], '--user needs --password-env'],
    [['--user', 'nightly', '--password-env', 'MOCK_CLI_TEST_UNSET'], 'environment variable MOCK_CLI_TEST_UNSET is not set'],
    [['--token-uses', '3'], '--token-uses needs --user'],
  ])('refuses %j with one line', async (args, message) => {
    const { code, stderr } = await run(args).done;
    expect(code).toBe(2);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toContain(message);
  });

  it('applies --fault', async () => {
    const child = run(['--fault', 'hcx-200-instead-of-202', '--token', 't']);
    const [, url] = await child.line(/listening on (http:\/\/\S+)/);
    const [, applianceId] = await child.line(/applianceId: (\S+)/);
    const res = await request(`${url}/hybridity/api/interconnect/appliances/${applianceId}/upgrade`, { method: 'POST', headers: { authorization: 'Bearer t' } });
    await res.body.dump();
    expect(res.statusCode).toBe(200);
    child.kill('SIGINT');
    expect((await child.done).code).toBe(0);
  });

  it.each([[['--port', 'abc']], [['--bogus']], [['--fault', 'nope']], [['--chaos', 'explode']], [['--rate-limit', '0']]])('rejects bad flags %j with one line and exit 2', async (args) => {
    const { code, stderr, stdout } = await run(args).done;
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stdout).toBe('');
  });

  it('--list-faults lists the profiles', async () => {
    const { code, stdout } = await run(['--list-faults']).done;
    expect(code).toBe(0);
    expect(stdout).toContain('dc-unknown-connection-200');
  });
});
