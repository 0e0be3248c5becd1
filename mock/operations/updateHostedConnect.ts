import { ConfigError } from '../../src/errors/ConformanceError.ts';
import type { Operation } from '../../src/openapi/Operation.ts';
import { dcErrors } from '../dialects/dcErrors.ts';
import { parameterExample } from '../exampleOf.ts';
import type { ResourceLookup } from '../FaultHooks.ts';
import type { HostedDirectConnect, MockState } from '../MockState.ts';
import type { OperationHandler } from './OperationHandler.ts';

/** The fields an update may change (Table 4); other body fields are ignored, as the service does. */
const UPDATABLE = ['name', 'description', 'bandwidth', 'peer_location'] as const;

/** A second connection of the same project, so state changes can be seen to stay on their resource. */
export const SECOND_HOSTED_CONNECT_ID = '5d3c9a1e-7b2f-4c8d-9e0a-6f1b2c3d4e5f';

function documentExample(operation: Operation | undefined): HostedDirectConnect {
  const example = operation?.responses.find((r) => r.status === '200')?.examples[0] as { hosted_connect?: HostedDirectConnect } | undefined;
  if (!example?.hosted_connect) throw new ConfigError('updateHostedConnect: the document gives no 200 example to seed the hosted connection from');
  return structuredClone(example.hosted_connect);
}

/** PUT /v3/{project_id}/dcaas/hosted-connects/{hosted_connect_id}: updates and answers the whole connection. */
export const updateHostedConnect: OperationHandler = {
  operationId: 'updateHostedConnect',
  errors: dcErrors,
  stores: true,

  seed(state, operation) {
    const example = documentExample(operation);
    const project_id = parameterExample(operation, 'project_id', example.tenant_id);
    const hosted_connect_id = parameterExample(operation, 'hosted_connect_id', example.id);
    state.hostedConnects.set(hosted_connect_id, { projectId: project_id, connect: { ...example, id: hosted_connect_id } });
    state.hostedConnects.set(SECOND_HOSTED_CONNECT_ID, {
      projectId: project_id,
      connect: { ...example, id: SECOND_HOSTED_CONNECT_ID, name: 'client-dc-second', vlan: 442, bandwidth: 50 },
    });
    return { project_id, hosted_connect_id };
  },

  lookup(state: MockState, ctx): ResourceLookup<unknown> {
    const projectId = ctx.pathParams['project_id'];
    return {
      // A connection of another project does not exist for this one.
      get: (id) => {
        const stored = state.hostedConnects.get(id);
        return stored && stored.projectId === projectId ? stored.connect : undefined;
      },
      ids: () => state.hostedConnects.keys(),
      anyOwner: (id) => state.hostedConnects.get(id)?.connect,
      synthesize: (id) => {
        const template = state.hostedConnects.values().next().value?.connect;
        return { ...template, id, name: '', description: '' };
      },
    };
  },

  handle(ctx, resource, state, hooks) {
    const before = resource as HostedDirectConnect;
    const patch = (ctx.body as { hosted_connect?: Record<string, unknown> } | undefined)?.hosted_connect;
    let updated = before;
    if (patch !== null && typeof patch === 'object') {
      const changes: Record<string, unknown> = {};
      for (const field of UPDATABLE) if (field in patch) changes[field] = patch[field];
      updated = { ...before, ...changes };
    }
    const kept = hooks.applyUpdate ? hooks.applyUpdate(before, updated, ctx) : updated;
    const stored = state.hostedConnects.get(before.id);
    // A request accepted only through a fault is answered but not stored: one bad case must not poison
    // the answers to every later, valid one.
    if (!ctx.lenient && stored) state.hostedConnects.set(before.id, { projectId: stored.projectId, connect: hooks.storeUpdate ? hooks.storeUpdate(before, kept) : kept });
    return { status: 200, json: { hosted_connect: kept, request_id: ctx.requestId } };
  },
};
