/**
 * The conformance suites as vitest tests: one test per operation (and target) and check, so JUnit and
 * vitest filters see them by name. Each `part-I.suite.ts` file runs part I of PARTS of the plan (the
 * engine's `--shard I/PARTS`), so vitest's own `--shard` spreads the suites over machines by file and the
 * parts together send exactly the cases of one run. Each test asserts that its check found no failure.
 *
 *   npx vitest run --project conformance
 *   npx vitest run --project conformance --shard=1/2
 *   CONFORMANCE_TARGET=https://hcx.example CONFORMANCE_CONFIG=conformance.yaml npx vitest run --project conformance -t upgradeInterconnectAppliance
 */
import { describe, expect, test } from 'vitest';
import { runConformance } from '../src/index.ts';

/** How many parts (files) the plan is split into. */
export const PARTS = 4;

export async function defineConformanceSuite(part: number): Promise<void> {
  const env = process.env;
  // Exactly the programmatic API a user has (README "Use it from code"); no target: the embedded mock.
  const report = await runConformance({
    ...(env.CONFORMANCE_CONFIG ? { configFile: env.CONFORMANCE_CONFIG } : {}),
    ...(env.CONFORMANCE_TARGET ? { target: env.CONFORMANCE_TARGET } : {}),
    ...(env.CONFORMANCE_MOCK_FAULT ? { mock: { fault: env.CONFORMANCE_MOCK_FAULT } } : {}),
    shard: { index: part, total: PARTS },
  });
  // Several servers for one operation: each is its own group of tests.
  const several = new Set(report.operations.map((o) => o.operationId)).size < report.operations.length;
  for (const operation of report.operations) {
    const name = several ? `${operation.operationId} @ ${operation.targetName}` : operation.operationId;
    describe(name, () => {
      // A run that could not test the operation (refused credential, wrong base URL) is not a pass.
      test('the run could test this operation', () => {
        expect(operation.cause ?? '').toBe('');
      });
      // The report's check table has a cell for every check of every operation at every target.
      const here = <T extends { readonly operationId: string; readonly target: string }>(item: T): boolean => item.operationId === operation.operationId && item.target === operation.targetName;
      for (const cell of report.checks.filter(here)) {
        const { check } = cell;
        test.skipIf(cell.outcome === 'n/a')(check, async ({ annotate }) => {
          const mine = report.findings.filter((f) => here(f) && f.check === check);
          const describeFinding = (f: (typeof mine)[number]) => `${f.constraintId ?? f.check}: ${f.message}\n  ${f.curl}`;
          // Warnings (rules the page does not state) are shown, never failed; failures fail the test.
          for (const warning of mine.filter((f) => f.severity === 'warning')) await annotate(`warning [${warning.provenance}] ${describeFinding(warning)}`, 'warning');
          expect(mine.filter((f) => f.severity === 'failure').map(describeFinding)).toEqual([]);
        });
      }
    });
  }
}
