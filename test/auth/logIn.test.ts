import { request } from 'undici';
import { afterEach, describe, expect, test } from 'vitest';
import { startMockServer } from '../../mock/startMockServer.ts';
import type { MockServer } from '../../mock/MockOptions.ts';
import type { AuthSetting } from '../../src/config/AuthSetting.ts';
import { ConfigError, LoginError } from '../../src/errors/ConformanceError.ts';
import { logIn } from '../../src/auth/logIn.ts';
import { resolveLogins } from '../../src/auth/resolveLogins.ts';
import { closeAll, httpServer, runnerOptions } from '../runner/helpers.ts';
import { closedPort } from '../helpers/cli.ts';

const PASSWORD = 'pw-C0re-of-the-secret';
const USER = { username: 'nightly', password: PASSWORD, domain: 'acme' };
const ENV = { HCX_PASSWORD: PASSWORD, HW_PASSWORD: PASSWORD, HW_USER: 'nightly' };
const KNOWN = new Set(['hcx-interconnect', 'huawei-dc', 'custom']);

const mocks: MockServer[] = [];
afterEach(async () => {
  await Promise.all(mocks.splice(0).map((m) => m.close()));
  await closeAll();
});

async function mock(): Promise<MockServer> {
  const server = await startMockServer({ logins: { users: [USER] } });
  mocks.push(server);
  return server;
}

const one = (key: string, setting: AuthSetting, env: NodeJS.ProcessEnv = ENV) => resolveLogins({ [key]: setting }, KNOWN, env)[0]!;
const hcx = (password = '${HCX_PASSWORD}'): AuthSetting => ({ hcx: { username: 'nightly', password } });
const iam = (url: string): AuthSetting => ({ iam: { url, username: '${HW_USER}', password: '${HW_PASSWORD}', domain: 'acme', project: { name: 'ap-southeast-1' } } });

describe('logins against the mock', () => {
  test('HCX: the session token from x-hm-authorization, which the upgrade then accepts', async () => {
    const server = await mock();
    const login = one('hcx-interconnect', hcx());
    const token = await logIn(login, `${server.url}${login.url}`, runnerOptions());
    expect(token).not.toBe(server.token);
    const upgrade = (value: string) =>
      request(`${server.url}/hybridity/api/interconnect/appliances/${server.fixtures.applianceId}/upgrade`, { method: 'POST', headers: { 'x-hm-authorization': value } });
    const accepted = await upgrade(token);
    await accepted.body.dump();
    expect(accepted.statusCode).toBe(202);
    const refused = await upgrade(`${token}x`);
    await refused.body.dump();
    expect(refused.statusCode).toBe(401);
    expect(login.secrets).toEqual([PASSWORD]);
  });

  test('IAM: the token API with password authentication, the token from X-Subject-Token', async () => {
    const server = await mock();
    const login = one('huawei-dc', iam(`${server.url}/v3/auth/tokens`));
    expect(JSON.parse(login.body!)).toEqual({
      auth: { identity: { methods: ['password'], password: { user: { name: 'nightly', password: PASSWORD, domain: { name: 'acme' } } } }, scope: { project: { name: 'ap-southeast-1' } } },
    });
    const token = await logIn(login, login.url, runnerOptions());
    const path = `/v3/${server.fixtures.project_id}/dcaas/hosted-connects/${server.fixtures.hosted_connect_id}`;
    const answer = await request(`${server.url}${path}`, {
      method: 'PUT',
      headers: { 'x-auth-token': token, 'content-type': 'application/json' },
      body: JSON.stringify({ hosted_connect: { name: 'edge-1' } }),
    });
    await answer.body.dump();
    expect(answer.statusCode).toBe(200);
  });

  test.each([
    [
      'HCX',
      'hcx-interconnect',
      (url: string) => one('hcx-interconnect', { hcx: { username: 'nightly', password: '${HCX_PASSWORD}', url: `${url}/hybridity/api/sessions` } }, { HCX_PASSWORD: 'wrong-password-value' }),
    ],
    ['IAM', 'huawei-dc', (url: string) => one('huawei-dc', iam(`${url}/v3/auth/tokens`), { ...ENV, HW_PASSWORD: 'wrong-password-value' })],
  ])('%s: a wrong password is a LoginError naming the login, the URL and the 401, never the password', async (_, key, make) => {
    const server = await mock();
    const login = make(server.url);
    const error = await logIn(login, login.url.startsWith('http') ? login.url : `${server.url}${login.url}`, runnerOptions()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoginError);
    const message = (error as LoginError).message;
    expect(message).toContain(`auth.${key}`);
    expect(message).toContain(`POST ${server.url}/`);
    expect(message).toContain('answered 401');
    expect(message).not.toContain('wrong-password-value');
    expect((error as LoginError).code).toBe('CONF_ERR_LOGIN');
  });

  test("the mock answers a wrong IAM password 401 with IAM's error body, and HCX's with none", async () => {
    const server = await mock();
    const iamAnswer = await request(`${server.url}/v3/auth/tokens`, {
      method: 'POST',
      body: JSON.stringify({ auth: { identity: { methods: ['password'], password: { user: { name: 'nightly', password: 'nope', domain: { name: 'acme' } } } } } }),
    });
    expect(iamAnswer.statusCode).toBe(401);
    expect(await iamAnswer.body.json()).toEqual({ error: { code: 401, title: 'Unauthorized', message: 'The username or password is wrong.' } });
    const hcxAnswer = await request(`${server.url}/hybridity/api/sessions`, { method: 'POST', body: JSON.stringify({ username: 'nightly', password: 'nope' }) });
    expect(hcxAnswer.statusCode).toBe(401);
    expect(await hcxAnswer.body.text()).toBe('');
    expect(hcxAnswer.headers['x-hm-authorization']).toBeUndefined();
  });
});

