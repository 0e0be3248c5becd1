import type { Operation } from '../../src/openapi/Operation.ts';
import { documentHandler } from './documentHandler.ts';
import { getInterconnectTask } from './getInterconnectTask.ts';
import type { OperationHandler } from './OperationHandler.ts';
import { updateHostedConnect } from './updateHostedConnect.ts';
import { upgradeInterconnectAppliance } from './upgradeInterconnectAppliance.ts';

/** Every operation the mock serves. */
export const handlers: readonly OperationHandler[] = [upgradeInterconnectAppliance, getInterconnectTask, updateHostedConnect];

const fromDocument = new WeakMap<Operation, OperationHandler>();

/**
 * The handlers of a set of operations: the shipped ones, and for every other operation the
 * document-driven reference behaviour (one per operation object, so servers of one process share it).
 */
export function handlersFor(operations: readonly Operation[]): OperationHandler[] {
  const extra = operations
    .filter((o) => !handlers.some((h) => h.operationId === o.operationId))
    .map((o) => {
      let handler = fromDocument.get(o);
      if (!handler) fromDocument.set(o, (handler = documentHandler(o)));
      return handler;
    });
  return [...handlers, ...extra];
}
