import { ConfigError } from '../../src/errors/ConformanceError.ts';
import { catalogueOperation } from '../../src/catalogue/buildCatalogue.ts';
import type { Operation } from '../../src/openapi/Operation.ts';
import { handlersFor } from '../operations/handlers.ts';
import type { OperationHandler } from '../operations/OperationHandler.ts';
import { MUTANT_FAMILIES, type AnsweredStatuses, type Mutant, type MutantFamily, type OperatorFamily } from './Mutant.ts';
import { credentialMutants } from './operators/credentials.ts';
import { requestRuleMutants } from './operators/requestRules.ts';
import { resourceMutants } from './operators/resources.ts';
import { responseMutants } from './operators/responses.ts';
import { robustnessMutants } from './operators/robustness.ts';
import { pathValueMutants } from './operators/pathValues.ts';
import { taskMutants } from './operators/tasks.ts';
import { linkOnlyOperations } from '../../src/engine/linkedOperations.ts';

/** Every operator family, by name (docs/ARCHITECTURE.md, "Mutation operators"). */
export const OPERATOR_FAMILIES: Readonly<Record<MutantFamily, OperatorFamily>> = {
  'request-rule': requestRuleMutants,
  credential: credentialMutants,
  resource: resourceMutants,
  response: responseMutants,
  robustness: robustnessMutants,
  path: pathValueMutants,
  task: taskMutants,
};

/** The statuses the correct server gives: the documented successes, and its handler's error answers. */
function answeredStatuses(operation: Operation, handler: OperationHandler): AnsweredStatuses {
  const success = operation.responses.map((r) => Number(r.status)).filter((s) => s >= 200 && s < 300);
  const errors = [
    handler.errors.badRequest([], '').status,
    ...(operation.credentialSchemes.length > 0 ? [handler.errors.unauthorized('').status] : []),
    ...(operation.hints.resourceParameter !== undefined ? [handler.errors.notFound('').status] : []),
    ...operation.hints.stateConflictStatuses.map(Number),
  ];
  return { success: [...new Set(success)], errors: [...new Set(errors)] };
}

// Documents are loaded once per process (and shared by the servers of a bench): so are their mutants.
const cache = new WeakMap<Operation, Mutant[]>();

function operationMutants(operation: Operation, handler: OperationHandler): Mutant[] {
  const input = { operation, constraints: catalogueOperation(operation), answered: answeredStatuses(operation, handler), stores: handler.stores === true };
  return MUTANT_FAMILIES.flatMap((family) => OPERATOR_FAMILIES[family](input));
}

/**
 * Every mutant of the operations the mock serves, family by family, in a stable order. Ids are unique:
 * two operators that named one mutant alike would make a replay ambiguous, so that is an error.
 */
export function generateMutants(operations: readonly Operation[]): Mutant[] {
  const handlers = handlersFor(operations);
  const out: Mutant[] = [];
  // An operation only a link reaches is never sent a request of its own: its faults are the task family's, on the operation that links to it.
  const linkOnly = linkOnlyOperations(operations);
  for (const operation of operations.filter((o) => !linkOnly.has(o.operationId))) {
    const handler = handlers.find((h) => h.operationId === operation.operationId);
    if (!handler) continue;
    let mutants = cache.get(operation);
    if (!mutants) cache.set(operation, (mutants = operationMutants(operation, handler)));
    out.push(...mutants);
  }
  const seen = new Set<string>();
  for (const m of out) {
    if (seen.has(m.id)) throw new ConfigError(`two mutants share the id ${m.id}`);
    seen.add(m.id);
  }
  return out;
}
