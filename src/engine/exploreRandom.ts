import fc from 'fast-check';
import type { Case, PlannedRequest, RuleEdge } from '../model/Case.ts';
import type { CaseResult } from '../model/CaseResult.ts';
import { unplannedIntents } from '../checks/unplannedIntents.ts';
import { classifyRequest } from '../plan/classifyRequest.ts';
import { edgeOf } from '../plan/edgeOf.ts';
import { finiteRequestDomain } from '../plan/finiteRequestDomain.ts';
import { planCases } from '../plan/planCases.ts';
import type { PlanOptions } from '../plan/PlanOptions.ts';
import { requestFingerprint } from '../plan/requestFingerprint.ts';
import { excludedBy } from '../plan/restrictedValue.ts';
import { validRequestArbitrary } from '../plan/validRequestArbitrary.ts';
import { executeCase } from './executeCase.ts';
import type { FailedEdges } from './FailedEdges.ts';
import { planOptions } from './Planner.ts';
import type { PreparedOperation } from './PreparedOperation.ts';
import type { RunContext } from './RunContext.ts';
import { runPool } from './runPool.ts';

/** Requests sent while shrinking one counterexample, at most. */
const SHRINK_BUDGET = 150;

/** Id of a random case: the fast-check path under the run's seed replays exactly this request. */
export function randomCaseId(operationId: string, seed: number, path: string): string {
  return `${operationId}:random:${seed}:${path}`;
}

/**
 * The random case at a fast-check path: its id replays exactly this request. `edgeOf` says which rule's
 * edge the request stands for (src/plan/edgeOf.ts): a failure of it is keyed as that boundary case's.
 */
export function randomCase(operationId: string, seed: number, path: string, request: PlannedRequest, edgeOf?: (request: PlannedRequest) => RuleEdge | undefined): Case {
  const edge = edgeOf?.(request);
  return { id: randomCaseId(operationId, seed, path), operationId, intent: { kind: 'valid', label: `random #${path}`, ...(edge ? { edge } : {}) }, request, seed, needsFixture: true };
}

/** What every random case of an operation under a seed is made with: the plan options, the planned cases, the edge finder. */
interface RandomSetup {
  readonly options: PlanOptions;
  readonly planned: readonly Case[];
  readonly edgeOf: (request: PlannedRequest) => RuleEdge | undefined;
}

function randomSetup(prepared: PreparedOperation, fixtures: Readonly<Record<string, string>>, seed: number, failed?: FailedEdges): RandomSetup {
  const options = planOptions(prepared, seed, fixtures);
  const planned = planCases(prepared.operation, prepared.constraints, prepared.validators, options);
  const { operationId } = prepared.operation;
  return { options, planned, edgeOf: edgeOf(prepared.operation, prepared.constraints, planned, (edge) => failed?.has(operationId, edge) ?? false) };
}

/** A random case named by `--case`, rebuilt from its path. */
export function replayedRandomCase(prepared: PreparedOperation, fixtures: Readonly<Record<string, string>>, seed: number, path: string): Case {
  const request = randomRequestAt(prepared, fixtures, seed, path);
  return randomCase(prepared.operation.operationId, seed, path, request, randomSetup(prepared, fixtures, seed).edgeOf);
}

/** A path that names one request of a listed finite domain (`c<index>`), not a fast-check path. */
const LISTED_PATH = /^c(\d+)$/;

/**
 * The request at a random case's path: a fast-check path of the operation's valid-request arbitrary, or
 * `c<index>` into its listed finite domain (replay of a random case).
 */
export function randomRequestAt(prepared: PreparedOperation, fixtures: Readonly<Record<string, string>>, seed: number, path: string): PlannedRequest {
  const options = planOptions(prepared, seed, fixtures);
  const listed = LISTED_PATH.exec(path);
  if (listed) {
    const request = finiteRequestDomain(prepared.operation, options, prepared.validators)?.[Number(listed[1])];
    if (!request) throw new Error(`no random request at path ${path}`);
    return request;
  }
  const arbitrary = validRequestArbitrary(prepared.operation, options, prepared.validators);
  const details = fc.check(
    fc.property(arbitrary, (_request: PlannedRequest) => false),
    { seed, path, endOnFailure: true },
  );
  const value = details.counterexample?.[0];
  if (!value) throw new Error(`no random request at path ${path}`);
  return value;
}

function failingChecks(result: CaseResult): string {
  return result.status === 'ran'
    ? result.verdicts
        .filter((v) => v.outcome === 'fail')
        .map((v) => v.check)
        .sort()
        .join(',')
    : '';
}

/** One random case as sampled: `fingerprint` identifies its request, so answers are looked up without hashing again. */
export interface RandomCase {
  readonly index: number;
  readonly testCase: Case;
  readonly listed: boolean;
  readonly fingerprint: string;
}

/** Draws per random case at most: duplicates are skipped, so a few more are drawn than kept. */
const DRAWS_PER_CASE = 2;

/**
 * The `runs` random valid cases of one operation under a seed, in the order a run sends them: the
 * exploration sends exactly these, and `--dry-run` lists them without sending. No request is sent twice
 * in a run: a draw identical to an earlier one, or to a planned case, is skipped. When the operation's
 * valid requests are few (`finiteRequestDomain`, at most `runs`), each is listed once (ids `…:c<index>`)
 * instead of being sampled. A request carrying a value a restriction excludes is never among them.
 */
