import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';

// Validators compiled by the tests are cached outside the (possibly shared) node_modules.
const CONFORMANCE_CACHE_DIR = join(tmpdir(), 'interconnect-conformance-test-cache');

export default defineConfig({
  test: {
    // The tests mostly wait on loopback servers and child processes: two workers on two cores
    // (vitest's default leaves one core idle).
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          environment: 'node',
          // A worker runs its test files one after another in one module graph: the sources, the loaded
          // documents and compiled validators are loaded once per worker, not once per file (a third of
          // the time of the quick files). The tests restore what they change of the process (its environment).
          isolate: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
          env: { PACT_DO_NOT_TRACK: 'true', CONFORMANCE_CACHE_DIR },
        },
      },
      {
        test: {
          name: 'conformance',
          include: ['suites/**/*.suite.ts'],
          // The parts of the plan run one after another: against a real server, one run's rate limit and budget, not four.
          fileParallelism: false,
          // One module graph for the four parts: the sources and documents load once.
          isolate: false,
          environment: 'node',
          testTimeout: 300_000,
          hookTimeout: 300_000,
          env: { PACT_DO_NOT_TRACK: 'true', CONFORMANCE_CACHE_DIR },
        },
      },
    ],
  },
});
