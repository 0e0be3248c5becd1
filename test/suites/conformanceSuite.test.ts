import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

/** Runs the vitest conformance project in a child process, with vitest's own JUnit reporter. */
function runSuites(env: Record<string, string>, args: readonly string[] = []): { status: number | null; junit: string } {
  const dir = mkdtempSync(join(tmpdir(), 'suites-'));
  const junitPath = join(dir, 'junit.xml');
  const child = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--project', 'conformance', '--reporter', 'junit', '--outputFile', junitPath, ...args], {
    cwd: join(import.meta.dirname, '..', '..'),
    env: { ...process.env, CI: 'true', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: child.status, junit: readFileSync(junitPath, 'utf8') };
}

const failedTests = (junit: string): string[] => [...new Set([...junit.matchAll(/<testcase classname="[^"]*" name="([^"]+)"[^>]*>\s*<failure/g)].map((m) => m[1]!))];
/** The suite files a JUnit report holds (vitest names each <testsuite> after its file). */
const files = (junit: string): string[] => [...junit.matchAll(/<testsuite name="([^"]+)"/g)].map((m) => m[1]!).sort();

describe('suites/: one vitest test per operation and check, in four parts of the plan', () => {
  // The two halves of vitest's own --shard together are one whole run: both pass on the correct mock.
  test("pass on the correct mock, split over machines by vitest's own --shard: the halves hold every part of the plan once", () => {
    const halves = [runSuites({}, ['--shard=1/2']), runSuites({}, ['--shard=2/2'])];
    for (const half of halves) {
      expect(half.status).toBe(0);
      expect(failedTests(half.junit)).toEqual([]);
    }
    const both = halves.map((h) => h.junit).join('\n');
    expect(both).toContain('name="updateHostedConnect &gt; response-schema"');
    expect(both).toContain('name="upgradeInterconnectAppliance &gt; auth-required"');
    const [first, second] = halves.map((h) => files(h.junit));
    expect(first!.length).toBe(2);
    expect([...first!, ...second!].sort()).toEqual(['suites/part-1.suite.ts', 'suites/part-2.suite.ts', 'suites/part-3.suite.ts', 'suites/part-4.suite.ts']);
  });

  test('fail exactly the check a fault profile breaks', () => {
    const { status, junit } = runSuites({ CONFORMANCE_MOCK_FAULT: 'dc-vlan-4000' });
    expect(status).toBe(1);
    expect(failedTests(junit)).toEqual(['updateHostedConnect &gt; response-schema']);
  });
});
