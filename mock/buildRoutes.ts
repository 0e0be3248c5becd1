import { ConfigError } from '../src/errors/ConformanceError.ts';
import type { Operation } from '../src/openapi/Operation.ts';
import { validatorsFor } from '../src/validation/validatorsFor.ts';
import { compilePathTemplate } from '../src/openapi/compilePathTemplate.ts';
import type { FaultHooks } from './FaultHooks.ts';
import type { FaultProfile } from './FaultProfile.ts';
import type { OperationHandler } from './operations/OperationHandler.ts';
import type { Route } from './Route.ts';
import { taskLinksOf } from './startTasks.ts';

const NO_HOOKS: FaultHooks = {};

/**
 * One route per handler whose operation is in the documents, with
 * validators compiled once. A fault's hooks go to its operation's route only.
 */
export function buildRoutes(operations: readonly Operation[], handlers: readonly OperationHandler[], fault: FaultProfile | undefined): Route[] {
  const byId = new Map(operations.map((o) => [o.operationId, o]));
  const routes: Route[] = [];
  for (const handler of handlers) {
    const operation = byId.get(handler.operationId);
    if (!operation) continue;
    const queryDefaults: Record<string, string> = {};
    for (const p of operation.parameters) {
      if (p.in === 'query' && typeof p.schema.default === 'string') queryDefaults[p.name] = p.schema.default;
    }
    routes.push({
      operationId: operation.operationId,
      method: operation.method,
      pathTemplate: operation.pathTemplate,
      ...matcherOf(operation.pathTemplate),
      ...(operation.hints.resourceParameter ? { resourceParameter: operation.hints.resourceParameter } : {}),
      credentialSchemes: operation.credentialSchemes,
      validators: validatorsFor(operation),
      queryNames: operation.parameters.filter((p) => p.in === 'query').map((p) => p.name),
      headerNames: operation.parameters.filter((p) => p.in === 'header' && !p.credential).map((p) => p.name.toLowerCase()),
      queryDefaults,
      handler,
      hooks: fault?.operationId === operation.operationId ? fault.hooks(operation) : NO_HOOKS,
      ...(taskLinksOf(operation, operations).length > 0 ? { taskLinks: taskLinksOf(operation, operations) } : {}),
    });
  }
  if (routes.length === 0) throw new ConfigError('the OpenAPI documents describe no operation the mock serves');
  if (fault && !routes.some((r) => r.operationId === fault.operationId)) {
    throw new ConfigError(`the fault's operation ${fault.operationId} is not in the OpenAPI documents`);
  }
  return routes;
}

/**
 * A route's path pattern. An empty segment is an empty parameter value, judged like any other (the
 * document's error answer: an owner or a resource that does not exist), as a server that routes on
 * templates does, rather than a bare 404 the document does not describe.
 */
function matcherOf(template: string): Pick<Route, 'pattern' | 'parameterNames'> {
  const { source, parameterNames } = compilePathTemplate(template);
  return { pattern: new RegExp(`^${source.replaceAll('([^/]+)', '([^/]*)')}$`), parameterNames };
}
