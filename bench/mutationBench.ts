import { readFile } from 'node:fs/promises';
import { basename, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateMutants } from '../mock/mutants/generateMutants.ts';
import type { Mutant, MutantFamily } from '../mock/mutants/Mutant.ts';
import { startMockServer } from '../mock/startMockServer.ts';
import { exitCodeOf } from '../src/cli/exitCodeOf.ts';
import { EXIT_INCONCLUSIVE, EXIT_OK, EXIT_VIOLATIONS } from '../src/cli/exitCodes.ts';
import { DEFAULT_CONFIG, type ConformanceConfig } from '../src/config/ConformanceConfig.ts';
import { runConformance } from '../src/engine/runConformance.ts';
import type { RunReport } from '../src/model/RunReport.ts';
import { shellQuote } from '../src/runner/shellQuote.ts';
import { loadSpecs } from '../src/openapi/loadSpecs.ts';
import { seededRandom } from '../src/plan/seededRandom.ts';

/**
 * What a default run said about one mutant: killed (exit 1); reported (exit 0 with a warning the correct
 * server's run does not give, for a mutant of a rule the page does not state: a warning is all such a
 * rule may get); inconclusive (exit 3); survived (exit 0); or an error (exit 2).
 */
export type Outcome = 'killed' | 'reported' | 'inconclusive' | 'survived' | 'error';

export interface MutantResult {
  readonly mutant: Mutant;
  readonly specs: readonly string[];
  /** The document the mutant's operation comes from (`huawei-dc`). */
  readonly document: string;
  readonly outcome: Outcome;
  /** Findings of severity warning the correct server's run does not give. */
  readonly warnings: number;
  /** The checks with a failing finding. */
  readonly failedChecks: readonly string[];
  readonly error?: string;
}

/**
 * A mutant the score leaves out, with the reason: `equivalent`, no request can tell it from the correct
 * server; `out-of-reach`, only a request the run never sends by design could (the safety policy, such as
 * one state-changing request at a time per resource), so the bench lists it apart as a known blind spot.
 */
export interface Equivalent {
  readonly id: string;
  readonly reason: string;
  readonly kind: 'equivalent' | 'out-of-reach';
}

export const EQUIVALENTS_FILE = new URL('./mutation-equivalents.json', import.meta.url);
export const THRESHOLD_FILE = new URL('./mutation-threshold.json', import.meta.url);

/** A document's short name: its file name without `.openapi.yaml`. */
const documentName = (file: string): string => basename(file).replace(/\.openapi\.(ya?ml|json)$/u, '');

export interface BenchMutant {
  readonly mutant: Mutant;
  readonly document: string;
  /** The `--spec` documents of the run (empty: the shipped ones). */
  readonly specs: readonly string[];
}

/** The keyword fixture document: every keyword the catalogue knows, served by the document-driven mock. */
export const KEYWORD_DOCUMENT = fileURLToPath(new URL('../test/keywords/fixtures/every-keyword.openapi.yaml', import.meta.url));

/**
 * Every mutant of the shipped documents and of each extra document (a run of its own: `--spec`), with
 * its document; `shipped: false` leaves the shipped ones out.
 */
export async function benchMutants(extraDocuments: readonly string[] = [KEYWORD_DOCUMENT], shipped = true): Promise<BenchMutant[]> {
  const runs: Array<readonly string[]> = [...(shipped ? [[]] : []), ...extraDocuments.map((file) => [resolve(file)])];
  const out: BenchMutant[] = [];
  for (const specFiles of runs) {
    const specs = await loadSpecs(specFiles);
    const mutants = generateMutants(specs.flatMap((s) => s.operations));
    const documentOf = new Map(specs.flatMap((spec) => spec.operations.map((o) => [o.operationId, documentName(spec.file)] as const)));
    out.push(...mutants.map((mutant) => ({ mutant, document: documentOf.get(mutant.operationId) ?? '?', specs: specFiles })));
  }
  return out;
}

/** The command that replays a mutant's run. */
export function replayCommand(m: BenchMutant): string {
  const specs = m.specs.map((file) => ` --spec ${shellQuote(relative(process.cwd(), file) || file)}`).join('');
  return `npx conformance run${specs} --mock-mutant ${shellQuote(m.mutant.id)}`;
}

/** N mutants picked without repeats by a seeded shuffle: the same seed gives the same sample. */
export function sampleOf<T>(items: readonly T[], n: number, seed: number): T[] {
  const next = seededRandom(seed, 'mutation-sample');
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = next() % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}

const silent = { out: () => undefined, err: () => undefined };

/** The default run against the correct server, per set of documents: one per process. */
const correctRuns = new Map<string, Promise<RunReport>>();

/** The report of a default run against the correct server (the embedded mock) of the documents. */
export function correctServerRun(specs: readonly string[]): Promise<RunReport> {
  const key = specs.join('\n');
  let found = correctRuns.get(key);
  if (!found) {
    found = runConformance({ ...DEFAULT_CONFIG, specs }, { reporters: [], embeddedTarget: startMockServer });
    correctRuns.set(key, found);
  }
  return found;
}

/** The keys of the warnings a default run gives against the correct server. */
async function warningsOfCorrectServer(specs: readonly string[]): Promise<ReadonlySet<string>> {
  return new Set((await correctServerRun(specs)).findings.filter((f) => f.severity === 'warning').map((f) => f.key));
}

export interface MutantRunOptions {
  /**
   * Runs only the mutant's own operation (`--operation`). A mutant is a fault profile of one operation:
   * the mock answers every other operation as the correct server does, so that part of a default run is
   * the correct server's run and decides no outcome. The bench runs every operation.
   */
  readonly ownOperationOnly?: boolean;
}

