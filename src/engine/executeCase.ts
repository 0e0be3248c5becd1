import { runChecks } from '../checks/runChecks.ts';
import type { Case } from '../model/Case.ts';
import { RequestBudgetError } from '../runner/RequestBudgetError.ts';
import { RunInterruptedError } from '../runner/RunInterruptedError.ts';
import type { CaseResult } from '../model/CaseResult.ts';
import type { PreparedOperation } from './PreparedOperation.ts';
import type { RunContext } from './RunContext.ts';

/** The fixture a case needs but the user did not give, if any. */
export function missingFixture(testCase: Case, prepared: PreparedOperation, fixtures: Readonly<Record<string, string>>): string | undefined {
  if (!testCase.needsFixture) return undefined;
  const names = prepared.operation.parameters.filter((p) => p.in === 'path').map((p) => p.name);
  return names.find((name) => fixtures[name] === undefined) ?? undefined;
}

/** Sends one case and checks the exchange; a case that needs a missing fixture is reported as not run. */
export async function executeCase(testCase: Case, prepared: PreparedOperation, context: RunContext): Promise<CaseResult> {
  const missing = missingFixture(testCase, prepared, context.fixtures);
  if (missing !== undefined) {
    return { status: 'not-run', case: testCase, reason: `needs an existing resource: give --fixture ${missing}=ID` };
  }
  let exchange;
  try {
    exchange = await context.runner.send(testCase, prepared.baseUrl, prepared.operation.credentialSchemes);
  } catch (error) {
    if (error instanceof RunInterruptedError) return { status: 'not-run', case: testCase, reason: 'the run was interrupted' };
    // The budget protects the target: stop sending, keep everything that ran.
    if (!(error instanceof RequestBudgetError)) throw error;
    context.stop(error.message);
    return { status: 'not-run', case: testCase, reason: error.message };
  }
  const verdicts = runChecks(exchange, { operation: prepared.operation, validators: prepared.validators, expectations: prepared.expectations }, prepared.constraints);
  return { status: 'ran', case: testCase, exchange, verdicts };
}
