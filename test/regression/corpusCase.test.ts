import { beforeAll, describe, expect, it } from 'vitest';
import type { CorpusEntry } from '../../src/regression/CorpusEntry.ts';
import { corpusCase } from '../../src/regression/corpusCase.ts';
import { planToSent } from '../../src/runner/planToSent.ts';
import type { RunnerOptions } from '../../src/runner/RunnerOptions.ts';
import type { Operation } from '../../src/openapi/Operation.ts';
import { loadSpecs } from '../../src/openapi/loadSpecs.ts';

const BASE = 'http://127.0.0.1:4010';
const DC_URL = `${BASE}/v3/0605767b6a00d5b12f8dc00e4d5c2cd1/dcaas/hosted-connects/6ec9cfae-1d42-4f46-9f9e-7e2a4c1bc7a1`;
const OPTIONS: RunnerOptions = {
  headers: {},
  token: 'T',
  timeouts: { connectMs: 1000, headersMs: 1000, bodyMs: 1000 },
  concurrency: 1,
  retry: { maxRetries: 0, maxDelayMs: 0 },
  maxResponseBytes: 1024,
};

let dc: Operation;
let hcx: Operation;

beforeAll(async () => {
  const operations = (await loadSpecs()).flatMap((s) => s.operations);
  dc = operations.find((o) => o.operationId === 'updateHostedConnect')!;
  hcx = operations.find((o) => o.operationId === 'upgradeInterconnectAppliance')!;
});

function entry(partial: Partial<CorpusEntry> = {}): CorpusEntry {
  return {
    key: 'updateHostedConnect|negative-rejection|DC.body.hosted_connect.name.maxLength|invalid',
    caseId: 'dc-inv-name-max-0',
    operationId: 'updateHostedConnect',
    check: 'negative-rejection',
    constraintId: 'DC.body.hosted_connect.name.maxLength',
    intent: { kind: 'invalid', constraintId: 'DC.body.hosted_connect.name.maxLength', label: 'name of 65' },
    seed: 5,
    request: { method: 'PUT', url: DC_URL, headers: { 'content-type': 'application/json', 'x-auth-token': '[REDACTED]' }, bodyText: `{"hosted_connect":{"name":"${'n'.repeat(65)}"}}` },
    ...partial,
  };
}

describe('corpusCase', () => {
  it('rebuilds the case: path parameters, body, no credential, same id and seed', () => {
    const rebuilt = corpusCase(entry(), dc)!;
    expect(rebuilt).toMatchObject({ id: 'dc-inv-name-max-0', seed: 5, operationId: 'updateHostedConnect', needsFixture: false });
    expect(rebuilt.request.pathParams).toEqual({ project_id: '0605767b6a00d5b12f8dc00e4d5c2cd1', hosted_connect_id: '6ec9cfae-1d42-4f46-9f9e-7e2a4c1bc7a1' });
    expect(rebuilt.request.body).toEqual({ json: { hosted_connect: { name: 'n'.repeat(65) } } });
    expect(rebuilt.request.headers).toEqual({ 'content-type': 'application/json' });
    expect(rebuilt.request.auth).toBe('configured');
  });

  it('rebuilds an odd path id as it was sent: a dot-segment, an encoded separator, an empty segment', () => {
    for (const path of ['/v3/%2E%2E/dcaas/hosted-connects/6ec9cfae-1d42-4f46-9f9e-7e2a4c1bc7a1', '/v3/a%2F..%2Fb/dcaas/hosted-connects/x%0A', '/v3//dcaas/hosted-connects/x']) {
      const rebuilt = corpusCase(entry({ intent: { kind: 'other-owner', label: 'odd', provenance: 'robustness' }, request: { ...entry().request, url: `${BASE}${path}` } }), dc)!;
      expect(rebuilt.request.path).toBe(path);
      expect(planToSent(rebuilt, BASE, dc.credentialSchemes, OPTIONS).url).toBe(`${BASE}${path}`);
    }
  });

  it('sends the same request again, to the same or another target', () => {
    const rebuilt = corpusCase(entry(), dc)!;
    const sent = planToSent(rebuilt, BASE, dc.credentialSchemes, OPTIONS);
    expect(sent.url).toBe(DC_URL);
    expect(sent.bodyText).toBe(entry().request.bodyText);
    expect(sent.headers['x-auth-token']).toBe('[REDACTED]');
    const elsewhere = planToSent(rebuilt, 'https://dc.example/prefix', dc.credentialSchemes, OPTIONS);
    expect(elsewhere.url).toBe('https://dc.example/prefix/v3/0605767b6a00d5b12f8dc00e4d5c2cd1/dcaas/hosted-connects/6ec9cfae-1d42-4f46-9f9e-7e2a4c1bc7a1');
  });

  it('keeps malformed or non-canonical bodies byte for byte, and the query', () => {
    const raw = corpusCase(entry({ request: { method: 'PUT', url: DC_URL, headers: {}, bodyText: '{"hosted_connect":' } }), dc)!;
    expect(raw.request.body).toEqual({ raw: '{"hosted_connect":' });
    const spaced = corpusCase(entry({ request: { method: 'PUT', url: DC_URL, headers: {}, bodyText: '{ "a": 1.0 }' } }), dc)!;
    expect(spaced.request.body).toEqual({ raw: '{ "a": 1.0 }' });
    const hcxEntry = entry({
      operationId: 'upgradeInterconnectAppliance',
      intent: { kind: 'no-auth', constraintId: 'HCX.auth', label: 'no credential' },
      request: { method: hcx.method.toUpperCase(), url: `${BASE}${hcx.pathTemplate.replace('{applianceId}', 'appl%201')}?force=maybe&method=legacy`, headers: {} },
    });
    const rebuilt = corpusCase(hcxEntry, hcx)!;
    expect(rebuilt.request.query).toEqual({ force: 'maybe', method: 'legacy' });
    expect(rebuilt.request.pathParams).toEqual({ applianceId: 'appl 1' });
    expect(rebuilt.request.auth).toBe('none');
    expect(rebuilt.request.body).toBeUndefined();
  });

  it('gives up when the entry no longer fits the operation', () => {
    expect(corpusCase(entry(), hcx)).toBeUndefined();
    expect(corpusCase(entry({ request: { ...entry().request, method: 'DELETE' } }), dc)).toBeUndefined();
    expect(corpusCase(entry({ request: { ...entry().request, url: `${BASE}/v2/other` } }), dc)).toBeUndefined();
  });
});
