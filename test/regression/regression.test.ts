import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CaseIntent } from '../../src/model/Case.ts';
import { ConfigError } from '../../src/errors/ConformanceError.ts';
import { baselineSummary } from '../../src/regression/baselineSummary.ts';
import { compareWithBaseline } from '../../src/regression/compareWithBaseline.ts';
import { findingKey } from '../../src/model/findingKey.ts';
import { loadBaseline } from '../../src/regression/loadBaseline.ts';
import { loadCorpus } from '../../src/regression/loadCorpus.ts';
import { saveCorpus } from '../../src/regression/saveCorpus.ts';
import { shouldFail } from '../../src/regression/shouldFail.ts';
import { withBaseline } from '../../src/regression/withBaseline.ts';
import { REPORT_VERSION, type RunReport } from '../../src/model/RunReport.ts';
import { buildReport, DC, FINDINGS, HCX, makeFinding, SECRET } from '../reporters/fixtures.ts';

/** A report as version 1 wrote it: no causes as data. */
function asVersion1(report: RunReport): Omit<RunReport, 'version' | 'summary'> & { version: 1; summary: object } {
  const { inconclusiveCauses: _causes, ...summary } = report.summary;
  return { ...report, version: 1, summary };
}

const tempDir = () => mkdtemp(join(tmpdir(), 'conformance-regression-'));

const [forceEnum, echo, vlan, timeout] = FINDINGS as [(typeof FINDINGS)[0], (typeof FINDINGS)[0], (typeof FINDINGS)[0], (typeof FINDINGS)[0]];

