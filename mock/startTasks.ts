import type { LinkSpec, TaskSpec } from '../src/openapi/LinkSpec.ts';
import type { Operation } from '../src/openapi/Operation.ts';
import { evaluateRuntimeExpression } from '../src/openapi/runtimeExpression.ts';
import { matchesStatusKey } from '../src/checks/matchesStatusKey.ts';
import type { FaultHooks } from './FaultHooks.ts';
import type { MockResponse } from './MockResponse.ts';
import { CORRECT_TASK, type MockTasks } from './MockTasks.ts';
import type { RequestContext } from './RequestContext.ts';

/** A task-like link of a route's success answer, with the linked operation's path parameter the id goes into. */
export interface TaskLink {
  /** The status key of the documented answer that carries the link. */
  readonly status: string;
  readonly link: LinkSpec;
  readonly spec: TaskSpec;
  readonly idParameter: string;
}

/** The task-like links of an operation's 2xx answers whose linked operation the documents have. */
export function taskLinksOf(operation: Operation, operations: readonly Operation[]): TaskLink[] {
  return operation.responses
    .filter((r) => /^2/.test(r.status))
    .flatMap((r) => (r.links ?? []).map((link) => ({ status: r.status, link })))
    .flatMap(({ status, link }) => {
      const target = operations.find((o) => o.operationId === link.operationId);
      const idParameter = target?.parameters.find((p) => p.in === 'path')?.name;
      return link.task && idParameter !== undefined ? [{ status, link, spec: link.task, idParameter }] : [];
    });
}

/** The resource a request changes, as the task registry names it. */
export function resourceKey(operationId: string, id: string): string {
  return `${operationId}\u0000${id}`;
}

/**
 * Starts the task each task-like link of an accepted answer names: the id the link reads from the
 * answer becomes a task of the linked operation, which runs through the documented states for the
 * configured duration (as the fault hooks plan it).
 */
export function startTasks(
  links: readonly TaskLink[],
  response: MockResponse,
  ctx: RequestContext,
  resourceParameter: string | undefined,
  tasks: MockTasks,
  durationMs: number,
  hooks: FaultHooks,
): void {
  if (links.length === 0 || response.status < 200 || response.status > 299) return;
  const request = { method: ctx.method, path: '', pathParams: ctx.pathParams, query: ctx.query, headers: ctx.headers, auth: 'configured' as const };
  const source = { request, url: '', response: { status: response.status, headers: response.headers ?? {}, bodyText: '', truncated: false, durationMs: 0 }, body: response.json };
  // Only the links of the answer as sent: one a fault gave an undocumented status links to nothing.
  for (const { link, spec, idParameter } of links.filter((l) => matchesStatusKey(l.status, response.status))) {
    const expression = link.parameters[idParameter] ?? link.parameters[`path.${idParameter}`];
    const value = evaluateRuntimeExpression(expression, source);
    // The id travels in a path: a number (of a faulty answer) names the task by its text.
    const id = typeof value === 'number' ? String(value) : value;
    if (typeof id !== 'string' || id === '') continue;
    const plan = hooks.task ? hooks.task(CORRECT_TASK, ctx) : CORRECT_TASK;
    // An answer whose id leads nowhere: the task is not kept under it.
    if (plan.unknownId) continue;
    const owner = resourceParameter === undefined ? undefined : ctx.pathParams[resourceParameter];
    tasks.start({
      id,
      linkedOperationId: link.operationId,
      ...(owner !== undefined ? { resource: resourceKey(ctx.operationId, owner) } : {}),
      spec,
      startedAt: Date.now(),
      durationMs,
      plan,
      origin: ctx.pathParams,
    });
  }
}
