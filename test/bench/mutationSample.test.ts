import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { exitCodeOf } from '../../src/cli/exitCodeOf.ts';
import { EXIT_OK } from '../../src/cli/exitCodes.ts';
import {
  benchMutants,
  correctServerRun,
  emptyTally,
  equivalentProblems,
  killRate,
  loadEquivalents,
  runMutants,
  sampleOf,
  tally,
  THRESHOLD_FILE,
  type BenchMutant,
  type Equivalent,
  type MutantResult,
} from '../../bench/mutationBench.ts';

let all: BenchMutant[];
let equivalents: Equivalent[];
beforeAll(async () => {
  all = await benchMutants();
  equivalents = await loadEquivalents();
});

const silent = { out: () => undefined, err: () => undefined };

describe('the mutation score', () => {
  it('the correct mock: a default run exits 0', async () => {
    // The run the bench tells the mutants' new warnings from.
    const report = await correctServerRun([]);
    expect(report.findings).toEqual([]);
    expect(exitCodeOf(report, silent)).toBe(EXIT_OK);
  });

  it('every committed equivalent names a generated mutant, with a reason', () => {
    expect(equivalentProblems(equivalents, all, [])).toEqual([]);
    for (const e of equivalents) expect(e.reason.length).toBeGreaterThan(20);
  });

  it('the bench refuses an equivalent a run kills, and one that names no mutant', () => {
    const [first] = all;
    const killed: MutantResult = { mutant: first!.mutant, specs: [], document: first!.document, outcome: 'killed', warnings: 0, failedChecks: ['auth-required'] };
    const problems = equivalentProblems(
      [
        { id: first!.mutant.id, reason: 'r', kind: 'equivalent' },
        { id: 'response/nope/X', reason: 'r', kind: 'out-of-reach' },
      ],
      all,
      [killed],
    );
    expect(problems).toEqual([
      `${first!.mutant.id}: listed as equivalent, but the run killed it (so a request tells it from the correct server)`,
      'response/nope/X: listed as out of reach, but no such mutant is generated',
    ]);
  });

  it('a seeded sample is the same every time, and differs with the seed', () => {
    const ids = (seed: number): string[] => sampleOf(all, 20, seed).map((m) => m.mutant.id);
    expect(ids(1)).toEqual(ids(1));
    expect(ids(2)).not.toEqual(ids(1));
    expect(new Set(ids(1)).size).toBe(20);
  });

  it('the seeded sample kills at least the committed threshold (a ratchet), and kills no listed equivalent', async () => {
    const threshold = JSON.parse(await readFile(THRESHOLD_FILE, 'utf8')) as { sample: number; seed: number; killRate: number };
    // Each run waits on its mock's tasks (one upgrade at a time) most of its time: four at once keep the
    // cores busy. Each mutant's run tests its own operation: the other one is served as the correct server
    // serves it (a third less time; the same outcome for every mutant of the sample).
    const results = await runMutants(sampleOf(all, threshold.sample, threshold.seed), 4, () => undefined, { ownOperationOnly: true });
    const listed = new Map(equivalents.map((e) => [e.id, e.kind]));
    const t = emptyTally();
    for (const r of results) tally(t, r, listed.get(r.mutant.id));
    expect(t.errors).toBe(0);
    expect(equivalentProblems(equivalents, all, results)).toEqual([]);
    const survivors = results.filter((r) => r.outcome !== 'killed' && !listed.has(r.mutant.id)).map((r) => r.mutant.id);
    expect(killRate(t), `kill rate ${killRate(t).toFixed(3)}; survivors:\n${survivors.join('\n')}`).toBeGreaterThanOrEqual(threshold.killRate);
  }, 240_000);
});
