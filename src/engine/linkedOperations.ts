import { catalogueOperation } from '../catalogue/buildCatalogue.ts';
import type { ConformanceConfig } from '../config/ConformanceConfig.ts';
import type { Operation } from '../openapi/Operation.ts';
import { validatorsFor } from '../validation/validatorsFor.ts';
import type { PreparedOperation } from './PreparedOperation.ts';

/**
 * Operations reached only through links: every path parameter of theirs is given by a link of another
 * operation's answer, and none has an example. No request can name one of their resources before a
 * link gives its id (a task an upgrade started), so they are tested by following those links, never
 * planned on their own.
 */
export function linkOnlyOperations(operations: readonly Operation[]): Set<string> {
  const given = new Map<string, Set<string>>();
  for (const operation of operations) {
    for (const link of operation.responses.flatMap((r) => r.links ?? [])) {
      const names = given.get(link.operationId) ?? new Set<string>();
      for (const name of Object.keys(link.parameters)) names.add(name.replace(/^path\./, ''));
      given.set(link.operationId, names);
    }
  }
  return new Set(
    operations
      .filter((o) => {
        const names = given.get(o.operationId);
        const path = o.parameters.filter((p) => p.in === 'path');
        return names !== undefined && path.length > 0 && path.every((p) => names.has(p.name) && p.example === undefined);
      })
      .map((o) => o.operationId),
  );
}

/** The operations an operation's links lead to, prepared for the same target as the operation. */
export function withLinked(prepared: PreparedOperation, operations: readonly Operation[], config: Pick<ConformanceConfig, 'operations'>): PreparedOperation {
  const ids = new Set(prepared.operation.responses.flatMap((r) => r.links ?? []).map((l) => l.operationId));
  if (ids.size === 0) return prepared;
  const linked: Record<string, PreparedOperation> = {};
  for (const operation of operations.filter((o) => ids.has(o.operationId))) {
    linked[operation.operationId] = {
      ...prepared,
      operation,
      constraints: catalogueOperation(operation),
      validators: validatorsFor(operation),
      expectations: config.operations[operation.operationId] ?? { acceptedStatuses: [], skipChecks: [] },
      restrictions: [],
    };
  }
  return { ...prepared, linked };
}
