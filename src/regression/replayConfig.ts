import { DEFAULT_CONFIG, type ConformanceConfig, type ReportSpec, type TargetSetting } from '../config/ConformanceConfig.ts';
import { hasUserTargets } from '../config/hasUserTargets.ts';
import { UsageError } from '../errors/ConformanceError.ts';
import type { RunInvocation, RunReport } from '../model/RunReport.ts';
import { REDACTED } from '../runner/redact.ts';
import type { CorpusEntry } from './CorpusEntry.ts';

/** Where `replay` writes its reports unless told otherwise: never over the run it replays. */
export const REPLAY_REPORT_DIR = 'conformance-replay';

/** What the user typed on the `replay` command line that replay does not take from a config file. */
export interface ReplayOutputs {
  readonly reports: readonly ReportSpec[];
  readonly reportDir?: string;
}

function credentialsNeeded(invocation: NonNullable<RunReport['invocation']>): string {
  const names = invocation.credentialHeaders;
  if (names.length === 0) return "the report's run authenticated with --token: give --token or the --header it stands for";
  return `the report's run authenticated with ${names.join(', ')}: give ${names.map((n) => `--header '${n}: …'`).join(' ')} or --token`;
}

/** The value given now when it is not the default, else the run's (a report without it: the default). */
function nowOrRecorded<T>(now: T, fallback: T, recorded: T | undefined): T {
  return now !== fallback ? now : (recorded ?? now);
}

/**
 * What decides a verdict besides the target, the way the run had it unless given now: `--strict`, the
 * timeouts, retries and response cap (an unchanged server must not pass because a timeout was dropped).
 */
function verdictSettings(user: ConformanceConfig, invocation: RunInvocation | undefined): Pick<ConformanceConfig, 'strict' | 'timeouts' | 'retries' | 'maxResponseBytes'> {
  const timeouts = DEFAULT_CONFIG.timeouts;
  return {
    strict: user.strict || (invocation?.strict ?? false),
    timeouts: {
      connectMs: nowOrRecorded(user.timeouts.connectMs, timeouts.connectMs, invocation?.timeouts?.connectMs),
      headersMs: nowOrRecorded(user.timeouts.headersMs, timeouts.headersMs, invocation?.timeouts?.headersMs),
      bodyMs: nowOrRecorded(user.timeouts.bodyMs, timeouts.bodyMs, invocation?.timeouts?.bodyMs),
    },
    retries: nowOrRecorded(user.retries, DEFAULT_CONFIG.retries, invocation?.retries),
    maxResponseBytes: nowOrRecorded(user.maxResponseBytes, DEFAULT_CONFIG.maxResponseBytes, invocation?.maxResponseBytes),
  };
}

/** How the run reached its own server (TLS, proxy); a proxy password was not recorded and must be given again. */
function transportSettings(user: ConformanceConfig, own: RunInvocation): Pick<ConformanceConfig, 'insecure' | 'caFile' | 'proxy' | 'resolve'> {
  if (user.proxy === undefined && own.proxy?.includes(REDACTED)) throw new UsageError("the report's run went through a proxy with a password, which is not recorded: give --proxy");
  const caFile = user.caFile ?? own.caFile;
  const proxy = user.proxy ?? own.proxy;
  const resolve = user.resolve ?? own.resolve;
  return { insecure: user.insecure || (own.insecure ?? false), ...(caFile !== undefined ? { caFile } : {}), ...(proxy !== undefined ? { proxy } : {}), ...(resolve !== undefined ? { resolve } : {}) };
}

/** What the run was kept from sending (`--only-value`, `--max-accepted`) holds for its replay, unless given anew. */
function safetySettings(user: ConformanceConfig, invocation: RunInvocation | undefined): Pick<ConformanceConfig, 'onlyValues' | 'maxAccepted'> {
  const onlyValues = user.onlyValues ?? invocation?.onlyValues;
  const maxAccepted = user.maxAccepted ?? invocation?.maxAccepted;
  return { ...(onlyValues !== undefined ? { onlyValues } : {}), ...(maxAccepted !== undefined ? { maxAccepted } : {}) };
}

/** Where the report's run sent each operation: its URL, or each of its several targets by name. */
function recordedTargets(recorded: RunReport, operationIds: readonly string[]): Record<string, TargetSetting> {
  const targets: Record<string, TargetSetting> = {};
  for (const operationId of operationIds) {
    const sent = recorded.operations.filter((o) => o.operationId === operationId);
    if (sent.length === 1) targets[operationId] = sent[0]!.target;
    else if (sent.length > 1) targets[operationId] = sent.map((o) => ({ name: o.targetName, url: o.target }));
  }
  return targets;
}

/**
 * The configuration that re-sends a report's recorded cases the way its run sent them: to the report's
 * own targets (or, for a run against the embedded mock, a fresh mock with the same settings), with its
 * documents, fixtures and seed, and with what decides its verdicts (`--strict`, timeouts, retries, the
 * response cap) and how it reached its server (TLS, proxy). What the user gives now wins: `--target` (then only their targets are
 * used, and `--allow-mutations` must be given again), `--spec`, `--fixture`, the mock flags. Baseline and
 * corpus are the run's business, not the replay's; reports go to `conformance-replay/` by default.
 * Stops before sending when the run authenticated to its server and no credential is given now.
 */
export function replayConfig(recorded: RunReport, reportPath: string, user: ConformanceConfig, outputs: ReplayOutputs, entries: readonly CorpusEntry[]): ConformanceConfig {
  const { invocation } = recorded;
  if (recorded.command === 'verify-pacts') {
    throw new UsageError(`${reportPath} is a report of verify-pacts: its interactions are re-verified with \`conformance verify-pacts\` (the replay line of each finding), not replayed`);
  }
  const userTargets = hasUserTargets(user);
  if (!invocation && !userTargets) throw new UsageError(`${reportPath} does not record where its run sent its requests (an older report): give --target`);
  if (invocation && !invocation.embeddedMock && (invocation.token || invocation.credentialHeaders.length > 0) && user.token === undefined && Object.keys(user.headers).length === 0) {
    throw new UsageError(credentialsNeeded(invocation));
  }
  const operationIds = user.operationIds.length > 0 ? user.operationIds : [...new Set(entries.map((e) => e.operationId))];
  const own = userTargets ? undefined : invocation;
  if (own && !own.embeddedMock && Object.keys(user.mock).length > 0) {
    throw new UsageError("--mock-*: the embedded mock is not used: the report's run was sent to its own server, and so is its replay");
  }
  const { baseline: _baseline, corpus: _corpus, ...rest } = user;
  return {
    ...rest,
    seed: recorded.seed,
    caseIds: [],
    dryRun: false,
    operationIds,
    reports: outputs.reports,
    reportDir: outputs.reportDir ?? REPLAY_REPORT_DIR,
    specs: user.specs.length > 0 ? user.specs : (invocation?.specs ?? []),
    fixtures: { ...invocation?.fixtures, ...user.fixtures },
    targets: own && !own.embeddedMock ? recordedTargets(recorded, operationIds) : user.targets,
    mock: own?.embeddedMock ? { ...own.mock, ...user.mock } : user.mock,
    // The run's consent to mutate its own server carries over; a new target needs it given again.
    allowMutations: user.allowMutations || (own?.allowMutations ?? false),
    ...verdictSettings(user, invocation),
    ...safetySettings(user, invocation),
    ...(own && !own.embeddedMock ? transportSettings(user, own) : {}),
  };
}
