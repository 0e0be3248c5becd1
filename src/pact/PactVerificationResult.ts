/** The outcome of one interaction of one pact file, credentials scrubbed from every message. */
export interface PactInteractionOutcome {
  readonly consumer: string;
  readonly provider: string;
  readonly description: string;
  readonly passed: boolean;
  /** One line per mismatch (`$.hosted_connect.vlan: Expected '4000' to match ...`); empty when it passed. */
  readonly mismatches: readonly string[];
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
  readonly pactFiles: readonly string[];
  /** In pact-file order, then interaction order. */
  readonly interactions: readonly PactInteractionOutcome[];
  readonly durationMs: number;
}
