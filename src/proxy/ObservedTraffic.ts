import type { TransportFailure } from '../model/Exchange.ts';

/**
 * One request and its answer as they passed (through the proxy, or recorded in a HAR file), before any
 * redaction: only the traffic auditor sees it, and it redacts before anything else does.
 */
export interface ObservedTraffic {
  readonly method: string;
  /** Absolute URL the request was sent to. */
  readonly url: string;
  /** Lower-case names. */
  readonly requestHeaders: Readonly<Record<string, string>>;
  readonly requestBody?: string;
  /** True when `requestBody` is only the first part of the body sent (past the proxy's cap, or cut in a HAR). */
  readonly requestBodyCut?: boolean;
  readonly response?: {
    readonly status: number;
    /** Lower-case names. */
    readonly headers: Readonly<Record<string, string>>;
    /** The body, cut at the size cap. */
    readonly body: string;
    /** True when the body went past the cap (it was forwarded whole, judged as too large). */
    readonly truncated: boolean;
  };
  /** No usable answer: the upstream was down, or the body broke off or went past the cap. */
  readonly failure?: Omit<TransportFailure, 'durationMs'>;
  readonly durationMs: number;
}
