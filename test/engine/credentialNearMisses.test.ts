import { describe, expect, test } from 'vitest';
import { startMockServer } from '../../mock/startMockServer.ts';
import { DEFAULT_CONFIG } from '../../src/config/ConformanceConfig.ts';
import { runConformance } from '../../src/engine/runConformance.ts';
import { buildRequest } from '../../src/runner/buildRequest.ts';
import type { Case } from '../../src/model/Case.ts';

const TOKEN = 'Near-Miss-Token-0123456789';

const run = (mutant?: string) =>
  runConformance({ ...DEFAULT_CONFIG, token: TOKEN, runs: 0, operationIds: ['updateHostedConnect'], mock: mutant ? { mutant } : {} }, { reporters: [], embeddedTarget: startMockServer });

describe('wrong credentials made from the right one', () => {
  test('each near miss is built from the configured credential, the scheme prefix kept', () => {
    const testCase = (wrongAs: Case['request']['wrongAs']): Case => ({
      id: 'x',
      operationId: 'op',
      intent: { kind: 'wrong-auth', constraintId: 'A', label: 'l' },
      request: { method: 'PUT', path: '/p', pathParams: {}, query: {}, headers: {}, auth: 'wrong', ...(wrongAs ? { wrongAs } : {}) },
      seed: 1,
      needsFixture: false,
    });
    const sent = (wrongAs: Case['request']['wrongAs']): string | undefined =>
      buildRequest(testCase(wrongAs), 'http://h', [{ header: 'Authorization', prefix: 'Bearer ', name: 'b' } as never], { headers: {}, token: TOKEN } as never).headers['authorization'];
    expect(sent('truncated')).toBe(`Bearer ${TOKEN.slice(0, -1)}`);
    expect(sent('extended')).toBe(`Bearer ${TOKEN}x`);
    expect(sent('last-changed')).toBe(`Bearer ${TOKEN.slice(0, -1)}x`);
    expect(sent('other-case')).toBe(`Bearer nEAR-mISS-tOKEN-0123456789`);
    expect(sent('empty')).toBe('Bearer ');
    expect(sent(undefined)).toMatch(/^Bearer invalid-[0-9a-f]{12}$/);
    // Each is scrubbed from text like the right one.
    expect(buildRequest(testCase('truncated'), 'http://h', [{ header: 'Authorization', prefix: 'Bearer ', name: 'b' } as never], { headers: {}, token: TOKEN } as never).secrets).toContain(
      TOKEN.slice(0, -1),
    );
  });

  test.each(['credential/prefix-of-token/DC.auth', 'credential/first-chars-only/DC.auth', 'credential/case-insensitive/DC.auth', 'credential/empty-accepted/DC.auth'])(
    '%s: auth-required fails, and no near miss is written',
    async (mutant) => {
      const report = await run(mutant);
      expect(report.findings.filter((f) => f.severity === 'failure').map((f) => `${f.check} ${f.constraintId}`)).toContain('auth-required DC.auth');
      const text = JSON.stringify(report);
      for (const leaked of [TOKEN, TOKEN.slice(0, -1), `${TOKEN}x`, TOKEN.slice(0, 12)]) expect(text).not.toContain(leaked);
    },
  );

  test('the correct mock refuses every near miss', async () => {
    const report = await run();
    expect(report.findings).toEqual([]);
    // Without a credential (in the base request and in the 2 contexts that cover the optional members'
    // presence), a wrong one, and the 5 near misses: each refused.
    expect(report.checks.find((c) => c.operationId === 'updateHostedConnect' && c.check === 'auth-required')).toMatchObject({ passed: 9, failed: 0 });
  });
});
