import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

/** Runs the vitest conformance project in a child process, with vitest's own JUnit reporter. */
function runSuites(env: Record<string, string>): { status: number | null; junit: string } {
  const dir = mkdtempSync(join(tmpdir(), 'suites-'));
  const junitPath = join(dir, 'junit.xml');
  const child = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--project', 'conformance', '--reporter', 'junit', '--outputFile', junitPath], {
    cwd: join(import.meta.dirname, '..', '..'),
    env: { ...process.env, CI: 'true', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: child.status, junit: readFileSync(junitPath, 'utf8') };
}

const failedTests = (junit: string): string[] => [...junit.matchAll(/<testcase classname="[^"]*" name="([^"]+)"[^>]*>\s*<failure/g)].map((m) => m[1]!);

describe('suites/: one vitest test per operation and check', () => {
  test('pass on the correct mock', () => {
    const { status, junit } = runSuites({});
    expect(status).toBe(0);
    expect(junit).toContain('name="updateHostedConnect &gt; response-schema"');
    expect(junit).toContain('name="upgradeInterconnectAppliance &gt; auth-required"');
    expect(failedTests(junit)).toEqual([]);
  });

  test('fail exactly the check a fault profile breaks', () => {
    const { status, junit } = runSuites({ CONFORMANCE_MOCK_FAULT: 'dc-vlan-4000' });
    expect(status).toBe(1);
    expect(failedTests(junit)).toEqual(['updateHostedConnect &gt; response-schema']);
  });
});
