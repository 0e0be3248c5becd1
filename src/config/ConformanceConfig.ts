import type { CheckSettings, OperationExpectations } from '../checks/Check.ts';
import type { ReportShard } from '../model/RunReport.ts';
import type { AuthSetting } from './AuthSetting.ts';

/** Every report format, the one list the CLI, the config schema and the reporters follow. */
export const REPORT_FORMATS = ['console', 'json', 'junit', 'md', 'html', 'har'] as const;

export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportSpec {
  readonly format: ReportFormat;
  readonly path?: string;
}

/**
 * One server of an operation among several (regions, say): its URL, the name the report gives it (else
 * its URL), and fixtures and headers of its own, laid over the run's (ids and credentials differ by region).
 */
export interface NamedTarget {
  readonly url: string;
  readonly name?: string;
  readonly fixtures?: Readonly<Record<string, string>>;
  readonly headers?: Readonly<Record<string, string>>;
}

/** A target setting: one base URL, or a list of servers that are each tested. */
export type TargetSetting = string | ReadonlyArray<string | NamedTarget>;

/** The one typed configuration of a run: defaults < config file < flags, validated once. */
export interface ConformanceConfig {
  readonly specs: readonly string[];
  readonly target?: string;
  /** By operationId or document name: one base URL, or several servers each tested (a target × check matrix). */
  readonly targets: Readonly<Record<string, TargetSetting>>;
  readonly fixtures: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
  readonly token?: string;
  /** Logins by document name (or operationId): their tokens are fetched before the first request and renewed on a 401. */
  readonly auth?: Readonly<Record<string, AuthSetting>>;
  readonly seed: number;
  readonly runs: number;
  readonly concurrency: number;
  readonly timeouts: { readonly connectMs: number; readonly headersMs: number; readonly bodyMs: number };
  readonly retries: number;
  readonly maxResponseBytes: number;
  readonly maxRequests?: number;
  /**
   * `--max-accepted N`: accepted (2xx) state-changing requests per resource at most; the rest of that
   * resource's cases are not sent. Default: `REMOTE_DEFAULTS.maxAccepted` at a non-loopback target, else none.
   */
  readonly maxAccepted?: number;
  /** `--task-deadline MS`: how long a followed task may run before it is reported as never ending (default: the document's). */
  readonly taskDeadlineMs?: number;
  /**
   * `--only-value NAME=VALUE` (repeatable) and `onlyValues`: the only values sent for an input (a
   * parameter name or a body member's JSON pointer) of every operation that has it. Values from the
   * command line are text, read by the input's schema.
   */
  readonly onlyValues?: Readonly<Record<string, readonly unknown[]>>;
  readonly rateLimit?: number;
  readonly insecure: boolean;
  readonly caFile?: string;
  readonly proxy?: string;
  /** `--resolve HOST:PORT:ADDRESS` (repeatable): connect there instead of where DNS says; the name is kept. */
  readonly resolve?: readonly string[];
  readonly allowMutations: boolean;
  readonly dryRun: boolean;
  readonly reports: readonly ReportSpec[];
  readonly reportDir: string;
  readonly baseline?: string;
  readonly failOn: 'new' | 'any';
  readonly corpus?: string;
  readonly caseIds: readonly string[];
  /** `--shard I/N`: send only this deterministic part of the plan (see src/engine/runConformance.ts). */
  readonly shard?: ReportShard;
  /** `--only-target`: only these named servers of the config file's targets run (empty: all). */
  readonly targetNames: readonly string[];
  /** `--operation`: only these operationIds run (empty: every operation that has a target). */
  readonly operationIds: readonly string[];
  /** `--strict`: a broken rule of any provenance is a failure (warnings fail the run too). */
  readonly strict: boolean;
  /** The `--config` file the run read, if any (recorded for `replay`). */
  readonly configFile?: string;
  readonly operations: Readonly<Record<string, OperationExpectations>>;
  /** The settings of checks that have their own, by check name (`checks.max-response-time.limitMs`). */
  readonly checks?: Readonly<Record<string, CheckSettings>>;
  readonly mock: { readonly fault?: string; readonly mutant?: string; readonly latencyMs?: number; readonly rateLimit?: number; readonly chaos?: string; readonly taskDurationMs?: number };
}

/** Remote targets get these unless the user says otherwise: an upgrade is real downtime. */
export const REMOTE_DEFAULTS = { maxRequests: 500, rateLimit: 5, maxAccepted: 1 } as const;

export const DEFAULT_CONFIG: ConformanceConfig = {
  specs: [],
  targets: {},
  fixtures: {},
  headers: {},
  seed: 1,
  runs: 25,
  concurrency: 8,
  timeouts: { connectMs: 5_000, headersMs: 10_000, bodyMs: 10_000 },
  retries: 2,
  maxResponseBytes: 1024 * 1024,
  insecure: false,
  allowMutations: false,
  dryRun: false,
  reports: [],
  reportDir: 'conformance-report',
  failOn: 'any',
  caseIds: [],
  targetNames: [],
  operationIds: [],
  strict: false,
  operations: {},
  mock: {},
};