export function sampleRandomCases(prepared: PreparedOperation, fixtures: Readonly<Record<string, string>>, seed: number, runs: number, keep: (index: number) => boolean = () => true): RandomCase[] {
  // Random requests are valid ones: none is sent when only skipped checks would judge them.
  if (runs <= 0 || unplannedIntents(prepared.expectations.skipChecks).has('valid')) return [];
  return sampleWith(prepared, randomSetup(prepared, fixtures, seed), seed, runs, keep);
}

function sampleWith(prepared: PreparedOperation, setup: RandomSetup, seed: number, runs: number, keep: (index: number) => boolean): RandomCase[] {
  const { operationId } = prepared.operation;
  const { options, planned, edgeOf: edge } = setup;
  const restrictions = prepared.restrictions ?? [];
  const seen = new Set(planned.map((c) => requestFingerprint(c.request)));
  // Whether the request is sent for the first time in this run (it is then remembered). Decided over the
  // whole sequence before a shard keeps its indexes, so the shards together send the unsharded run's cases.
  const fresh = (request: PlannedRequest): string | undefined => {
    const fingerprint = requestFingerprint(request);
    if (seen.has(fingerprint) || excludedBy(request, restrictions) !== undefined) return undefined;
    seen.add(fingerprint);
    return fingerprint;
  };
  const domain = finiteRequestDomain(prepared.operation, options, prepared.validators);
  if (domain && domain.length <= runs) {
    return domain.flatMap((request, index) => {
      const fingerprint = fresh(request);
      return fingerprint !== undefined && keep(index) ? [{ index, testCase: randomCase(operationId, seed, `c${index}`, request, edge), listed: true, fingerprint }] : [];
    });
  }
  const arbitrary = validRequestArbitrary(prepared.operation, options, prepared.validators);
  const out: RandomCase[] = [];
  let taken = 0;
  for (const [index, request] of fc.sample(arbitrary, { seed, numRuns: runs * DRAWS_PER_CASE }).entries()) {
    if (taken >= runs) break;
    const fingerprint = fresh(request);
    if (fingerprint === undefined) continue;
    taken += 1;
    if (keep(index)) out.push({ index, testCase: randomCase(operationId, seed, String(index), request, edge), listed: false, fingerprint });
  }
  return out;
}

/**
 * Random exploration of one operation: the `runs` valid requests of `sampleRandomCases` are sent concurrently; the first failure of each kind is shrunk by fast-check to a minimal request
 * that fails the same checks, re-validated so a shrunk case never stops being valid, and reported
 * instead of the original.
 */
export async function exploreRandom(prepared: PreparedOperation, runs: number, context: RunContext, emit: (result: CaseResult) => void, keep?: (index: number) => boolean): Promise<void> {
  if (runs <= 0 || unplannedIntents(prepared.expectations.skipChecks).has('valid')) return;
  const setup = randomSetup(prepared, context.fixtures, context.seed, context.failedEdges);
  const cases = sampleWith(prepared, setup, context.seed, runs, keep ?? (() => true));
  if (cases.length === 0) return;
  context.collector.addPlanned(prepared.operation.operationId, cases.length);
  const firstFailures = new Map<string, { index: number; result: CaseResult }>();
  const started = new Set<number>();
  // Every answer by request: shrinking starts from requests already sent, and never sends one twice.
  const answered = new Map<string, CaseResult>();
  await runPool(cases, context.runnerOptions.concurrency, context.signal, async ({ testCase, index, listed, fingerprint }) => {
    started.add(index);
    const result = await executeCase(testCase, prepared, context);
    answered.set(fingerprint, result);
    const signature = failingChecks(result);
    // A listed domain tries every request once: each failure is its own, with nothing to shrink.
    if (signature === '' || listed) return emit(result);
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
    emit(shrinkable ? await shrink(prepared, context, setup, signature, index, result, answered) : result);
  }
}

async function shrink(
  prepared: PreparedOperation,
  context: RunContext,
  setup: RandomSetup,
  signature: string,
  index: number,
  original: CaseResult,
  answered: Map<string, CaseResult>,
): Promise<CaseResult> {
  const { operationId } = prepared.operation;
  const arbitrary = validRequestArbitrary(prepared.operation, setup.options, prepared.validators);
  let sent = 0;
  let smallest: CaseResult = original;
  const details = await fc.check(
    fc.asyncProperty(arbitrary, async (request) => {
      if (sent >= SHRINK_BUDGET || context.signal.aborted) return true;
      // A shrunk request that left the schema proves nothing about the server: treat it as passing.
      if (!classifyRequest(prepared.constraints, prepared.validators, request).valid) return true;
      const fingerprint = requestFingerprint(request);
      let result = answered.get(fingerprint);
      if (!result) {
        sent += 1;
        result = await executeCase(randomCase(operationId, context.seed, 'shrinking', request, setup.edgeOf), prepared, context);
        answered.set(fingerprint, result);
      }
      if (failingChecks(result) !== signature) return true;
      smallest = result;
      return false;
    }),
    { seed: context.seed, path: String(index) },
  );
  if (!details.failed || !details.counterexamplePath || smallest === original) return original;
  const shrunkCase = randomCase(operationId, context.seed, details.counterexamplePath, smallest.case.request, setup.edgeOf);
  return { ...smallest, case: shrunkCase, ...(smallest.status === 'ran' ? { exchange: { ...smallest.exchange, case: shrunkCase } } : {}) };
}
