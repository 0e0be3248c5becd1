import { runChecks } from '../checks/runChecks.ts';
import type { Case } from '../model/Case.ts';
import { AcceptedLimitError } from '../runner/AcceptedLimitError.ts';
import { RequestBudgetError } from '../runner/RequestBudgetError.ts';
import { RunInterruptedError } from '../runner/RunInterruptedError.ts';
import type { CaseResult } from '../model/CaseResult.ts';
import { excludedBy } from '../plan/restrictedValue.ts';
import { followedParts } from './LinkFollower.ts';
import type { PreparedOperation } from './PreparedOperation.ts';
import type { RunContext } from './RunContext.ts';
import { sendPolicyFor } from './sendPolicyFor.ts';

/** The fixtures a case needs but the run does not have (empty when it has them all). */
export function missingFixtures(testCase: Case, prepared: PreparedOperation, fixtures: Readonly<Record<string, string>>): string[] {
  if (!testCase.needsFixture) return [];
  return prepared.operation.parameters.filter((p) => p.in === 'path' && fixtures[p.name] === undefined).map((p) => p.name);
}

/** Sends one case and checks the exchange; a case that needs a missing fixture is reported as not run. */
export async function executeCase(testCase: Case, prepared: PreparedOperation, context: RunContext): Promise<CaseResult> {
  const missing = missingFixtures(testCase, prepared, context.fixtures);
  if (missing.length > 0) {
    return { status: 'not-run', case: testCase, reason: `needs an existing resource: give ${missing.map((name) => `--fixture ${name}=ID`).join(' ')}` };
  }
  // The last gate for every case, corpus and replayed ones included: an excluded value is never sent.
  const excluded = excludedBy(testCase.request, prepared.restrictions ?? []);
  if (excluded !== undefined) return { status: 'not-run', case: testCase, reason: `not sent: ${excluded}` };
  // One state-changing request at a time on a resource whose answers start tasks: the last one's task ends first.
  const turn = await context.links?.acquire(testCase, prepared);
  if (turn?.refused !== undefined) return { status: 'not-run', case: testCase, reason: `not sent: ${turn.refused}` };
  try {
    let exchange;
    try {
      exchange = await context.runner.send(testCase, prepared.baseUrl, prepared.operation.credentialSchemes, sendPolicyFor(prepared.operation, testCase));
    } catch (error) {
      if (error instanceof RunInterruptedError) return { status: 'not-run', case: testCase, reason: 'the run was interrupted' };
      // The resource took as many changes as allowed: this case is not sent, the others go on.
      if (error instanceof AcceptedLimitError) return { status: 'not-run', case: testCase, reason: error.message };
      // The budget protects the target: stop sending, keep everything that ran.
      if (!(error instanceof RequestBudgetError)) throw error;
      context.stop(error.message);
      return { status: 'not-run', case: testCase, reason: error.message };
    }
    const verdicts = runChecks(exchange, { operation: prepared.operation, validators: prepared.validators, expectations: prepared.expectations }, prepared.constraints);
    const followed = await context.links?.follow(exchange, prepared);
    if (!followed) return { status: 'ran', case: testCase, exchange, verdicts };
    return { status: 'ran', case: testCase, exchange, verdicts: [...verdicts, ...followed.verdicts], ...followedParts(followed) };
  } finally {
    turn?.release();
  }
}
