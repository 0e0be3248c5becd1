import type { MockLoginOptions } from './MockLogins.ts';

/** Misbehaviour modes for the runner's robustness (not faults: they break transport, not the contract). */
export type ChaosMode = 'hang' | 'reset' | 'garbage' | 'redirect' | 'huge' | 'slow-body';

export const CHAOS_MODES: readonly ChaosMode[] = ['hang', 'reset', 'garbage', 'redirect', 'huge', 'slow-body'];

export interface ChaosOptions {
  readonly mode: ChaosMode;
  /** Share of requests that misbehave, 0..1 (default 1: every request). Deterministic: every 1/fraction-th request. */
  readonly fraction?: number;
}

/** One served request: credential headers redacted, the mock's token scrubbed from the path and every header. */
export interface MockLogEntry {
  readonly time: string;
  readonly method: string;
  readonly path: string;
  /** The answered status; 0 when a chaos mode answered no status. */
  readonly status: number;
  readonly operationId?: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly durationMs: number;
}

export interface MockOptions {
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** The credential both APIs accept; default random (printed by the CLI). */
  readonly token?: string;
  /** A fault profile name (see listFaults()). */
  readonly fault?: string;
  /** A generated mutant by id (see mock/mutants/listMutants.ts); not together with `fault`. */
  readonly mutant?: string;
  /** Delay before every answer. */
  readonly latencyMs?: number;
  /** How long a task an accepted request starts runs before it reaches its terminal state (default `DEFAULT_TASK_DURATION_MS`). */
  readonly taskDurationMs?: number;
  /** Beyond this many requests in one second: 429 with `Retry-After: 1`. */
  readonly rateLimit?: { readonly requestsPerSecond: number };
  readonly chaos?: ChaosMode | ChaosOptions;
  /** Receives every served request, called after the answer is written; an array is appended to. */
  readonly log?: ((entry: MockLogEntry) => void) | MockLogEntry[];
  /** Size of the `huge` chaos body (default 32 MiB). */
  readonly hugeBytes?: number;
  /** OpenAPI documents to serve (default: the shipped ones). */
  readonly specFiles?: readonly string[];
  /** Serves HCX's session API and IAM's token API for these users; the tokens they issue are accepted beside `token`. */
  readonly logins?: MockLoginOptions;
}

/** Ids of seeded resources, keyed by path-parameter name. */
export interface MockFixtures {
  /** Also the seeded ids of operations served from their document alone. */
  readonly [parameter: string]: string;
  readonly applianceId: string;
  readonly project_id: string;
  readonly hosted_connect_id: string;
}

export interface MockServer {
  readonly url: string;
  readonly fixtures: MockFixtures;
  readonly token: string;
  /** How long a task of this mock may run before a caller should call it never ending (ample for its task duration). */
  readonly taskDeadlineMs: number;
  close(): Promise<void>;
  /** Requests received so far (every request, answered or not). */
  requestCount(): number;
}
