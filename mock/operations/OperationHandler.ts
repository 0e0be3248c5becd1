import type { Operation } from '../../src/openapi/Operation.ts';
import type { ErrorDialect } from '../ErrorDialect.ts';
import type { FaultHooks, ResourceLookup } from '../FaultHooks.ts';
import type { MockResponse } from '../MockResponse.ts';
import type { MockState } from '../MockState.ts';
import type { RequestContext } from '../RequestContext.ts';

/**
 * The behaviour behind one operation. Routing, credentials, validation and not-found answers come from
 * the operation in the document; a handler only knows its resources and its success answer.
 */
export interface OperationHandler {
  readonly operationId: string;
  readonly errors: ErrorDialect;
  /** True when `handle` applies updates through the `applyUpdate` and `storeUpdate` hooks (what update mutants bend). */
  readonly stores?: boolean;
  /** Adds the seeded resources; returns fixture ids keyed by path-parameter name. */
  seed?(state: MockState, operation: Operation | undefined): Readonly<Record<string, string>>;
  /** How the resource named by the route's resource parameter is found. */
  lookup?(state: MockState, ctx: RequestContext): ResourceLookup<unknown>;
  /** Answers a valid request on an existing resource (already authenticated, validated and resolved). */
  handle(ctx: RequestContext, resource: unknown, state: MockState, hooks: FaultHooks): MockResponse;
}
