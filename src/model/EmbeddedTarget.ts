/** What the engine asks of an embedded target: the settings of a run that names no server. */
export interface EmbeddedTargetOptions {
  /** 0 picks a free port. */
  readonly port: number;
  /** The credential the target must accept; its own when absent. */
  readonly token?: string;
  /** A fault profile that breaks one rule. */
  readonly fault?: string;
  /** A generated mutant (mock/mutants/) by id. */
  readonly mutant?: string;
  readonly latencyMs?: number;
  /** How long a task an accepted request starts runs before it ends. */
  readonly taskDurationMs?: number;
  readonly rateLimit?: { readonly requestsPerSecond: number };
  /** The documents to serve (default: the shipped ones). */
  readonly specFiles?: readonly string[];
  /** The users the run's logins (`auth:`) log in as: the target answers their logins with tokens it accepts. */
  readonly logins?: EmbeddedLogins;
}

/** Who may log in to an embedded target, and where its IAM token API is. */
export interface EmbeddedLogins {
  readonly users: ReadonlyArray<{ readonly username: string; readonly password: string; readonly domain?: string }>;
  /** The path of the IAM token API (default `/v3/auth/tokens`). */
  readonly iamPath?: string;
}

/** A server started for one run, on loopback. */
export interface EmbeddedTarget {
  readonly url: string;
  /** Ids of seeded resources, keyed by path-parameter name (string values; an object so any fixture type fits). */
  readonly fixtures: object;
  /** The credential it accepts. */
  readonly token: string;
  /** How long its tasks may run before they count as never ending (the deadline a run uses unless configured). */
  readonly taskDeadlineMs?: number;
  close(): Promise<void>;
}

/**
 * Starts the server a run uses when the user names none. Injected by the composition root (the CLI, the
 * vitest suite, bench, tests pass `startMockServer`), so the engine does not depend on the mock.
 */
export type EmbeddedTargetFactory = (options: EmbeddedTargetOptions) => Promise<EmbeddedTarget>;
