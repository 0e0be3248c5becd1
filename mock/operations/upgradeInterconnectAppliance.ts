import { randomUUID } from 'node:crypto';
import { hcxErrors } from '../dialects/hcxErrors.ts';
import type { ResourceLookup } from '../FaultHooks.ts';
import type { Appliance, MockState } from '../MockState.ts';
import { CORRECT_TASK } from '../MockTasks.ts';
import { parameterExample } from '../exampleOf.ts';
import { resourceKey } from '../startTasks.ts';
import type { OperationHandler } from './OperationHandler.ts';

/** A seeded appliance with an upgrade still running: upgrading it again is refused with 422. */
export const BUSY_APPLIANCE_ID = '7a1c3e55-94d2-4b8e-b0f6-2d9e8c41a7b3';
const BUSY_TASK_ID = 'c3f1b2a4-5d6e-4f70-8a9b-0c1d2e3f4a5b';
const DEFAULT_APPLIANCE_ID = '20ef77b0-2a69-4a4e-9a8a-2ac5a4f0c1d3';

function appliance(applianceId: string, name: string): Appliance {
  return { applianceId, name, applianceType: 'HCX-WAN-IX', currentVersion: '4.10.0', availableVersion: '4.11.0' };
}

/**
 * POST /hybridity/api/interconnect/appliances/{applianceId}/upgrade: starts an upgrade task (the mock
 * runs it through the states the document's link lists: `startTasks`); while it runs, another upgrade
 * of the appliance is refused with 422.
 */
export const upgradeInterconnectAppliance: OperationHandler = {
  operationId: 'upgradeInterconnectAppliance',
  errors: hcxErrors,

  seed(state, operation) {
    const applianceId = parameterExample(operation, 'applianceId', DEFAULT_APPLIANCE_ID);
    state.appliances.set(applianceId, appliance(applianceId, 'site-a-IX-I1'));
    state.appliances.set(BUSY_APPLIANCE_ID, appliance(BUSY_APPLIANCE_ID, 'site-a-IX-I2'));
    const link = operation?.responses.flatMap((r) => r.links ?? []).find((l) => l.task !== undefined);
    if (link?.task) {
      state.linkTasks.start({
        id: BUSY_TASK_ID,
        linkedOperationId: link.operationId,
        resource: resourceKey(this.operationId, BUSY_APPLIANCE_ID),
        spec: link.task,
        startedAt: Date.parse('2026-01-01T00:00:00.000Z'),
        durationMs: 0,
        plan: { ...CORRECT_TASK, end: 'never' },
        origin: { applianceId: BUSY_APPLIANCE_ID },
      });
    }
    return { applianceId };
  },

  lookup(state: MockState): ResourceLookup<unknown> {
    return {
      get: (id) => state.appliances.get(id),
      ids: () => state.appliances.keys(),
      synthesize: (id) => appliance(id, 'unknown'),
    };
  },

  handle(ctx, resource, state) {
    const target = resource as Appliance;
    const running = state.linkTasks.running(resourceKey(ctx.operationId, target.applianceId));
    if (running) {
      return {
        status: 422,
        json: {
          data: { interconnectTaskId: running.id, applianceId: target.applianceId },
          warnings: [],
          errors: [{ code: 'UPGRADE_IN_PROGRESS', message: 'An upgrade of this appliance is already in progress.' }],
        },
      };
    }
    return { status: 202, json: { data: { interconnectTaskId: randomUUID(), applianceId: target.applianceId }, warnings: [], errors: [] } };
  },
};