describe('findingKey', () => {
  it('ignores case id, seed and message but separates intents and constraints', () => {
    const a = makeFinding({ operationId: HCX, check: 'negative-rejection', constraintId: 'C', caseId: 'a', seed: 1, message: 'x' });
    const b = makeFinding({ operationId: HCX, check: 'negative-rejection', constraintId: 'C', caseId: 'b', seed: 2, message: 'y' });
    expect(findingKey(a)).toBe(findingKey(b));
    expect(findingKey({ ...a, constraintId: 'D' })).not.toBe(findingKey(a));
    expect(findingKey({ ...a, intent: { kind: 'boundary', constraintId: 'C', label: 'l' } })).not.toBe(findingKey(a));
    expect(findingKey(echo)).toBe(`${HCX}|echo|||2xx|`);
  });

  it('keeps the value family and the answer class, never the seed, the index or the random path', () => {
    const intent = (family?: string): CaseIntent => ({ kind: 'invalid', constraintId: 'C.name.maxLength', label: 'l', ...(family !== undefined ? { family } : {}) });
    const at = (caseId: string, family: string | undefined, status = 202) =>
      findingKey(makeFinding({ operationId: HCX, check: 'negative-rejection', constraintId: 'C.name.maxLength', intent: intent(family), caseId, response: { status, bodyExcerpt: '' } }));
    expect(at(`${HCX}:invalid:C.name.maxLength:length-65@1`, 'length')).toBe(`${HCX}|negative-rejection|C.name.maxLength|invalid:length|2xx|`);
    expect(at(`${HCX}:invalid:C.name.maxLength:length-129@7`, 'length')).toBe(at(`${HCX}:invalid:C.name.maxLength:length-65@1`, 'length'));
    expect(at(`${HCX}:invalid:C.name.maxLength:empty@1`, 'empty')).not.toBe(at(`${HCX}:invalid:C.name.maxLength:length-65@1`, 'length'));
    // The key is made of fields: the case id is never read.
    expect(at(`${HCX}:invalid:C.name.maxLength:empty@1`, undefined)).toBe(`${HCX}|negative-rejection|C.name.maxLength|invalid|2xx|`);
    expect(at(`${HCX}:invalid:C.name.maxLength:length-65@1`, 'length', 500)).toBe(`${HCX}|negative-rejection|C.name.maxLength|invalid:length|5xx|`);
    // A rule the request was not built to break (a response rule, a 5xx) is one defect whatever the request.
    const crash = (caseId: string, intentOf: CaseIntent = intent('length')) =>
      findingKey(makeFinding({ operationId: HCX, check: 'not-server-error', caseId, intent: intentOf, response: { status: 500, bodyExcerpt: '' } }));
    expect(crash(`${HCX}:invalid:C.name.maxLength:length-65@1`)).toBe(`${HCX}|not-server-error|||5xx|`);
    expect(crash(`${HCX}:random:1:4:0:2`, { kind: 'valid', label: 'random #4:0:2' })).toBe(crash(`${HCX}:valid:pairwise-3@9`, { kind: 'valid', label: 'pairwise' }));
    const vlan = (caseId: string) =>
      findingKey(makeFinding({ operationId: HCX, check: 'response-schema', constraintId: 'R.vlan.maximum', intent: intent('empty'), caseId, response: { status: 200, bodyExcerpt: '' } }));
    expect(vlan(`${HCX}:invalid:C.name.maxLength:empty@1`)).toBe(vlan(`${HCX}:random:3:1`));
    const timedOut = makeFinding({ operationId: HCX, check: 'transport', caseId: `${HCX}:random:1:4`, failure: { kind: 'timeout', message: 'slow' } });
    expect(findingKey(timedOut)).toBe(`${HCX}|transport|||transport:timeout|`);
  });

  it('is written on every finding and derived for a report written before keys existed', async () => {
    const dir = await tempDir();
    const path = join(dir, 'old.json');
    const report = buildReport();
    await writeFile(path, JSON.stringify({ ...asVersion1(report), findings: report.findings.map(({ key: _key, ...rest }) => rest) }));
    expect((await loadBaseline(path)).findings.map((f) => f.key)).toEqual(report.findings.map(findingKey));
  });

  it('gives the findings of a report written before identity was data their value family, target URL and whether the target was named', async () => {
    const dir = await tempDir();
    const path = join(dir, 'old.json');
    const invalid = makeFinding({
      operationId: HCX,
      check: 'negative-rejection',
      constraintId: 'C.name.maxLength',
      intent: { kind: 'invalid', constraintId: 'C.name.maxLength', label: 'l', family: 'length' },
      caseId: `${HCX}:invalid:C.name.maxLength:length-65@1`,
      response: { status: 202, bodyExcerpt: '' },
    });
    const report = buildReport({ findings: [invalid] });
    const {
      key: _key,
      targetNamed: _named,
      targetUrl: _url,
      intent: { family: _family, ...intent },
      ...old
    } = invalid as typeof invalid & { intent: { family?: string } };
    await writeFile(path, JSON.stringify({ ...report, version: 1, operations: report.operations.map(({ targetNamed: _n, ...o }) => o), findings: [{ ...old, intent }] }));
    const loaded = await loadBaseline(path);
    expect(loaded.findings[0]).toMatchObject({
      key: `${HCX}|negative-rejection|C.name.maxLength|invalid:length|2xx|`,
      targetNamed: false,
      targetUrl: report.operations[0]!.target,
      intent: { family: 'length' },
    });
    expect(loaded.operations.map((o) => o.targetNamed)).toEqual([false, false]);
    expect(compareWithBaseline(report, loaded)).toMatchObject({ new: [], fixed: [] });
  });

  it('separates targets, and names the targets of a report written before targets were named', async () => {
    expect(findingKey({ ...echo, target: 'eu-west', targetNamed: true })).not.toBe(findingKey({ ...echo, target: 'ap-south', targetNamed: true }));
    // A target known only by its URL is not part of the key: a server on another port keeps its findings.
    expect(findingKey({ ...echo, target: 'http://127.0.0.1:4011' })).toBe(findingKey(echo));
    const dir = await tempDir();
    const path = join(dir, 'old.json');
    const report = buildReport();
    const unnamed = <T extends object>(items: readonly T[]): Array<Omit<T, 'target'>> =>
      items.map((item) => Object.fromEntries(Object.entries(item).filter(([k]) => k !== 'target')) as Omit<T, 'target'>);
    // Written before targets were named: no target names anywhere, keys without a target.
    const old = {
      ...asVersion1(report),
      operations: report.operations.map(({ targetName: _name, ...rest }) => rest),
      checks: unnamed(report.checks),
      coverage: unnamed(report.coverage),
      notRun: unnamed(report.notRun),
      findings: unnamed(report.findings).map((f) => ({ ...f, key: f.key.slice(0, f.key.lastIndexOf('|')) })),
    };
    await writeFile(path, JSON.stringify(old));
    const loaded = await loadBaseline(path);
    expect(loaded.findings.map((f) => f.key)).toEqual(report.findings.map((f) => f.key));
    expect(compareWithBaseline(report, loaded)).toMatchObject({ new: [], fixed: [] });
    // An old report of the embedded mock names it as a run does now.
    await writeFile(path, JSON.stringify({ ...old, invocation: { ...old.invocation, embeddedMock: true, mock: { fault: 'hcx-500' } } }));
    expect(new Set((await loadBaseline(path)).checks.map((c) => c.target))).toEqual(new Set(['embedded mock']));
  });
});

