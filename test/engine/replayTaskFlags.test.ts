import { beforeAll, expect, test } from 'vitest';
import { replayCommandFor } from '../../src/engine/replayCommandFor.ts';
import type { PreparedOperation } from '../../src/engine/PreparedOperation.ts';
import type { RunInvocation } from '../../src/model/RunReport.ts';
import { loadSpecs } from '../../src/openapi/loadSpecs.ts';
import { shellWords } from '../helpers/shellWords.ts';

let prepared: PreparedOperation;

beforeAll(async () => {
  const operation = (await loadSpecs()).flatMap((s) => s.operations).find((o) => o.operationId === 'upgradeInterconnectAppliance')!;
  prepared = { operation, baseUrl: 'http://127.0.0.1:1', targetName: 'http://127.0.0.1:1', targetFixtures: {}, targetHeaders: {} } as PreparedOperation;
});

test("a replay keeps the run's task deadline and the embedded mock's task duration: a task that outlived them is judged the same", () => {
  const invocation: RunInvocation = { embeddedMock: true, mock: { taskDurationMs: 5 }, specs: [], fixtures: {}, credentialHeaders: [], token: false, allowMutations: false, taskDeadlineMs: 4000 };
  expect(shellWords(replayCommandFor('c:1', 3, prepared, invocation))).toEqual(expect.arrayContaining(['--mock-task-duration', '5', '--task-deadline', '4000']));
  const plain = shellWords(replayCommandFor('c:1', 3, prepared, { ...invocation, mock: {}, taskDeadlineMs: undefined }));
  expect(plain).not.toContain('--task-deadline');
  expect(plain).not.toContain('--mock-task-duration');
});
