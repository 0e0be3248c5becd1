import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { UnsafeTargetError } from '../../src/errors/ConformanceError.ts';
import { assertSafeTarget } from '../../src/runner/assertSafeTarget.ts';
import { isLoopback } from '../../src/runner/isLoopback.ts';
import { parseRetryAfter } from '../../src/runner/parseRetryAfter.ts';
import { planToSent } from '../../src/runner/planToSent.ts';
import { redactHeaders, redactText } from '../../src/runner/redact.ts';
import { toCurl } from '../../src/runner/toCurl.ts';
import { runnerOptions, testCase } from './helpers.ts';

describe('isLoopback', () => {
  it.each([
    ['http://127.0.0.1:8080', true],
    ['http://127.1.2.3/', true],
    ['http://localhost:3000/api', true],
    ['http://LOCALHOST', true],
    ['http://api.localhost', true],
    ['http://[::1]:8080', true],
    ['http://[::ffff:127.0.0.1]/', true],
    ['https://example.com', false],
    ['http://128.0.0.1', false],
    ['http://10.0.0.1', false],
    ['http://localhost.example.com', false],
    ['http://127.0.0.1.example.com', false],
    ['http://[::2]', false],
    ['not a url', false],
  ])('%s -> %s', (url, expected) => {
    expect(isLoopback(url)).toBe(expected);
  });
});

describe('assertSafeTarget', () => {
  it('refuses a mutating run against a remote target without --allow-mutations, in one line without credentials', () => {
    let error: unknown;
    try {
      assertSafeTarget('https://admin:s3cret@hcx.example.com/api', { mutating: true, allowMutations: false });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnsafeTargetError);
    const e = error as UnsafeTargetError;
    expect(e.code).toBe('CONF_ERR_UNSAFE_TARGET');
    expect(e.message).toContain('--allow-mutations');
    expect(e.message).toContain('https://hcx.example.com');
    expect(e.message).not.toContain('s3cret');
    expect(e.message).not.toContain('\n');
  });
  it('allows loopback, non-mutating, and explicitly allowed targets', () => {
    expect(() => assertSafeTarget('http://127.0.0.1:1234', { mutating: true, allowMutations: false })).not.toThrow();
    expect(() => assertSafeTarget('https://hcx.example.com', { mutating: false, allowMutations: false })).not.toThrow();
    expect(() => assertSafeTarget('https://hcx.example.com', { mutating: true, allowMutations: true })).not.toThrow();
  });
});

