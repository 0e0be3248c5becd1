import fc from 'fast-check';
import type { Case, PlannedRequest } from '../model/Case.ts';
import type { CaseResult } from '../model/CaseResult.ts';
import { classifyRequest } from '../plan/classifyRequest.ts';
import { validRequestArbitrary } from '../plan/validRequestArbitrary.ts';
import { executeCase } from './executeCase.ts';
import type { PreparedOperation } from './PreparedOperation.ts';
import type { RunContext } from './RunContext.ts';
import { runPool } from './runPool.ts';

/** Requests sent while shrinking one counterexample, at most. */
const SHRINK_BUDGET = 150;

/** Id of a random case: the fast-check path under the run's seed replays exactly this request. */
export function randomCaseId(operationId: string, seed: number, path: string): string {
  return `${operationId}:random:${seed}:${path}`;
}

/** The random case at a fast-check path: its id replays exactly this request. */
export function randomCase(operationId: string, seed: number, path: string, request: PlannedRequest): Case {
  return { id: randomCaseId(operationId, seed, path), operationId, intent: { kind: 'valid', label: `random #${path}` }, request, seed, needsFixture: true };
}

/** The request at a fast-check path of the operation's valid-request arbitrary (replay of a random case). */
export function randomRequestAt(prepared: PreparedOperation, fixtures: Readonly<Record<string, string>>, seed: number, path: string): PlannedRequest {
  const arbitrary = validRequestArbitrary(prepared.operation, { seed, fixtures }, prepared.validators);
  const details = fc.check(fc.property(arbitrary, (_request: PlannedRequest) => false), { seed, path, endOnFailure: true });
  const value = details.counterexample?.[0];
  if (!value) throw new Error(`no random request at path ${path}`);
  return value;
}

function failingChecks(result: CaseResult): string {
  return result.status === 'ran' ? result.verdicts.filter((v) => v.outcome === 'fail').map((v) => v.check).sort().join(',') : '';
}

/**
 * The `runs` random valid cases of one operation under a seed, in the order a run sends them: the
 * exploration sends exactly these, and `--dry-run` lists them without sending.
 */
export function sampleRandomCases(
  prepared: PreparedOperation,
  fixtures: Readonly<Record<string, string>>,
  seed: number,
  runs: number,
  keep: (index: number) => boolean = () => true,
): Array<{ readonly index: number; readonly testCase: Case }> {
  if (runs <= 0) return [];
  const arbitrary = validRequestArbitrary(prepared.operation, { seed, fixtures }, prepared.validators);
  // The whole seeded sequence is drawn, then filtered: a shard keeps its indexes, so its ids and requests
  // are those of the unsharded run.
  return fc
    .sample(arbitrary, { seed, numRuns: runs })
    .flatMap((request, index) => (keep(index) ? [{ index, testCase: randomCase(prepared.operation.operationId, seed, String(index), request) }] : []));
}

/**
 * Random exploration of one operation: the `runs` valid requests of `sampleRandomCases` are sent concurrently; the first failure of each kind is shrunk by fast-check to a minimal request
 * that fails the same checks, re-validated so a shrunk case never stops being valid, and reported
 * instead of the original.
 */
export async function exploreRandom(prepared: PreparedOperation, runs: number, context: RunContext, emit: (result: CaseResult) => void, keep?: (index: number) => boolean): Promise<void> {
  const cases = sampleRandomCases(prepared, context.fixtures, context.seed, runs, keep);
  if (cases.length === 0) return;
  context.collector.addPlanned(prepared.operation.operationId, cases.length);
  const firstFailures = new Map<string, { index: number; result: CaseResult }>();
  const started = new Set<number>();
  await runPool(cases, context.runnerOptions.concurrency, context.signal, async ({ testCase, index }) => {
    started.add(index);
    const result = await executeCase(testCase, prepared, context);
    const signature = failingChecks(result);
    if (signature === '') return emit(result);
    const held = firstFailures.get(signature);
    if (held && held.index < index) return emit(result);
    if (held) emit(held.result);
    firstFailures.set(signature, { index, result });
  });
  // Planned and never sent (the run stopped): counted as not run, so planned = ran + not run.
  for (const { testCase, index } of cases) {
    if (!started.has(index)) emit({ status: 'not-run', case: testCase, reason: `not sent: ${context.stopped?.() ?? 'the run was interrupted'}` });
  }
  for (const [signature, { index, result }] of firstFailures) {
    // A transport failure (timeout, reset) is about the server's health, not the request: shrinking it
    // would only repeat slow failures.
    const shrinkable = !context.signal.aborted && !signature.split(',').includes('transport');
    emit(shrinkable ? await shrink(prepared, context, signature, index, result) : result);
  }
}

async function shrink(prepared: PreparedOperation, context: RunContext, signature: string, index: number, original: CaseResult): Promise<CaseResult> {
  const { operationId } = prepared.operation;
  const arbitrary = validRequestArbitrary(prepared.operation, { seed: context.seed, fixtures: context.fixtures }, prepared.validators);
  let sent = 0;
  let smallest: CaseResult = original;
  const details = await fc.check(
    fc.asyncProperty(arbitrary, async (request) => {
      if (sent >= SHRINK_BUDGET || context.signal.aborted) return true;
      // A shrunk request that left the schema proves nothing about the server: treat it as passing.
      if (!classifyRequest(prepared.constraints, prepared.validators, request).valid) return true;
      sent += 1;
      const result = await executeCase(randomCase(operationId, context.seed, 'shrinking', request), prepared, context);
      if (failingChecks(result) !== signature) return true;
      smallest = result;
      return false;
    }),
    { seed: context.seed, path: String(index) },
  );
  if (!details.failed || !details.counterexamplePath || smallest === original) return original;
  const shrunkCase = randomCase(operationId, context.seed, details.counterexamplePath, smallest.case.request);
  return { ...smallest, case: shrunkCase, ...(smallest.status === 'ran' ? { exchange: { ...smallest.exchange, case: shrunkCase } } : {}) } as CaseResult;
}
