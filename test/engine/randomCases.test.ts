import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { Finding } from '../../src/model/Finding.ts';
import { readReport, runCli, tempDir } from '../helpers/cli.ts';

const FAULT = 'hcx-reject-inservice';
const SEED = '1';

/** The request without its origin: the embedded mock listens on a new port every run. */
const pathAndQuery = (url: string): string => {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
};

describe('random valid cases', () => {
  let dir: string;
  let random: Finding;

  beforeAll(async () => {
    dir = await tempDir();
    const { code } = await runCli(['run', '--seed', SEED, '--runs', '30', '--mock-fault', FAULT, '--report', `json=${join(dir, 'first.json')}`]);
    expect(code).toBe(1);
    const report = await readReport(join(dir, 'first.json'));
    const found = report.findings.filter((f) => f.caseId.includes(':random:'));
    expect(found).toHaveLength(1);
    random = found[0]!;
  });

  test('a random request with method=inService is the positive-acceptance finding with no constraint id', () => {
    expect(random.check).toBe('positive-acceptance');
    expect(random.constraintId).toBeUndefined();
    expect(random.operationId).toBe('upgradeInterconnectAppliance');
    expect(random.caseId.startsWith(`upgradeInterconnectAppliance:random:${SEED}:`)).toBe(true);
    expect(new URL(random.request.url).searchParams.get('method')).toBe('inService');
    expect(random.response?.status).toBe(400);
    expect(random.replay).toContain(`--seed ${SEED}`);
    expect(random.replay).toContain(`--case ${random.caseId}`);
  });

  test('the shrunk request is minimal: only the failing query parameter, no body', () => {
    expect([...new URL(random.request.url).searchParams.keys()]).toEqual(['method']);
    expect(random.request.bodyText).toBeUndefined();
  });

  test('--seed and --case re-send exactly the same request, which fails again', async () => {
    const path = join(dir, 'again.json');
    const { code } = await runCli(['run', '--seed', SEED, '--case', random.caseId, '--mock-fault', FAULT, '--report', `json=${path}`]);
    expect(code).toBe(1);
    const report = await readReport(path);
    expect(report.summary.cases).toBe(1);
    expect(report.findings).toHaveLength(1);
    const again = report.findings[0]!;
    expect(again.caseId).toBe(random.caseId);
    expect(again.check).toBe('positive-acceptance');
    expect(again.request.method).toBe(random.request.method);
    expect(pathAndQuery(again.request.url)).toBe(pathAndQuery(random.request.url));
    expect(again.request.bodyText).toBe(random.request.bodyText);
    expect(again.request.headers).toEqual(random.request.headers);
  });

  test('the same case id against the correct mock passes', async () => {
    const path = join(dir, 'fixed.json');
    const { code } = await runCli(['run', '--seed', SEED, '--case', random.caseId, '--report', `json=${path}`]);
    expect(code).toBe(0);
    const report = await readReport(path);
    expect(report.summary.ran).toBe(1);
    expect(report.findings).toEqual([]);
  });
});
