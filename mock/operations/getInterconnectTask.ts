import { hcxErrors } from '../dialects/hcxErrors.ts';
import type { OperationHandler } from './OperationHandler.ts';

/** GET /hybridity/api/interconnect/tasks/{interconnectTaskId}: polls a task an upgrade started. */
export const getInterconnectTask: OperationHandler = {
  operationId: 'getInterconnectTask',
  errors: hcxErrors,
  extraRoute: {
    method: 'GET',
    pathTemplate: '/hybridity/api/interconnect/tasks/{interconnectTaskId}',
    resourceParameter: 'interconnectTaskId',
    authFrom: 'upgradeInterconnectAppliance',
  },
  lookup: (state) => ({
    get: (id) => state.tasks.get(id),
    ids: () => state.tasks.keys(),
    synthesize: () => undefined,
  }),
  handle: (_ctx, resource) => ({ status: 200, json: resource }),
};
