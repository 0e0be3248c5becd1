import type { ConformanceConfig, ReportSpec } from '../config/ConformanceConfig.ts';
import { hasUserTargets } from '../engine/startTargets.ts';
import { UsageError } from '../errors/ConformanceError.ts';
import type { RunReport } from '../model/RunReport.ts';
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

/**
 * The configuration that re-sends a report's recorded cases the way its run sent them: to the report's
 * own targets (or, for a run against the embedded mock, a fresh mock with the same settings), with its
 * documents, fixtures and seed. What the user gives now wins: `--target` (then only their targets are
 * used, and `--allow-mutations` must be given again), `--spec`, `--fixture`, the mock flags. Baseline and
 * corpus are the run's business, not the replay's; reports go to `conformance-replay/` by default.
 * Stops before sending when the run authenticated to its server and no credential is given now.
 */
export function replayConfig(recorded: RunReport, reportPath: string, user: ConformanceConfig, outputs: ReplayOutputs, entries: readonly CorpusEntry[]): ConformanceConfig {
  const { invocation } = recorded;
  const userTargets = hasUserTargets(user);
  if (!invocation && !userTargets) throw new UsageError(`${reportPath} does not record where its run sent its requests (an older report): give --target`);
  if (invocation && !invocation.embeddedMock && (invocation.token || invocation.credentialHeaders.length > 0) && user.token === undefined && Object.keys(user.headers).length === 0) {
    throw new UsageError(credentialsNeeded(invocation));
  }
  const operationIds = user.operationIds.length > 0 ? user.operationIds : [...new Set(entries.map((e) => e.operationId))];
  const own = userTargets ? undefined : invocation;
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
    targets:
      own && !own.embeddedMock
        ? Object.fromEntries(recorded.operations.filter((o) => operationIds.includes(o.operationId)).map((o) => [o.operationId, o.target]))
        : user.targets,
    mock: own?.embeddedMock ? { ...own.mock, ...user.mock } : user.mock,
    // The run's consent to mutate its own server carries over; a new target needs it given again.
    allowMutations: user.allowMutations || (own?.allowMutations ?? false),
  };
}
