import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { startMockServer } from '../../mock/startMockServer.ts';
import type { MockServer } from '../../mock/MockOptions.ts';
import { exitCodeOf } from '../../src/cli/exitCodeOf.ts';
import { EXIT_OK } from '../../src/cli/exitCodes.ts';
import { DEFAULT_CONFIG } from '../../src/config/ConformanceConfig.ts';
import { runConformance } from '../../src/engine/runConformance.ts';
import { call } from './calls.ts';

const DOC = fileURLToPath(new URL('../keywords/fixtures/every-keyword.openapi.yaml', import.meta.url));
const silent = { out: () => undefined, err: () => undefined };

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer({ specFiles: [DOC] });
});
afterAll(() => server.close());

const put = (id: string, body: unknown, query = '') =>
  call(server, `/things/${encodeURIComponent(id)}`, { method: 'PUT', query, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

describe('the document-driven server (an operation the mock has no handler for)', () => {
  it('seeds the resource the document names, answers its success, 400 for an invalid request, the not-found status for another id', async () => {
    expect(server.fixtures['thingId']).toBe('t-1');
    const ok = await put('t-1', { kind: 'thing', name: 'first', count: 3 }, 'mode=fast');
    expect([ok.status, ok.contentType]).toEqual([200, 'application/json']);
    expect((await put('t-1', { kind: 'thing', name: 'UPPER' })).status).toBe(400);
    expect((await put('t-1', { kind: 'thing', name: 'first' }, 'limit=7')).status).toBe(400);
    expect((await put('t-99', { kind: 'thing', name: 'first' })).status).toBe(404);
    expect((await call(server, '/things/t-1', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{' })).status).toBe(400);
  });

  it.each([1, 2, 3])('a default run against it has no finding (seed %i)', async (seed) => {
    const report = await runConformance({ ...DEFAULT_CONFIG, specs: [DOC], seed }, { reporters: [], embeddedTarget: startMockServer });
    expect(report.findings.map((f) => `${f.check} ${f.constraintId ?? ''}: ${f.message}`)).toEqual([]);
    expect(exitCodeOf(report, silent)).toBe(EXIT_OK);
    expect(report.summary.ran).toBeGreaterThan(100);
  });

  it('its mutants are served too', async () => {
    const mutant = await startMockServer({ specFiles: [DOC], mutant: 'request-rule/not-enforced/K.body.name.pattern' });
    try {
      const res = await call(mutant, '/things/t-1', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'thing', name: 'UPPER' }) });
      expect(res.status).toBe(200);
    } finally {
      await mutant.close();
    }
  });
});
