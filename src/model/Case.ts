/** What a case is meant to show. */
export type CaseIntent =
  | { readonly kind: 'valid'; readonly label: string }
  | { readonly kind: 'boundary'; readonly constraintId: string; readonly label: string }
  | { readonly kind: 'invalid'; readonly constraintId: string; readonly label: string }
  | { readonly kind: 'no-auth'; readonly constraintId: string; readonly label: string }
  | { readonly kind: 'wrong-auth'; readonly constraintId: string; readonly label: string }
  | { readonly kind: 'unknown-resource'; readonly label: string }
  /** The existing resource asked for under another owner (another tenant's project): it must not be reached. */
  | { readonly kind: 'other-owner'; readonly label: string }
  /** Traffic the suite did not plan (a proxy or a HAR file): only the checks that need no intent judge it. */
  | { readonly kind: 'observed'; readonly label: string };

export type IntentKind = CaseIntent['kind'];

/** A request as planned: no base URL, no credentials (those are added by the runner). */
export interface PlannedRequest {
  readonly method: string;
  /** Path with parameters substituted and percent-encoded. */
  readonly path: string;
  readonly pathParams: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
  /**
   * The body: `undefined` for none; `{ json }` for a JSON value; `{ raw }` for bytes sent as they are
   * (malformed JSON).
   */
  readonly body?: { readonly json: unknown } | { readonly raw: string };
  /**
   * The media type the body is sent as when it is not `application/json` (the document's request body
   * type: form, multipart, text, a `+json` type): the runner encodes a `{ json }` body by it.
   */
  readonly mediaType?: string;
  /** Header names this case leaves out on purpose (a required header removed): not sent even when given with `--header`. */
  readonly omitHeaders?: readonly string[];
  /** Which credential the runner attaches: the configured one, none, or a wrong one. */
  readonly auth: 'configured' | 'none' | 'wrong';
}

export interface Case {
  /** Stable id derived from (operationId, intent, constraint, index, seed). */
  readonly id: string;
  readonly operationId: string;
  readonly intent: CaseIntent;
  readonly request: PlannedRequest;
  /** Seed of the run that planned it; with the id it replays the same request. */
  readonly seed: number;
  /** True when the case needs a resource that exists (a fixture id). */
  readonly needsFixture: boolean;
  /**
   * The constraint ids the request breaks, as the planner validated it once (empty: valid). Absent for a
   * request rebuilt from a report or the corpus; the checks then validate it themselves.
   */
  readonly breaks?: readonly string[];
}
