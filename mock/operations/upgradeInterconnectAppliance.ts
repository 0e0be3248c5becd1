import { randomUUID } from 'node:crypto';
import { hcxErrors } from '../dialects/hcxErrors.ts';
import type { ResourceLookup } from '../FaultHooks.ts';
import type { Appliance, MockState } from '../MockState.ts';
import { parameterExample } from '../exampleOf.ts';
import type { OperationHandler } from './OperationHandler.ts';

/** A seeded appliance with an upgrade still running: upgrading it again is refused with 422. */
export const BUSY_APPLIANCE_ID = '7a1c3e55-94d2-4b8e-b0f6-2d9e8c41a7b3';
const BUSY_TASK_ID = 'c3f1b2a4-5d6e-4f70-8a9b-0c1d2e3f4a5b';
const DEFAULT_APPLIANCE_ID = '20ef77b0-2a69-4a4e-9a8a-2ac5a4f0c1d3';

function appliance(applianceId: string, name: string, runningTaskId?: string): Appliance {
  return {
    applianceId,
    name,
    applianceType: 'HCX-WAN-IX',
    currentVersion: '4.10.0',
    availableVersion: '4.11.0',
    ...(runningTaskId ? { runningTaskId } : {}),
  };
}

/** POST /hybridity/api/interconnect/appliances/{applianceId}/upgrade: starts an upgrade task. */
export const upgradeInterconnectAppliance: OperationHandler = {
  operationId: 'upgradeInterconnectAppliance',
  errors: hcxErrors,

  seed(state, operation) {
    const applianceId = parameterExample(operation, 'applianceId', DEFAULT_APPLIANCE_ID);
    state.appliances.set(applianceId, appliance(applianceId, 'site-a-IX-I1'));
    state.appliances.set(BUSY_APPLIANCE_ID, appliance(BUSY_APPLIANCE_ID, 'site-a-IX-I2', BUSY_TASK_ID));
    state.addTask({
      interconnectTaskId: BUSY_TASK_ID,
      applianceId: BUSY_APPLIANCE_ID,
      operation: 'UPGRADE',
      status: 'RUNNING',
      force: false,
      local: false,
      method: 'legacy',
      startTime: '2026-01-01T00:00:00.000Z',
    });
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
    if (target.runningTaskId !== undefined) {
      return {
        status: 422,
        json: {
          data: { interconnectTaskId: target.runningTaskId, applianceId: target.applianceId },
          warnings: [],
          errors: [{ code: 'UPGRADE_IN_PROGRESS', message: 'An upgrade of this appliance is already in progress.' }],
        },
      };
    }
    const interconnectTaskId = randomUUID();
    const now = new Date().toISOString();
    // The mock finishes an upgrade at once, so the fixture appliance can be upgraded again and again.
    state.addTask({
      interconnectTaskId,
      applianceId: target.applianceId,
      operation: 'UPGRADE',
      status: 'SUCCESS',
      force: ctx.query['force'] === 'true',
      local: ctx.query['local'] === 'true',
      method: ctx.query['method'] ?? 'legacy',
      startTime: now,
      endTime: now,
    });
    return { status: 202, json: { data: { interconnectTaskId, applianceId: target.applianceId }, warnings: [], errors: [] } };
  },
};
