import { randomUUID } from 'node:crypto';
import type { Operation } from '../../src/openapi/Operation.ts';
import { pathHierarchy } from '../../src/openapi/pathHierarchy.ts';
import { valueAt } from '../../src/openapi/pointer.ts';
import { schemaAt } from '../../src/plan/schemaAt.ts';
import { minimalValue } from '../../src/values/minimalValue.ts';
import { documentErrors } from '../dialects/documentErrors.ts';
import { parameterExample } from '../exampleOf.ts';
import { withValueAt } from '../faults/withValueAt.ts';
import type { ResourceLookup } from '../FaultHooks.ts';
import type { DocumentResource, MockState } from '../MockState.ts';
import type { MockTask } from '../MockTasks.ts';
import type { OperationHandler } from './OperationHandler.ts';

/** The success answer the document gives: its lowest 2xx status, with its example or a minimal value of its schema. */
function documentedSuccess(operation: Operation): { readonly status: number; readonly body: unknown } {
  const success = operation.responses.filter((r) => /^2\d\d$/.test(r.status)).sort((a, b) => Number(a.status) - Number(b.status))[0];
  const body = success?.examples[0] ?? (success?.schema ? minimalValue(success.schema) : undefined);
  return { status: Number(success?.status ?? '200'), body };
}

/** The update members of a `reflects` echo: the documented properties of the request at its pointer. */
function updateMembers(operation: Operation, pointer: string): string[] {
  const body = operation.requestBody?.schema;
  return Object.keys((body ? schemaAt(body, pointer) : undefined)?.properties ?? {});
}

const keyOf = (operationId: string, id: string): string => `${operationId}\u0000${id}`;

function parameterExampleOrUndefined(operation: Operation, name: string): string | undefined {
  const example = operation.parameters.find((p) => p.name === name)?.example;
  return typeof example === 'string' ? example : undefined;
}

/** A task an accepted request of another operation started, found under this operation's path (a link's target). */
class TaskResource {
  constructor(readonly task: MockTask) {}
}

/**
 * The reference behaviour of an operation the mock has no handler for, read from its document: the
 * resource the `resourceParameter` example names (under the owner's example: `ownerParameter`, else the
 * owner the path implies, the only owner served when there is no resource parameter) exists; a valid
 * request on it is answered the documented success, with every `equals` echo repeating the request's
 * value and every `reflects` echo the update, which is stored. Validation and not-found answers come
 * from the route, like every handler's.
 */
export function documentHandler(operation: Operation): OperationHandler {
  const { resourceParameter } = operation.hints;
  // The owner the document names, else the one its path implies (`pathHierarchy`), as the planner reads it.
  const ownerParameter = pathHierarchy(operation).owner;
  // Without a resource parameter nothing is looked up: the owner's example id is then the only owner served.
  const impliedOwner = resourceParameter === undefined && ownerParameter !== undefined ? parameterExampleOrUndefined(operation, ownerParameter) : undefined;
  const errors = documentErrors(operation);
  const success = documentedSuccess(operation);
  const reflects = operation.hints.echoes.filter((e) => e.reflects !== undefined && Number(e.status) === success.status);
  const equals = operation.hints.echoes.filter((e) => e.equals !== undefined && Number(e.status) === success.status);
  // Where the success answer gives the id a task-like link follows: a fresh id each time, so every task is its own.
  const taskIds = (operation.responses.find((r) => Number(r.status) === success.status)?.links ?? [])
    .filter((l) => l.task !== undefined)
    .flatMap((l) => Object.values(l.parameters))
    .flatMap((e) => (typeof e === 'string' && e.startsWith('$response.body#') ? [decodeURIComponent(e.slice('$response.body#'.length))] : []));
  return {
    operationId: operation.operationId,
    errors,

    seed(state) {
      if (resourceParameter === undefined) return {};
      const id = parameterExample(operation, resourceParameter, 'resource-1');
      const owner = ownerParameter === undefined ? undefined : parameterExample(operation, ownerParameter, 'owner-1');
      state.documentResources.set(keyOf(operation.operationId, id), { ...(owner !== undefined ? { owner } : {}), body: structuredClone(success.body) });
      return { [resourceParameter]: id, ...(ownerParameter !== undefined && owner !== undefined ? { [ownerParameter]: owner } : {}) };
    },

    lookup(state: MockState, ctx): ResourceLookup<unknown> {
      const owner = ownerParameter === undefined ? undefined : ctx.pathParams[ownerParameter];
      const prefix = keyOf(operation.operationId, '');
      const stored = (id: string): DocumentResource | undefined => state.documentResources.get(keyOf(operation.operationId, id));
      return {
        get: (id) => {
          const found = stored(id);
          if (found && found.owner === owner) return found.body;
          const task = state.linkTasks.get(operation.operationId, id);
          return task ? new TaskResource(task) : undefined;
        },
        ids: () => [...state.documentResources.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length)),
        anyOwner: (id) => stored(id)?.body,
        synthesize: () => structuredClone(success.body),
      };
    },

    handle(ctx, resource, state, hooks) {
      if (impliedOwner !== undefined && ctx.pathParams[ownerParameter!] !== impliedOwner) return errors.notFound(ctx.requestId);
      if (resource instanceof TaskResource) {
        // The documented success with the task's state at its status member and every `equals` echo.
        const view = state.linkTasks.observe(resource.task);
        let body = withValueAt(structuredClone(success.body) ?? {}, resource.task.spec.status, () => view.state);
        for (const echo of equals) {
          const value = (echo.equals!.in === 'path' ? ctx.pathParams : ctx.query)[echo.equals!.name];
          if (value !== undefined) body = withValueAt(body, echo.pointer, () => value);
        }
        return { status: success.status, json: body };
      }
      const before = resource === undefined ? structuredClone(success.body) : resource;
      let updated = before;
      for (const echo of reflects) {
        const sent = valueAt(ctx.body, echo.reflects!.pointer);
        if (sent === null || typeof sent !== 'object' || Array.isArray(sent)) continue;
        const members = updateMembers(operation, echo.reflects!.pointer);
        const changes = Object.fromEntries(Object.entries(sent).filter(([key]) => members.includes(key)));
        updated = withValueAt(updated, echo.pointer, (old) => ({ ...(old as object), ...changes }));
      }
      const kept = hooks.applyUpdate ? hooks.applyUpdate(before, updated, ctx) : updated;
      const id = resourceParameter === undefined ? undefined : ctx.pathParams[resourceParameter];
      const key = id === undefined ? undefined : keyOf(operation.operationId, id);
      const entry = key === undefined ? undefined : state.documentResources.get(key);
      // As in every handler: a request accepted only through a fault is answered, never stored.
      if (!ctx.lenient && key !== undefined && entry) state.documentResources.set(key, { ...entry, body: hooks.storeUpdate ? hooks.storeUpdate(before, kept) : kept });
      let body = kept;
      for (const echo of equals) {
        const source = echo.equals!.in === 'path' ? ctx.pathParams : ctx.query;
        const value = source[echo.equals!.name];
        if (value !== undefined) body = withValueAt(body, echo.pointer, () => value);
      }
      for (const pointer of taskIds) body = withValueAt(body, pointer, () => randomUUID());
      return body === undefined ? { status: success.status } : { status: success.status, json: body };
    },
  };
}
