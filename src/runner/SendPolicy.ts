/** Methods whose repeated effect is that of one request (RFC 9110 §9.2.2). */
const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PUT', 'DELETE']);

/** Whether sending a request of this method twice does what sending it once does (RFC 9110 §9.2.2). */
export function isIdempotentMethod(method: string): boolean {
  return IDEMPOTENT_METHODS.has(method.toUpperCase());
}

/** What the runner may do with one request besides sending it once. */
export interface SendPolicy {
  /**
   * Sending it again does no more than sending it once: a 503 may be retried like a 429. A request that
   * is not (an HCX upgrade POST) is retried only on 429, which says the server did not act on it.
   */
  readonly idempotent: boolean;
  /**
   * The resource a state-changing request may change (`applianceId=…`): the accepted-request limit
   * counts per resource. Absent for a request that changes nothing.
   */
  readonly resource?: string;
}

/** The policy of a request nothing more is known about: by its method, no resource. */
export function methodPolicy(method: string): SendPolicy {
  return { idempotent: isIdempotentMethod(method) };
}
