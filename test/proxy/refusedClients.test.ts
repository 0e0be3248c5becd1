import { describe, expect, test } from 'vitest';
import { loadSpecs } from '../../src/openapi/loadSpecs.ts';
import type { ObservedTraffic } from '../../src/proxy/ObservedTraffic.ts';
import { TrafficAuditor } from '../../src/proxy/TrafficAuditor.ts';

const TARGET = 'http://127.0.0.1:9';
const URL = `${TARGET}/hybridity/api/interconnect/appliances/20ef77b0-2a69-4a4e-9a8a-2ac5a4f0c1d3/upgrade`;
const JSON_HEADERS = { 'content-type': 'application/json' };

function exchange(query: string, status: number, body: unknown): ObservedTraffic {
  return {
    method: 'POST',
    url: `${URL}${query}`,
    requestHeaders: { ...JSON_HEADERS, 'x-hm-authorization': 'client-token' },
    requestBody: '[{}]',
    response: { status, headers: JSON_HEADERS, body: JSON.stringify(body), truncated: false },
    durationMs: 3,
  };
}

const invalidForce = exchange('?force=maybe', 400, { errors: [{ error: 'bad force' }] });
const refused = exchange('', 401, {});

async function audit(traffic: readonly ObservedTraffic[]) {
  const auditor = new TrafficAuditor(await loadSpecs(), { listeners: [], target: TARGET, toolVersion: 'test', command: 'check-har' });
  for (const t of traffic) auditor.observe(t);
  const report = await auditor.finish({ interrupted: false });
  return report.operations.find((o) => o.operationId === 'upgradeInterconnectAppliance')!;
}

/** Audited traffic carries the client's credential: a refused client is the server doing its job. */
describe('audited traffic with refused clients', () => {
  test('one refused exchange among others leaves the operation judged', async () => {
    expect((await audit([invalidForce, refused])).verdict).not.toBe('inconclusive');
  });

  test('only refused exchanges: inconclusive, and the cause speaks of the client, not of --token', async () => {
    const operation = await audit([refused, refused]);
    expect(operation.verdict).toBe('inconclusive');
    expect(operation.cause).toBe("every one of the 2 exchange(s) was answered 401/403: the client's credential was refused, so nothing but authentication could be judged");
  });
});
