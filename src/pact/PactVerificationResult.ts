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
  readonly durationMs: number;
}