describe('the generic login', () => {
  test('sends its body with ${NAME} read from the environment, and takes the token at a JSON pointer', async () => {
    const server = await httpServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { session: 'tok-123456' } })));
    const login = one('custom', {
      login: { url: `${server.url}/auth`, body: { user: 'nightly', secret: '${HW_PASSWORD}' }, token: { pointer: '/data/session' }, header: 'Authorization', prefix: 'Bearer ' },
    });
    expect(await logIn(login, login.url, runnerOptions())).toBe('tok-123456');
    expect(JSON.parse(server.received[0]!.body)).toEqual({ user: 'nightly', secret: PASSWORD });
    expect(server.received[0]!.headers['content-type']).toBe('application/json');
    // Every value from the environment is a secret; what the file wrote in clear is not.
    expect(login.secrets).toEqual([PASSWORD]);
    expect(login.carrier).toEqual({ header: 'authorization', prefix: 'Bearer ' });
  });

  test('an answer without the token is a LoginError saying where it looked', async () => {
    const server = await httpServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
    const login = one('custom', { login: { url: `${server.url}/auth`, token: { header: 'X-Session' } } });
    await expect(logIn(login, login.url, runnerOptions())).rejects.toThrow(/answered 200, but the x-session header carries no token/);
  });

  test('a server that does not answer is a LoginError saying so', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/auth`;
    const login = one('custom', { login: { url, token: { header: 'X-Session' } } });
    await expect(logIn(login, login.url, runnerOptions())).rejects.toThrow(/no answer \(ECONNREFUSED\)/);
  });
});

describe('resolving logins', () => {
  test('an unset variable is a ConfigError naming the key and the variable', () => {
    expect(() => one('hcx-interconnect', hcx('${NIGHTLY_HCX_PASSWORD_UNSET}'), {})).toThrow(
      new ConfigError('auth.hcx-interconnect.hcx.password: environment variable NIGHTLY_HCX_PASSWORD_UNSET is not set'),
    );
  });

  test('a key that names no document or operation is refused', () => {
    expect(() => resolveLogins({ 'hcx-interconect': hcx() }, KNOWN, ENV)).toThrow(/auth.hcx-interconect: no document or operation is named/);
  });
});
