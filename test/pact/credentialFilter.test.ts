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

describe('redactText on verifier output', () => {
  it('masks each secret, its URL-encoded and JSON-escaped forms, longest first', () => {
    const text = 'token=a/b+c "a/b+c" a%2Fb%2Bc abcd-long abcd';
    expect(redactText(text, ['a/b+c', 'abcd', 'abcd-long'])).toBe('token=[REDACTED] "[REDACTED]" [REDACTED] [REDACTED] [REDACTED]');
    // Under four characters a secret is left in text: scrubbing it would garble everything and hide nothing.
    expect(redactText('nothing here, true', ['', 'zzz', 't'])).toBe('nothing here, true');
  });
});
