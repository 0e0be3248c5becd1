/** What a handler and the fault hooks see of one routed request. */
export interface RequestContext {
  readonly operationId: string;
  readonly method: string;
  readonly pathParams: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  /** Request headers by lower-case name (credentials included: a hook may compare them, nothing logs them). */
  readonly headers: Readonly<Record<string, string>>;
  /** The parsed JSON body; undefined when there is none or it is malformed. */
  readonly body: unknown;
  /** 32 lowercase hex characters, fresh per request. */
  readonly requestId: string;
  /** Accepted although it breaks the document (a fault profile): answered, never persisted. */
  lenient: boolean;
}
