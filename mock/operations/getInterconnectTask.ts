import { hcxErrors } from '../dialects/hcxErrors.ts';
import type { MockTask } from '../MockTasks.ts';
import type { OperationHandler } from './OperationHandler.ts';

/** GET /hybridity/api/interconnect/tasks/{interconnectTaskId}: the state of a task an upgrade started, in HCX's envelope. */
export const getInterconnectTask: OperationHandler = {
  operationId: 'getInterconnectTask',
  errors: hcxErrors,
  lookup: (state, ctx) => ({
    get: (id) => state.linkTasks.get(ctx.operationId, id),
    ids: () => state.linkTasks.ids(ctx.operationId),
    synthesize: () => undefined,
  }),
  handle: (_ctx, resource, state) => {
    const task = resource as MockTask;
    const view = state.linkTasks.observe(task);
    const failed = task.spec.failed.includes(view.state);
    return {
      status: 200,
      json: {
        data: {
          interconnectTaskId: view.id,
          applianceId: view.origin['applianceId'] ?? null,
          operation: 'UPGRADE',
          status: view.state,
          progress: view.progress,
          startTime: view.startedAt,
          endTime: view.endedAt ?? null,
        },
        warnings: [],
        errors: failed ? [{ code: 'UPGRADE_FAILED', message: 'The upgrade task failed.' }] : [],
      },
    };
  },
};