describe('redact', () => {
  it('hides named headers whatever their case and scrubs secrets from text', () => {
    expect(redactHeaders({ 'X-Auth-Token': 'abc', accept: 'json' }, ['x-auth-token'])).toEqual({ 'X-Auth-Token': '[REDACTED]', accept: 'json' });
    expect(redactText('failed with token tok-1234 and tok-12345', ['tok-1234', 'tok-12345'])).toBe('failed with token [REDACTED] and [REDACTED]');
    expect(redactText('nothing', [''])).toBe('nothing');
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates', () => {
    const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:03 GMT', now)).toBe(3000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:27:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

describe('toCurl', () => {
  it('single-quotes every argument so a shell gives back exactly the values', () => {
    const sent = {
      method: 'PATCH',
      url: "http://127.0.0.1:1/it's?q=a b&x=$HOME",
      headers: { 'x-auth-token': '[REDACTED]', 'x-note': "O'Brien `whoami` $(id)" },
      bodyText: '{"name":"it\'s \\"quoted\\"\\n"}',
    };
    const command = toCurl(sent);
    expect(command).toContain("-H 'x-auth-token: [REDACTED]'");
    // A shell function named curl prints its arguments NUL-separated: the round trip through real quoting.
    const out = execFileSync('bash', ['-c', `curl() { printf '%s\\0' "$@"; }; ${command}`], { encoding: 'utf8' });
    expect(out.split('\0').slice(0, -1)).toEqual(['-X', 'PATCH', sent.url, '-H', 'x-auth-token: [REDACTED]', '-H', `x-note: ${sent.headers['x-note']}`, '--data-raw', sent.bodyText]);
  });
  it('omits the body when there is none', () => {
    expect(toCurl({ method: 'GET', url: 'http://h/', headers: {} })).toBe("curl -X 'GET' 'http://h/'");
  });
});

describe('planToSent', () => {
  const schemes = [{ scheme: 'token', header: 'x-auth-token', prefix: '' }];
  it('builds the redacted request: URL with query, JSON body with content type, credentials hidden', () => {
    const sent = planToSent(
      testCase({ path: '/v3/p/things/1', query: { force: 'true', note: 'a b' }, body: { json: { a: 1 } } }),
      'http://127.0.0.1:9/base/',
      schemes,
      runnerOptions({ token: 'tok-secret-1', headers: { 'X-Extra': 'extra-secret' } }),
    );
    expect(sent.url).toBe('http://127.0.0.1:9/base/v3/p/things/1?force=true&note=a+b');
    expect(sent.headers).toEqual({ 'x-auth-token': '[REDACTED]', 'x-extra': '[REDACTED]', 'content-type': 'application/json' });
    expect(sent.bodyText).toBe('{"a":1}');
    expect(JSON.stringify(sent)).not.toContain('secret');
  });
  it('sends raw bytes as they are', () => {
    const sent = planToSent(testCase({ body: { raw: '{"a":' } }), 'http://h', schemes, runnerOptions());
    expect(sent.bodyText).toBe('{"a":');
    expect(sent.headers['content-type']).toBe('application/json');
  });
});

describe('planToSent with credentials in the target URL', () => {
  it('redacts the password of a user:password@host target', () => {
    const sent = planToSent(testCase(), 'https://admin:pa%24%24word@hcx.example.com/api', [], runnerOptions());
    expect(sent.url).toBe('https://admin:[REDACTED]@hcx.example.com/api/things/1');
  });
});

describe('credential routing (buildRequest through planToSent)', () => {
  const dc = [{ scheme: 'token', header: 'x-auth-token', prefix: '' }];
  const hcx = [{ scheme: 'session', header: 'x-hm-authorization', prefix: '' }];
  const headers = { 'x-hm-authorization': 'hcx-session', 'X-Auth-Token': 'iam-token', 'X-Trace': 'trace-1' };
  const headerRoutes = new Map([
    ['x-hm-authorization', new Set(['upgrade'])],
    ['x-auth-token', new Set(['update'])],
  ]);
  const options = runnerOptions({ headers, headerRoutes });
  const names = (operationId: string, auth: 'configured' | 'none' | 'wrong', schemes: typeof dc): string[] =>
    Object.keys(planToSent({ ...testCase({ auth }), operationId }, 'http://h', schemes, options).headers).sort();

  it('a header one operation takes a credential in goes to that operation only; an unnamed one to every operation', () => {
    expect(names('update', 'configured', dc)).toEqual(['x-auth-token', 'x-trace']);
    expect(names('upgrade', 'configured', hcx)).toEqual(['x-hm-authorization', 'x-trace']);
  });

  it("a case without a credential carries none of the operation's credential headers, nor a conventional one", () => {
    const withCookie = runnerOptions({ headers: { ...headers, Cookie: 'session=abcd' }, headerRoutes });
    expect(Object.keys(planToSent({ ...testCase({ auth: 'none' }), operationId: 'update' }, 'http://h', dc, withCookie).headers)).toEqual(['x-trace']);
    expect(names('upgrade', 'none', hcx)).toEqual(['x-trace']);
  });

  it("a wrong credential replaces only the operation's own credential header", () => {
    const sent = planToSent({ ...testCase({ auth: 'wrong' }), operationId: 'update' }, 'http://h', dc, options);
    expect(Object.keys(sent.headers).sort()).toEqual(['x-auth-token', 'x-trace']);
  });

  it('without routes (a single API, or no document names the header) every header goes everywhere, as before', () => {
    expect(Object.keys(planToSent(testCase(), 'http://h', dc, runnerOptions({ headers })).headers).sort()).toEqual(['x-auth-token', 'x-hm-authorization', 'x-trace']);
  });

  it('--token is never sent to an operation without a security scheme', () => {
    const sent = planToSent(testCase(), 'http://h', [], runnerOptions({ token: 'tok-secret-9' }));
    expect(sent.headers).toEqual({});
  });
});
