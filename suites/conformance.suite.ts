/**
 * The conformance suites as vitest tests: one test per operation and check, so JUnit and vitest filters
 * see them by name. The engine runs once (against CONFORMANCE_TARGET, or the embedded mock) and each
 * test asserts that its check found no violation.
 *
 *   npx vitest run --project conformance
 *   CONFORMANCE_TARGET=https://hcx.example CONFORMANCE_CONFIG=conformance.yaml npx vitest run --project conformance -t upgradeInterconnectAppliance
 */
import { describe, expect, test } from 'vitest';
import { checkRegistry } from '../src/checks/registry.ts';
import { loadConfigFile, resolveConfig } from '../src/config/resolveConfig.ts';
import { startMockServer } from '../mock/startMockServer.ts';
import { runConformance } from '../src/engine/runConformance.ts';

const env = process.env;
const file = env.CONFORMANCE_CONFIG ? await loadConfigFile(env.CONFORMANCE_CONFIG) : {};
const config = resolveConfig(file, {
  ...(env.CONFORMANCE_TARGET ? { target: env.CONFORMANCE_TARGET } : {}),
  ...(env.CONFORMANCE_MOCK_FAULT ? { mock: { fault: env.CONFORMANCE_MOCK_FAULT } } : {}),
});
const report = await runConformance(config, { reporters: [], embeddedTarget: startMockServer });

for (const operation of report.operations) {
  describe(operation.operationId, () => {
    // A run that could not test the operation (refused credential, wrong base URL) is not a pass.
    test('the run could test this operation', () => {
      expect(operation.cause ?? '').toBe('');
    });
    for (const check of checkRegistry.keys()) {
      const cell = report.checks.find((c) => c.operationId === operation.operationId && c.check === check);
      test.skipIf(cell?.outcome === 'n/a')(check, async ({ annotate }) => {
        const mine = report.findings.filter((f) => f.operationId === operation.operationId && f.check === check);
        const describe = (f: (typeof mine)[number]) => `${f.constraintId ?? f.check}: ${f.message}\n  ${f.curl}`;
        // Warnings (rules the page does not state) are shown, never failed; failures fail the test.
        for (const warning of mine.filter((f) => f.severity === 'warning')) await annotate(`warning [${warning.provenance}] ${describe(warning)}`, 'warning');
        expect(mine.filter((f) => f.severity === 'failure').map(describe)).toEqual([]);
      });
    }
  });
}
