import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { SequenceStep } from '../../src/model/Case.ts';
import type { RunReport } from '../../src/model/RunReport.ts';
import { stateExpectations } from '../../src/plan/stateExpectations.ts';
import { startIndependentDc, type DcVariant } from '../fixtures/independentServers.ts';
import { CONNECTION, DC, PROJECT, TOKEN } from '../fixtures/pageFaithfulVariants.ts';
import { readReport, runCli, tempDir } from '../helpers/cli.ts';

const step = (index: number, role: SequenceStep['role'], sets: string[], planted?: Record<string, unknown>): SequenceStep => ({
  id: 'op:sequence@1',
  step: index,
  role,
  reflects: { sent: '/o', shown: '/o', status: '200' },
  sets,
  provenance: 'page',
  ...(planted ? { planted } : {}),
});

describe('what each step of a state sequence must show', () => {
  test('members an earlier applied update set and no later one sends persist', () => {
    const first = { step: step(0, 'first', ['name']), sent: { name: 'A' }, applied: true, shown: { name: 'A', vlan: 1 } };
    expect(stateExpectations(step(1, 'second', ['description']), [first])).toEqual([{ member: 'name', kind: 'persisted', value: 'A', because: 'step 1 sent it' }]);
    // The second update sends name again: nothing to persist.
    expect(stateExpectations(step(1, 'second', ['name']), [first])).toEqual([]);
    // An update that was refused, or is still pending, stored nothing to expect.
    expect(stateExpectations(step(1, 'second', ['description']), [{ ...first, applied: false }])).toEqual([]);
  });

  test('a planted member must not show its planted value, judged only where an answer before showed another', () => {
    const first = { step: step(0, 'first', ['name']), sent: { name: 'A' }, applied: true, shown: { name: 'A', vlan: 1, status: 'ACTIVE' } };
    const mass = step(1, 'mass', ['description'], { vlan: 2, status: 'ACTIVE', owner: 'x' });
    const held = stateExpectations(mass, [first]);
    // vlan showed 1 before: planted 2 is judged. status already was ACTIVE and owner was never shown: not judged.
    expect(held.filter((h) => h.kind === 'not-assigned').map((h) => [h.member, h.value])).toEqual([['vlan', 2]]);
    // The next step still must not show it.
    const after = stateExpectations(step(2, 'second', ['description']), [first, { step: mass, sent: { description: 'd' }, applied: true, shown: { vlan: 1 } }]);
    expect(after.filter((h) => h.kind === 'not-assigned').map((h) => h.member)).toEqual(['vlan']);
    expect(after.filter((h) => h.kind === 'persisted').map((h) => h.member)).toEqual(['name']);
  });
});

async function runAgainst(variant: DcVariant, extra: readonly string[] = []): Promise<{ code: number; report: RunReport; out: string }> {
  const server = await startIndependentDc(TOKEN, PROJECT, CONNECTION, variant);
  try {
    const path = join(await tempDir(), 'r.json');
    const argv = [
      'run',
      '--target',
      `${DC}=${server.url}`,
      '--operation',
      DC,
      '--token',
      TOKEN,
      '--fixture',
      `project_id=${PROJECT}`,
      '--fixture',
      `hosted_connect_id=${CONNECTION}`,
      '--runs',
      '3',
      '--report',
      `json=${path}`,
      ...extra,
    ];
    const { code, out } = await runCli(argv);
    return { code, out, report: await readReport(path) };
  } finally {
    await server.close();
  }
}

const found = (report: RunReport): string[] => [...new Set(report.findings.map((f) => `${f.check} ${f.provenance} ${f.severity}`))].sort();

describe('state sequences against servers that lose or take state', () => {
  test('an update answered but not stored: persistence fails, as the page states the update', async () => {
    const { code, report } = await runAgainst({ notFound: 404, answerWithoutStoring: true });
    expect(found(report)).toEqual(['persistence page failure']);
    expect(code).toBe(1);
    const finding = report.findings.find((f) => f.check === 'persistence')!;
    expect(finding.sequence).toBe(`${DC}:sequence@1`);
    expect(finding.message).toMatch(/the update was answered but not kept/);
  });

  test('undocumented members written into the resource: mass-assignment fails (robustness)', async () => {
    const { code, report } = await runAgainst({ notFound: 404, storesUndocumented: true });
    expect(found(report).filter((f) => f.startsWith('mass-assignment'))).toEqual(['mass-assignment robustness failure']);
    expect(code).toBe(1);
  });

  test('the correct server and one that answers a pending state pass', async () => {
    for (const variant of [{ notFound: 404 }, { notFound: 404, pendingBandwidth: true }] as const) {
      const { code, report } = await runAgainst(variant);
      expect(report.findings.filter((f) => f.check === 'persistence' || f.check === 'mass-assignment')).toEqual([]);
      expect(code).toBe(0);
      // A pending answer is excused: not judged, never failed.
      expect(report.checks.find((c) => c.check === 'persistence')?.outcome).toBe('pendingBandwidth' in variant ? 'n/a' : 'pass');
    }
  });

  test('--case with one step of the sequence sends the whole sequence, and finds the defect again', async () => {
    const { report } = await runAgainst({ notFound: 404, answerWithoutStoring: true });
    const finding = report.findings.find((f) => f.check === 'persistence')!;
    const again = await runAgainst({ notFound: 404, answerWithoutStoring: true }, ['--case', finding.caseId]);
    expect(again.report.summary.cases).toBe(3);
    expect(again.report.findings.map((f) => f.key)).toContain(finding.key);
  });
});
