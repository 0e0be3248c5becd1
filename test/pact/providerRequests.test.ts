import { beforeAll, describe, expect, it } from 'vitest';
import { resolveConfig } from '../../src/config/resolveConfig.ts';
import { prepareOperations } from '../../src/engine/prepareOperations.ts';
import type { Spec } from '../../src/openapi/Spec.ts';
import { loadSpecs } from '../../src/openapi/loadSpecs.ts';
import type { ObservedTraffic } from '../../src/proxy/ObservedTraffic.ts';
import { defaultPactFiles } from '../../src/pact/defaultPactFiles.ts';
import { pactCaseResults } from '../../src/pact/pactCaseResults.ts';
import type { PactVerificationResult } from '../../src/pact/PactVerificationResult.ts';
import { providerRequests } from '../../src/pact/providerRequests.ts';
import { readPactFiles, type PactInteractionInfo } from '../../src/pact/readPactFiles.ts';

const TARGET = 'http://127.0.0.1:9';
const SECRET = 'tap-SECRET-token-42';
const PATH = '/v3/0123456789abcdef0123456789abcdef/dcaas/hosted-connects/11111111-2222-4333-8444-555555555555';

let specs: Spec[];
let dc: PactInteractionInfo[];
beforeAll(async () => {
  specs = await loadSpecs();
  dc = (await readPactFiles(defaultPactFiles().filter((f) => f.includes('huawei-dc')))).slice(0, 2);
});

/** A DC update as the tap saw it, its answer echoing the credential and holding a vlan out of range. */
function traffic(vlan: number): { traffic: ObservedTraffic } {
  const operation = specs.flatMap((spec) => spec.operations).find((o) => o.operationId === 'updateHostedConnect')!;
  const body = structuredClone(operation.responses.find((r) => r.status === '200')!.examples[0]) as { hosted_connect: Record<string, unknown> };
  Object.assign(body.hosted_connect, { id: '11111111-2222-4333-8444-555555555555', name: 'edge', description: `by ${SECRET}`, vlan });
  return {
    traffic: {
      method: 'PUT',
      url: `${TARGET}${PATH}`,
      requestHeaders: { 'x-auth-token': SECRET, 'content-type': 'application/json' },
      requestBody: '{"hosted_connect":{"name":"edge"}}',
      response: { status: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), truncated: false },
      durationMs: 1,
    },
  };
}

function resultOf(requests: PactVerificationResult['providerRequests'], lineUp: readonly (number | undefined)[]): PactVerificationResult {
  const interactions = dc.map((info, i) => ({
    consumer: info.consumer,
    provider: info.provider,
    description: info.description,
    passed: true,
    mismatches: [],
    status: 200,
    intentKind: 'boundary',
    constraintId: 'DC.body.hosted_connect.atLeastOne',
    ...(lineUp[i] !== undefined ? { providerRequest: lineUp[i] } : {}),
  }));
  return { passed: true, target: TARGET, extraHeaders: [], token: true, pactFiles: [], interactions, providerRequests: requests, durationMs: 1 };
}

describe('providerRequests and the document checks on them', () => {
  it('lines the requests up with the interactions, every credential scrubbed; the answers are judged by the document', () => {
    const { requests, lineUp } = providerRequests([traffic(4000), traffic(10)], dc, specs, TARGET, { secrets: [SECRET], extraHeaders: [] });
    expect(lineUp).toEqual([0, 1]);
    expect(JSON.stringify(requests)).not.toContain(SECRET);
    const results = pactCaseResults(resultOf(requests, lineUp), dc, prepareOperations(specs, resolveConfig({}, {}), { url: TARGET }));
    expect(results).toHaveLength(2);
    const failing = results.map((r) => (r.status === 'ran' ? r.verdicts.filter((v) => v.outcome === 'fail').map((v) => `${v.check} ${v.constraintId ?? ''}`.trim()) : []));
    expect(failing).toEqual([['response-schema DC.response.200.hosted_connect.vlan.maximum'], []]);
    // The request shown is the one the provider received, with the credential redacted.
    const [first] = results;
    expect(first?.status === 'ran' && first.exchange.sent.url).toBe(`${TARGET}${PATH}`);
    expect(first?.status === 'ran' && first.exchange.sent.headers['x-auth-token']).toBe('[REDACTED]');
  });

  it('requests that do not line up are still judged, each as a case of its own; the interactions keep their status', () => {
    const { requests, lineUp } = providerRequests([traffic(4000)], dc, specs, TARGET, { secrets: [SECRET], extraHeaders: [] });
    expect(lineUp).toEqual([undefined, undefined]);
    const results = pactCaseResults(resultOf(requests, lineUp), dc, prepareOperations(specs, resolveConfig({}, {}), { url: TARGET }));
    expect(results.map((r) => r.case.intent.kind)).toEqual(['boundary', 'boundary', 'observed']);
    expect(results.slice(0, 2).every((r) => r.status === 'ran' && r.verdicts.length === 1 && r.exchange.response?.bodyText === '')).toBe(true);
    const last = results[2]!;
    expect(last.status === 'ran' && last.verdicts.filter((v) => v.outcome === 'fail').map((v) => v.constraintId)).toEqual(['DC.response.200.hosted_connect.vlan.maximum']);
  });

  it('a request the budget kept back is an interaction not run', () => {
    const notSent = { method: 'PUT', url: `${TARGET}${PATH}`, notSent: 'request budget of 1 requests spent (raise it with --max-requests)' };
    const { requests, lineUp } = providerRequests([traffic(10), notSent], dc, specs, TARGET, { secrets: [SECRET], extraHeaders: [] });
    expect(lineUp).toEqual([0, 1]);
    const results = pactCaseResults(resultOf(requests, lineUp), dc, prepareOperations(specs, resolveConfig({}, {}), { url: TARGET }));
    expect(results.map((r) => r.status)).toEqual(['ran', 'not-run']);
    expect(results[1]?.status === 'not-run' && results[1].reason).toContain('--max-requests');
  });
});
