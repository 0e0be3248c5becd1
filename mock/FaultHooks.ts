import type { ValidationIssue } from '../src/validation/OperationValidators.ts';
import type { MockResponse } from './MockResponse.ts';
import type { MockTaskPlan } from './MockTasks.ts';
import type { RequestContext } from './RequestContext.ts';

/** How the server finds the resource a path names; what a fault may bend. */
export interface ResourceLookup<R> {
  get(id: string): R | undefined;
  ids(): Iterable<string>;
  /** A plausible resource for an id that names none (what a careless server would make up). */
  synthesize(id: string): R;
  /** The resource with this id whatever owner the path names (what a server without tenant checks finds). */
  anyOwner?(id: string): R | undefined;
}

/**
 * The points where the server lets a fault profile change one behaviour. Every hook is optional; the
 * correct server is the one with no hooks. Hooks return new values, they never mutate what they get.
 */
export interface FaultHooks {
  /**
   * How the server reads the path's parameters from their percent-decoded values, before anything else
   * looks at them (a server that decodes `%2F` before it routes splits them anew; one that parses an id
   * first may fail on it).
   */
  readonly readPathParams?: (decoded: Readonly<Record<string, string>>) => Readonly<Record<string, string>>;
  /** True: answer as if a credential had been given. */
  readonly acceptUnauthenticated?: (ctx: RequestContext) => boolean;
  /**
   * Replaces the exact comparison of a credential: `presented` is the header's value without the
   * scheme's prefix (the whole value when the prefix does not match), `expected` the server's token.
   */
  readonly acceptCredential?: (presented: string, expected: string) => boolean;
  /** Issues for a request the document accepts (a server stricter than its contract). */
  readonly rejectValid?: (ctx: RequestContext) => readonly ValidationIssue[];
  /** True: serve the request although validation found these issues. */
  readonly acceptRequestDespite?: (issues: readonly ValidationIssue[], ctx: RequestContext) => boolean;
  /** Finds the resource instead of the exact-id lookup. */
  readonly lookupResource?: <R>(id: string, lookup: ResourceLookup<R>, ctx: RequestContext) => R | undefined;
  /** An answer that replaces the handler's for a valid request on an existing resource. */
  readonly overrideResponse?: (ctx: RequestContext) => MockResponse | undefined;
  /** Which state an update leaves (and the answer shows), given the state before and the updated one. */
  readonly applyUpdate?: <T>(before: T, updated: T, ctx: RequestContext) => T;
  /** Which state is stored, given the state before and the one the answer shows (default: the answered one). */
  readonly storeUpdate?: <T>(before: T, answered: T) => T;
  readonly successStatus?: (status: number) => number;
  readonly transformSuccess?: (body: unknown, ctx: RequestContext) => unknown;
  /** Changes a 4xx answer (status, body, content type). */
  readonly transformError?: (response: MockResponse) => MockResponse;
  /** How the task an accepted request starts runs (operations whose answer links to a task): its end, its id, its states. */
  readonly task?: (plan: MockTaskPlan, ctx: RequestContext) => MockTaskPlan;
  /** Changes any answer of the operation, last (after the hooks above): status, body, content type. */
  readonly transformResponse?: (response: MockResponse, ctx: RequestContext) => MockResponse;
}
