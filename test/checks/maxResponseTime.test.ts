import { beforeAll, describe, expect, it } from 'vitest';
import { startMockServer } from '../../mock/startMockServer.ts';
import { maxResponseTime } from '../../src/checks/maxResponseTime.ts';
import { reportedChecks } from '../../src/checks/reportedChecks.ts';
import { runChecks } from '../../src/checks/runChecks.ts';
import { DEFAULT_CONFIG } from '../../src/config/ConformanceConfig.ts';
import { validateConfigObject } from '../../src/config/resolveConfig.ts';
import { runConformance } from '../../src/engine/runConformance.ts';
import type { Exchange } from '../../src/model/Exchange.ts';
import { contextFor, exchangeFor, loadSubjects, type Subject } from './fixtures.ts';

let dc: Subject;
beforeAll(async () => ({ dc } = await loadSubjects()));

/** An answer that took `ms`. */
function took(ms: number): Exchange {
  const exchange = exchangeFor(dc);
  return { ...exchange, response: { ...exchange.response!, durationMs: ms } };
}

const limited = (limitMs: number) => ({ checkSettings: { 'max-response-time': { limitMs } } });

describe('max-response-time', () => {
  it('fails an answer over the configured limit and passes one within it', () => {
    expect(maxResponseTime.run(took(250), { ...contextFor(dc), settings: { limitMs: 100 } })).toMatchObject({ outcome: 'fail', message: expect.stringContaining('250 ms, over the limit of 100 ms') });
    expect(maxResponseTime.run(took(100), { ...contextFor(dc), settings: { limitMs: 100 } })).toMatchObject({ outcome: 'pass' });
  });

  it('runs only with its settings, which runChecks hands it from the config', () => {
    const names = (expectations = {}) => runChecks(took(250), contextFor(dc, expectations), dc.catalogue).map((v) => v.check);
    expect(names()).not.toContain('max-response-time');
    expect(runChecks(took(250), contextFor(dc, limited(100)), dc.catalogue).find((v) => v.check === 'max-response-time')).toMatchObject({ outcome: 'fail', provenance: 'convention' });
    expect(reportedChecks(undefined)).not.toContain('max-response-time');
    expect(reportedChecks({ 'max-response-time': { limitMs: 1 } })).toContain('max-response-time');
  });

  it('has its settings checked by the config schema, naming the key', () => {
    expect(validateConfigObject({ checks: { 'max-response-time': { limitMs: 500 } } }, 'config file c.yaml')).toMatchObject({ checks: { 'max-response-time': { limitMs: 500 } } });
    expect(() => validateConfigObject({ checks: { 'max-response-time': { limitMs: 0 } } }, 'config file c.yaml')).toThrow(/checks\/max-response-time\/limitMs|checks\.max-response-time\.limitMs/);
    expect(() => validateConfigObject({ checks: { 'max-response-time': {} } }, 'config file c.yaml')).toThrow(/limitMs/);
    expect(() => validateConfigObject({ checks: { 'no-such-check': {} } }, 'config file c.yaml')).toThrow(/no-such-check/);
  });

  it('in a run: a slow server gets warnings, a row in the check table, and no row without the setting', async () => {
    const mock = await startMockServer({ port: 0, latencyMs: 40 });
    try {
      const config = { ...DEFAULT_CONFIG, runs: 0, target: mock.url, token: mock.token, fixtures: { ...mock.fixtures }, operationIds: ['updateHostedConnect'] };
      const slow = await runConformance({ ...config, checks: { 'max-response-time': { limitMs: 5 } } }, { reporters: [] });
      const severities = new Set(slow.findings.filter((f) => f.check === 'max-response-time').map((f) => f.severity));
      expect([...severities]).toEqual(['warning']);
      expect(slow.checks.find((c) => c.check === 'max-response-time')).toMatchObject({ outcome: 'warn' });
      expect(slow.summary.verdict).toBe('conforming');
      const plain = await runConformance(config, { reporters: [] });
      expect(plain.checks.some((c) => c.check === 'max-response-time')).toBe(false);
    } finally {
      await mock.close();
    }
  });
});
