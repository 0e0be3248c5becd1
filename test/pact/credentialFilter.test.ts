import { describe, expect, it } from 'vitest';
import { credentialFilter, type FilterableRequest } from '../../src/pact/credentialFilter.ts';
import { redactText } from '../../src/runner/redact.ts';

const base = { credentialHeaders: ['x-auth-token', 'x-hm-authorization', 'authorization'], placeholder: 'REDACTED-TOKEN' };

function apply(filter: ReturnType<typeof credentialFilter>, headers: FilterableRequest['headers']): FilterableRequest['headers'] {
  const req = { headers: { ...headers } };
  let called = false;
  filter(req, undefined, () => {
    called = true;
  });
  expect(called).toBe(true);
  return req.headers;
}

describe('credentialFilter', () => {
  it('swaps the placeholder for the token, keeping a scheme prefix, and adds the extra headers', () => {
    const filter = credentialFilter({ ...base, token: 'T0K', headers: { 'X-Tenant': 'blue' } });
    expect(apply(filter, { 'x-auth-token': 'REDACTED-TOKEN', accept: '*/*' })).toEqual({ 'x-auth-token': 'T0K', accept: '*/*', 'x-tenant': 'blue' });
    expect(apply(filter, { authorization: 'Bearer REDACTED-TOKEN' })).toEqual({ authorization: 'Bearer T0K', 'x-tenant': 'blue' });
  });

  it('without a token, drops the placeholder and lets the extra headers carry the credential', () => {
    const filter = credentialFilter({ ...base, headers: { Authorization: 'Bearer abc' } });
    expect(apply(filter, { 'x-hm-authorization': 'REDACTED-TOKEN' })).toEqual({ authorization: 'Bearer abc' });
  });

  it('adds no credential header to a request meant to go without one, and leaves a wrong one wrong', () => {
    const filter = credentialFilter({ ...base, token: 'T0K', headers: { Authorization: 'Bearer abc', 'X-Tenant': 'blue' } });
    expect(apply(filter, {})).toEqual({ 'x-tenant': 'blue' });
    expect(apply(filter, { 'x-auth-token': 'WRONG-TOKEN-PLACEHOLDER' })).toEqual({ 'x-auth-token': 'WRONG-TOKEN-PLACEHOLDER', 'x-tenant': 'blue' });
  });
});

describe("credentialFilter with the operations' routes", () => {
  const routes = [
    { method: 'POST', path: '/hybridity/api/interconnect/appliances/([^/]+)/upgrade', headers: ['x-hm-authorization', 'authorization'] },
    { method: 'PUT', path: '/v3/([^/]+)/dcaas/hosted-connects/([^/]+)', headers: ['x-auth-token'] },
  ];
  const filter = credentialFilter({ ...base, routes, headers: { 'x-hm-authorization': 'HCX-S', 'X-Auth-Token': 'IAM-T', 'X-Tenant': 'blue' } });
  const send = (method: string, url: string, headers: FilterableRequest['headers']): FilterableRequest['headers'] => {
    const req = { method, url, headers: { ...headers } };
    filter(req, undefined, () => undefined);
    return req.headers;
  };

  it('an extra header an operation takes a credential in goes to that operation only; the others to every request', () => {
    expect(send('PUT', '/v3/p/dcaas/hosted-connects/c?x=1', { 'x-auth-token': 'REDACTED-TOKEN' })).toEqual({ 'x-auth-token': 'IAM-T', 'x-tenant': 'blue' });
    expect(send('POST', '/api/hybridity/api/interconnect/appliances/a/upgrade', { 'x-hm-authorization': 'REDACTED-TOKEN' })).toEqual({ 'x-hm-authorization': 'HCX-S', 'x-tenant': 'blue' });
  });

  it('a request of no documented operation gets no routed credential', () => {
    expect(send('GET', '/elsewhere', { 'x-auth-token': 'REDACTED-TOKEN' })).toEqual({ 'x-tenant': 'blue' });
  });
});

describe('redactText on verifier output', () => {
  it('masks each secret, its URL-encoded and JSON-escaped forms, longest first', () => {
    const text = 'token=a/b+c "a/b+c" a%2Fb%2Bc abcd-long abcd';
    expect(redactText(text, ['a/b+c', 'abcd', 'abcd-long'])).toBe('token=[REDACTED] "[REDACTED]" [REDACTED] [REDACTED] [REDACTED]');
    // Under four characters a secret is left in text: scrubbing it would garble everything and hide nothing.
    expect(redactText('nothing here, true', ['', 'zzz', 't'])).toBe('nothing here, true');
  });
});
