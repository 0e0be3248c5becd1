import type { CaseIntent } from '../src/model/Case.ts';

/** What a response status may be: one code, a class (any 4xx), or a list of codes. */
export type StatusExpectation =
  | { readonly kind: 'exact'; readonly status: number }
  | { readonly kind: 'clientError'; readonly example: number }
  | { readonly kind: 'oneOf'; readonly statuses: readonly number[]; readonly example: number };

/**
 * One Pact interaction as plain data, before pact-js sees it. Request values are the examples the
 * consumer test sends; `path` and `headers` may hold Pact matchers (provider-state ids, the credential
 * placeholder); the response body is a tree of Pact matchers.
 */
export interface InteractionDefinition {
  readonly description: string;
  readonly intent: CaseIntent;
  /** The planner's case id (absent for the documents' example exchange). */
  readonly caseId?: string;
  readonly providerState: { readonly name: string; readonly params: Readonly<Record<string, string>> };
  readonly request: {
    readonly method: string;
    /** The path the consumer test sends. */
    readonly path: string;
    /** The same path with fixture ids as provider-state expressions, or `path` itself. */
    readonly pathMatcher: unknown;
    readonly query: Readonly<Record<string, string>>;
    /** Header values the consumer test sends (credential placeholders only). */
    readonly headers: Readonly<Record<string, string>>;
    /** The same headers with matchers. */
    readonly headerMatchers: Readonly<Record<string, unknown>>;
    readonly body?: { readonly json: unknown };
  };
  readonly response: {
    readonly status: StatusExpectation;
    /** Pact matchers for the body; absent when any body is acceptable. */
    readonly body?: unknown;
  };
}
