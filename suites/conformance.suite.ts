/**
 * The conformance suites as vitest tests: one test per operation and check, so JUnit and vitest filters
 * see them by name. The engine runs once (against CONFORMANCE_TARGET, or the embedded mock) and each
 * test asserts that its check found no violation.
 *
 *   npx vitest run --project conformance
 *   CONFORMANCE_TARGET=https://hcx.example CONFORMANCE_CONFIG=conformance.yaml npx vitest run --project conformance -t upgradeInterconnectAppliance
 */
import { describe, expect, test } from 'vitest';
import { runConformance } from '../src/index.ts';

const env = process.env;
// Exactly the programmatic API a user has (README "Use it from code"); no target: the embedded mock.
const report = await runConformance({
  ...(env.CONFORMANCE_CONFIG ? { configFile: env.CONFORMANCE_CONFIG } : {}),
  ...(env.CONFORMANCE_TARGET ? { target: env.CONFORMANCE_TARGET } : {}),
  ...(env.CONFORMANCE_MOCK_FAULT ? { mock: { fault: env.CONFORMANCE_MOCK_FAULT } } : {}),
});

for (const operation of report.operations) {
  describe(operation.operationId, () => {
    // A run that could not test the operation (refused credential, wrong base URL) is not a pass.
    test('the run could test this operation', () => {
      expect(operation.cause ?? '').toBe('');
    });
    // The report's check table has a cell for every check of every operation.
    for (const cell of report.checks.filter((c) => c.operationId === operation.operationId)) {
      const { check } = cell;
      test.skipIf(cell.outcome === 'n/a')(check, async ({ annotate }) => {
        const mine = report.findings.filter((f) => f.operationId === operation.operationId && f.check === check);
        const describe = (f: (typeof mine)[number]) => `${f.constraintId ?? f.check}: ${f.message}\n  ${f.curl}`;
        // Warnings (rules the page does not state) are shown, never failed; failures fail the test.
        for (const warning of mine.filter((f) => f.severity === 'warning')) await annotate(`warning [${warning.provenance}] ${describe(warning)}`, 'warning');
        expect(mine.filter((f) => f.severity === 'failure').map(describe)).toEqual([]);
      });
    }
  });
}