/** One default `conformance run` against an embedded mock serving the mutant, in this process. */
export async function runMutant({ mutant, document, specs }: BenchMutant, options: MutantRunOptions = {}): Promise<MutantResult> {
  const config: ConformanceConfig = { ...DEFAULT_CONFIG, specs, mock: { mutant: mutant.id }, ...(options.ownOperationOnly ? { operationIds: [mutant.operationId] } : {}) };
  try {
    const correct = await warningsOfCorrectServer(specs);
    const report = await runConformance(config, { reporters: [], embeddedTarget: startMockServer });
    const code = exitCodeOf(report, silent);
    const failures = report.findings.filter((f) => f.severity === 'failure');
    const warnings = report.findings.filter((f) => f.severity === 'warning' && !correct.has(f.key)).length;
    const unstated = mutant.provenance === 'reading' || mutant.provenance === 'convention';
    const outcome: Outcome = code === EXIT_VIOLATIONS ? 'killed' : code === EXIT_INCONCLUSIVE ? 'inconclusive' : code !== EXIT_OK ? 'error' : unstated && warnings > 0 ? 'reported' : 'survived';
    return { mutant, specs, document, outcome, warnings, failedChecks: [...new Set(failures.map((f) => f.check))] };
  } catch (error) {
    return { mutant, specs, document, outcome: 'error', warnings: 0, failedChecks: [], error: (error as Error).message };
  }
}

/** Runs every mutant, `jobs` at a time in this process (each run is mostly waiting on its own loopback mock). */
export async function runMutants(mutants: readonly BenchMutant[], jobs: number, onResult: (r: MutantResult) => void = () => undefined, options: MutantRunOptions = {}): Promise<MutantResult[]> {
  const results: MutantResult[] = new Array<MutantResult>(mutants.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(jobs, mutants.length)) }, async () => {
      while (next < mutants.length) {
        const index = next++;
        const result = await runMutant(mutants[index]!, options);
        results[index] = result;
        onResult(result);
      }
    }),
  );
  return results;
}

/** The committed equivalent mutants; each entry needs an id and a reason. */
export async function loadEquivalents(): Promise<Equivalent[]> {
  const parsed = JSON.parse(await readFile(EQUIVALENTS_FILE, 'utf8')) as { equivalents?: unknown };
  const entries = Array.isArray(parsed.equivalents) ? parsed.equivalents : [];
  return entries.map((e: unknown, i) => {
    const entry = e as Partial<Equivalent>;
    if (typeof entry.id !== 'string' || typeof entry.reason !== 'string' || entry.reason.trim() === '') throw new Error(`bench/mutation-equivalents.json: entry ${i} needs an id and a reason`);
    if (entry.kind !== undefined && entry.kind !== 'equivalent' && entry.kind !== 'out-of-reach') throw new Error(`bench/mutation-equivalents.json: entry ${i}: kind is equivalent or out-of-reach`);
    return { id: entry.id, reason: entry.reason, kind: entry.kind ?? 'equivalent' };
  });
}

/**
 * Problems with the equivalents file against a bench's results: an entry that names no generated
 * mutant, and an entry a run killed (a mutant a request can tell from the correct server is not equivalent).
 */
export function equivalentProblems(equivalents: readonly Equivalent[], all: readonly BenchMutant[], results: readonly MutantResult[]): string[] {
  const ids = new Set(all.map((m) => m.mutant.id));
  const killed = new Set(results.filter((r) => r.outcome === 'killed').map((r) => r.mutant.id));
  return equivalents.flatMap((e) => [
    ...(ids.has(e.id) ? [] : [`${e.id}: listed as ${e.kind === 'equivalent' ? 'equivalent' : 'out of reach'}, but no such mutant is generated`]),
    ...(killed.has(e.id) ? [`${e.id}: listed as ${e.kind === 'equivalent' ? 'equivalent' : 'out of reach'}, but the run killed it (so a request tells it from the correct server)`] : []),
  ]);
}

export interface Tally {
  generated: number;
  killed: number;
  /** Mutants of rules the page does not state that the run warned about. */
  reported: number;
  equivalent: number;
  /** Listed as out of reach of the run's policy: a blind spot by design, out of the score like an equivalent. */
  outOfReach: number;
  inconclusive: number;
  survived: number;
  warned: number;
  errors: number;
}

export const emptyTally = (): Tally => ({ generated: 0, killed: 0, reported: 0, equivalent: 0, outOfReach: 0, inconclusive: 0, survived: 0, warned: 0, errors: 0 });

/** Adds one result; a listed mutant that was not killed counts as what its entry says, not as a survivor. */
export function tally(into: Tally, result: MutantResult, listed: Equivalent['kind'] | undefined): void {
  into.generated += 1;
  if (result.outcome === 'killed') into.killed += 1;
  else if (result.outcome === 'reported') into.reported += 1;
  else if (listed === 'equivalent') into.equivalent += 1;
  else if (listed === 'out-of-reach') into.outOfReach += 1;
  else if (result.outcome === 'inconclusive') into.inconclusive += 1;
  else if (result.outcome === 'error') into.errors += 1;
  else {
    into.survived += 1;
    if (result.warnings > 0) into.warned += 1;
  }
}

/** Caught (killed, or reported where a warning is all the rule may get) among the mutants neither equivalent nor out of reach: the mutation score. */
export const killRate = (t: Tally): number => {
  const scored = t.generated - t.equivalent - t.outOfReach;
  return scored === 0 ? 1 : (t.killed + t.reported) / scored;
};

export type { MutantFamily };
