import type { Case } from '../model/Case.ts';
import { planCases } from '../plan/planCases.ts';
import type { HttpRunner } from '../runner/HttpRunner.ts';
import type { PreparedOperation } from './PreparedOperation.ts';

/**
 * Path ids the user did not give are taken from the document's parameter examples (the vendor pages'
 * own ids) when, and only when, the server knows them: the document's example request with those ids
 * is sent once and must be answered 2xx. Otherwise the cases that need a resource stay not run.
 */
export async function discoverFixtures(
  operations: readonly PreparedOperation[],
  given: Readonly<Record<string, string>>,
  runner: HttpRunner,
  seed: number,
): Promise<Record<string, string>> {
  const fixtures: Record<string, string> = { ...given };
  for (const prepared of operations) {
    const pathParams = prepared.operation.parameters.filter((p) => p.in === 'path');
    const missing = pathParams.filter((p) => fixtures[p.name] === undefined);
    if (missing.length === 0 || missing.some((p) => typeof p.example !== 'string')) continue;
    const candidate = { ...fixtures, ...Object.fromEntries(missing.map((p) => [p.name, p.example as string])) };
    const probe: Case | undefined = planCases(prepared.operation, prepared.constraints, prepared.validators, { seed, fixtures: candidate }).find(
      (c) => c.intent.kind === 'valid' && !c.needsFixture,
    );
    if (!probe) continue;
    const exchange = await runner.send(probe, prepared.baseUrl, prepared.operation.credentialSchemes);
    const status = exchange.response?.status ?? 0;
    if (status >= 200 && status <= 299) Object.assign(fixtures, candidate);
  }
  return fixtures;
}