describe('compareWithBaseline', () => {
  it('classifies new, still failing and fixed', () => {
    const baseline = buildReport({ findings: [forceEnum, echo, timeout] });
    const current = buildReport({ findings: [{ ...forceEnum, caseId: 'other-case', seed: 99 }, vlan] });
    const result = compareWithBaseline(current, baseline);
    expect(result.new.map(findingKey)).toEqual([findingKey(vlan)]);
    expect(result.stillFailing.map((f) => f.caseId)).toEqual(['other-case']);
    expect(result.fixed.map(findingKey).sort()).toEqual([findingKey(echo), findingKey(timeout)].sort());
  });

  it('does not call a finding fixed when its check did not run this time', () => {
    const baseline = buildReport({ findings: [echo] });
    const current = buildReport({ findings: [] });
    const notRun = { ...current, checks: current.checks.map((c) => (c.check === 'echo' ? { ...c, outcome: 'n/a' as const, passed: 0 } : c)) };
    expect(compareWithBaseline(notRun, baseline).fixed).toEqual([]);
    expect(compareWithBaseline(current, baseline).fixed).toHaveLength(1);
  });

  it('treats identical reports as all still failing', () => {
    const report = buildReport();
    const result = compareWithBaseline(report, report);
    expect(result.new).toEqual([]);
    expect(result.fixed).toEqual([]);
    expect(result.stillFailing).toHaveLength(FINDINGS.length);
  });

  it('summarises as keys for the report', () => {
    const result = compareWithBaseline(buildReport({ findings: [vlan] }), buildReport({ findings: [echo] }));
    expect(baselineSummary('base.json', result)).toEqual({ path: 'base.json', new: [findingKey(vlan)], stillFailing: [], fixed: [findingKey(echo)] });
  });
});

describe('shouldFail', () => {
  const none = { new: [], stillFailing: [], fixed: [] };
  it.each([
    ['new', { ...none, new: [vlan] }, true],
    ['new', { ...none, stillFailing: [vlan] }, false],
    ['new', { ...none, fixed: [vlan] }, false],
    ['any', { ...none, stillFailing: [vlan] }, true],
    ['any', { ...none, new: [vlan] }, true],
    ['any', { ...none, fixed: [vlan] }, false],
    ['any', none, false],
  ] as const)('failOn=%s', (failOn, classification, expected) => {
    expect(shouldFail(classification, failOn)).toBe(expected);
  });
});

describe('loadBaseline', () => {
  it('reads a report written as JSON', async () => {
    const dir = await tempDir();
    const path = join(dir, 'report.json');
    await writeFile(path, JSON.stringify(buildReport()));
    const loaded = await loadBaseline(path);
    expect(loaded.findings).toHaveLength(FINDINGS.length);
  });

  it('names a missing file', async () => {
    const path = join(await tempDir(), 'nope.json');
    await expect(loadBaseline(path)).rejects.toThrow(ConfigError);
    await expect(loadBaseline(path)).rejects.toThrow(/cannot read baseline .*nope\.json: ENOENT/);
  });

  it('rejects text that is not JSON', async () => {
    const path = join(await tempDir(), 'bad.json');
    await writeFile(path, '{ nope');
    await expect(loadBaseline(path)).rejects.toThrow(/is not JSON/);
  });

  it('rejects JSON that is not a run report, naming the problem', async () => {
    const path = join(await tempDir(), 'other.json');
    const { findings, ...rest } = buildReport();
    void findings;
    await writeFile(path, JSON.stringify(rest));
    await expect(loadBaseline(path)).rejects.toThrow(/not a run report.*findings/);
    await writeFile(path, JSON.stringify({ ...buildReport(), version: REPORT_VERSION + 1 }));
    await expect(loadBaseline(path)).rejects.toThrow(ConfigError);
  });
});

