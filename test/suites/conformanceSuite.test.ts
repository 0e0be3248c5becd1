import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

/** How long one nested vitest run may take before it and every worker it started are killed. */
const RUN_LIMIT_MS = 90_000;

/**
 * Runs the vitest conformance project in a child process, with vitest's own JUnit reporter. Never
 * synchronously: a blocked event loop would keep vitest's own test timeout from firing. The child leads
 * its own process group, so a run past its limit is killed with the workers it forked (they would
 * otherwise outlive it).
 */
async function runSuites(env: Record<string, string>, args: readonly string[] = []): Promise<{ status: number | null; junit: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'suites-'));
  const junitPath = join(dir, 'junit.xml');
  const child = spawn(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--project', 'conformance', '--reporter', 'junit', '--outputFile', junitPath, ...args], {
    cwd: join(import.meta.dirname, '..', '..'),
    env: { ...process.env, CI: 'true', ...env },
    stdio: 'ignore',
    detached: true,
  });
  const killGroup = () => {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // The group has already exited.
    }
  };
  const limit = setTimeout(killGroup, RUN_LIMIT_MS);
  try {
    const status = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code) => resolve(code));
    });
    return { status, junit: await readFile(junitPath, 'utf8') };
  } finally {
    clearTimeout(limit);
    killGroup();
  }
}

const failedTests = (junit: string): string[] => [...new Set([...junit.matchAll(/<testcase classname="[^"]*" name="([^"]+)"[^>]*>\s*<failure/g)].map((m) => m[1]!))];
/** The suite files a JUnit report holds (vitest names each <testsuite> after its file). */
const files = (junit: string): string[] => [...junit.matchAll(/<testsuite name="([^"]+)"/g)].map((m) => m[1]!).sort();

describe('suites/: one vitest test per operation and check, in four parts of the plan', { timeout: 2 * RUN_LIMIT_MS }, () => {
  // The two halves of vitest's own --shard together are one whole run: both pass on the correct mock.
  test("pass on the correct mock, split over machines by vitest's own --shard: the halves hold every part of the plan once", async () => {
    const halves = await Promise.all([runSuites({}, ['--shard=1/2']), runSuites({}, ['--shard=2/2'])]);
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

  test('fail exactly the check a fault profile breaks', async () => {
    const { status, junit } = await runSuites({ CONFORMANCE_MOCK_FAULT: 'dc-vlan-4000' });
    expect(status).toBe(1);
    expect(failedTests(junit)).toEqual(['updateHostedConnect &gt; response-schema']);
  });
});
