import fc from 'fast-check';
import { unplannedIntents } from '../checks/unplannedIntents.ts';
import { ConformanceError, SpecError } from '../errors/ConformanceError.ts';
import type { Case } from '../model/Case.ts';
import type { DroppedCase } from '../plan/DroppedCase.ts';
import { planCases } from '../plan/planCases.ts';
import type { PlanOptions } from '../plan/PlanOptions.ts';
import { validRequestArbitrary } from '../plan/validRequestArbitrary.ts';
import type { PreparedOperation } from './PreparedOperation.ts';

/** What the planner and the random arbitrary need of an operation: the seed, fixtures and value restrictions. */
export function planOptions(prepared: PreparedOperation, seed: number, fixtures: Readonly<Record<string, string>>): PlanOptions {
  return { seed, fixtures, ...(prepared.restrictions ? { restrictions: prepared.restrictions } : {}) };
}

export interface OperationPlan {
  readonly cases: readonly Case[];
  /** Planned cases left out before sending, each with its reason. */
  readonly dropped: readonly DroppedCase[];
}

/**
 * The deterministic plan of each operation under one seed, computed once per set of fixtures and shared
 * by the probes, the `--case` check and the run itself.
 */
export class Planner {
  readonly #plans = new Map<string, OperationPlan>();

  constructor(readonly seed: number) {}

  plan(prepared: PreparedOperation, fixtures: Readonly<Record<string, string>>): OperationPlan {
    const key = `${prepared.operation.operationId}\u0000${JSON.stringify(Object.entries(fixtures).sort())}`;
    let held = this.#plans.get(key);
    if (!held) {
      const dropped: DroppedCase[] = [];
      const planned = planCases(prepared.operation, prepared.constraints, prepared.validators, { ...planOptions(prepared, this.seed, fixtures), onDropped: (d) => dropped.push(d) });
      // A case that only skipped checks would judge is not sent.
      const unplanned = unplannedIntents(prepared.expectations.skipChecks);
      const cases = planned.filter((c) => {
        const skipped = unplanned.get(c.intent.kind);
        if (skipped) dropped.push({ case: c, brokenConstraintIds: c.breaks ?? [], reason: `only skipped checks judge it (skipChecks: ${skipped.join(', ')})` });
        return skipped === undefined;
      });
      held = { cases, dropped };
      this.#plans.set(key, held);
    }
    return held;
  }

  /**
   * Builds every operation's plan and draws a few random requests, before anything is sent: a schema
   * the generators cannot satisfy is a schema error naming the operation (and the JSON pointer), never a
   * crash halfway through a run.
   */
  preflight(operations: readonly PreparedOperation[], fixtures: Readonly<Record<string, string>>, runs: number): void {
    for (const prepared of operations) {
      try {
        this.plan(prepared, fixtures);
        if (runs > 0) fc.sample(validRequestArbitrary(prepared.operation, planOptions(prepared, this.seed, fixtures), prepared.validators), { seed: this.seed, numRuns: Math.min(runs, 5) });
      } catch (cause) {
        const where = `${prepared.specFile}: ${prepared.operation.operationId}`;
        if (cause instanceof SpecError) throw new SpecError(cause.code as 'CONF_ERR_SPEC_INVALID', `${where}: ${cause.message}`, { cause });
        if (cause instanceof ConformanceError) throw cause;
        throw new SpecError('CONF_ERR_SPEC_INVALID', `${where}: cannot generate requests from the document: ${(cause as Error).message.split('\n')[0]}`, { cause });
      }
    }
  }
}