describe('failure corpus', () => {
  it('stores one file per failing case, drops the cases a later run replayed and found fixed, and reads them back', async () => {
    const dir = await tempDir();
    await saveCorpus(dir, buildReport());
    const caseIds = new Set(FINDINGS.map((f) => f.caseId));
    expect(await readdir(dir)).toHaveLength(caseIds.size);
    const stored = await loadCorpus(dir);
    // The next run replayed every stored case; only the force enum still fails (found by a newer case too).
    await saveCorpus(dir, buildReport({ findings: [forceEnum, { ...forceEnum, caseId: 'newer-case', seed: 42 }] }), stored);
    const entries = await loadCorpus(dir);
    expect(entries.map((e) => e.caseId).sort()).toEqual([forceEnum.caseId, 'newer-case'].sort());
    const entry = entries.find((e) => e.caseId === 'newer-case');
    expect(entry).toMatchObject({ key: findingKey(forceEnum), seed: 42, operationId: HCX, constraintId: 'HCX.query.force.enum', intent: forceEnum.intent });
    expect(entry?.request.url).toContain('force=maybe');
  });

  it('keeps every entry after an interrupted run', async () => {
    const dir = await tempDir();
    await saveCorpus(dir, buildReport());
    const stored = await loadCorpus(dir);
    await saveCorpus(dir, buildReport({ findings: [], interrupted: true }), stored);
    expect(await loadCorpus(dir)).toHaveLength(stored.length);
  });

  it('gives an entry written before intents carried their value family the family its case id names', async () => {
    const dir = await tempDir();
    const entry = {
      key: `${HCX}|negative-rejection|C.name.maxLength|invalid:length|2xx|`,
      caseId: `${HCX}:invalid:C.name.maxLength:length-65@1`,
      operationId: HCX,
      check: 'negative-rejection',
      constraintId: 'C.name.maxLength',
      intent: { kind: 'invalid', constraintId: 'C.name.maxLength', label: 'name length 65' },
      seed: 1,
      request: { method: 'POST', url: 'http://127.0.0.1:4010/x', headers: {} },
    };
    await writeFile(join(dir, 'old.json'), JSON.stringify(entry));
    const [loaded] = await loadCorpus(dir);
    expect(loaded?.intent).toEqual({ ...entry.intent, family: 'length' });
  });

  it('is empty before the first run and rejects a foreign file', async () => {
    const dir = await tempDir();
    expect(await loadCorpus(join(dir, 'missing'))).toEqual([]);
    await writeFile(join(dir, 'x.json'), '{"key":1}');
    await expect(loadCorpus(dir)).rejects.toThrow(/x\.json is not a corpus entry/);
  });

  it('never stores a credential, even one a caller forgot to redact', async () => {
    const dir = await tempDir();
    const leaky = makeFinding({
      operationId: DC,
      check: 'auth-required',
      request: { method: 'PUT', url: 'http://127.0.0.1/x', headers: { 'X-Auth-Token': SECRET, Authorization: `Bearer ${SECRET}` } },
    });
    await saveCorpus(dir, buildReport({ findings: [...FINDINGS, leaky] }));
    const texts = await Promise.all((await readdir(dir)).map((n) => readFile(join(dir, n), 'utf8')));
    expect(texts.length).toBe(FINDINGS.length + 1);
    for (const text of texts) expect(text).not.toContain(SECRET);
    expect(texts.join('\n')).toContain('"X-Auth-Token": "[REDACTED]"');
  });
});

describe('withBaseline', () => {
  it('fills the baseline section of the report and keeps the rest', () => {
    const current = buildReport({ findings: [forceEnum, vlan] });
    const result = withBaseline(current, buildReport({ findings: [forceEnum, echo] }), 'prev/report.json');
    expect(result.baseline).toEqual({ path: 'prev/report.json', new: [findingKey(vlan)], stillFailing: [findingKey(forceEnum)], fixed: [findingKey(echo)] });
    expect(result.findings).toBe(current.findings);
  });
});
