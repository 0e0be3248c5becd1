import type { Exchange } from '../model/Exchange.ts';

/**
 * One request the verifier sent to the provider, as the tap between them saw it, every credential
 * scrubbed: its exchange (an `observed` case of the documented operation it matched), a request that
 * matched none, or one the request budget kept from being sent.
 */
export type PactProviderRequest =
  | { readonly kind: 'exchange'; readonly exchange: Exchange }
  | { readonly kind: 'unmatched'; readonly method: string; readonly url: string }
  | { readonly kind: 'not-sent'; readonly method: string; readonly url: string; readonly reason: string };

/** The outcome of one interaction of one pact file, credentials scrubbed from every message. */
export interface PactInteractionOutcome {
  readonly consumer: string;
  readonly provider: string;
  readonly description: string;
  readonly passed: boolean;
  /** One line per mismatch (`$.hosted_connect.vlan: Expected '4000' to match ...`); empty when it passed. */
  readonly mismatches: readonly string[];
  /** The status the provider answered, when known (a 401 that met a 4xx expectation still says "refused"). */
  readonly status?: number;
  /** From the interaction's comments, when the contracts generator wrote them. */
  readonly intentKind?: string;
  readonly constraintId?: string;
  readonly caseId?: string;
  /** Index into `PactVerificationResult.providerRequests` of this interaction's request, when they line up. */
  readonly providerRequest?: number;
}

/** What `verifyPacts` returns: plain data, for the engine to turn into its report. */
export interface PactVerificationResult {
  /** True when every interaction passed. */
  readonly passed: boolean;
  /** The base URL verified (the embedded mock's when no target was given). */
  readonly target: string;
  /** Names of the extra headers (`--header`) sent with the interactions; their values are never kept. */
  readonly extraHeaders: readonly string[];
  /** True when a credential replaced the pacts' placeholder. */
  readonly token: boolean;
  readonly pactFiles: readonly string[];
  /** In pact-file order, then interaction order. */
  readonly interactions: readonly PactInteractionOutcome[];
  /** Every request the verifier sent to the provider, in order, with the provider's full answer. */
  readonly providerRequests: readonly PactProviderRequest[];
  readonly durationMs: number;
}
