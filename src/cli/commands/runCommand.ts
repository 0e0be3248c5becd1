import { resolve } from 'node:path';
import type { Command } from 'commander';
import { loadConfigFile, resolveConfig } from '../../config/resolveConfig.ts';
import { DEFAULT_CONFIG, REMOTE_DEFAULTS, REPORT_FORMATS, type ConformanceConfig, type ReportSpec } from '../../config/ConformanceConfig.ts';
import { REPLAY_REPORT_DIR } from '../../regression/replayConfig.ts';
import type { MainIo } from '../MainIo.ts';
import { collect } from '../collect.ts';
import {
  parseChoice,
  parseFixture,
  parseHeader,
  parseInteger,
  parseOnlyValue,
  parseResolve,
  parsePositiveNumber,
  parseReport,
  parseSpec,
  parseTarget,
  parseToken,
  type TargetFlags,
} from '../parseFlags.ts';
import { parseShard } from '../../config/parseShard.ts';
import { UsageError } from '../../errors/ConformanceError.ts';
import type { ReportShard } from '../../model/RunReport.ts';

export interface RunFlags {
  config?: string;
  spec: string[];
  target?: TargetFlags;
  fixture?: Record<string, string>;
  header?: Record<string, string>;
  token?: string;
  seed?: number;
  runs?: number;
  case: string[];
  shard?: ReportShard;
  operation: string[];
  onlyTarget: string[];
  strict?: boolean;
  report?: ReportSpec[];
  reportDir?: string;
  allowMutations?: boolean;
  dryRun?: boolean;
  concurrency?: number;
  timeout?: number;
  connectTimeout?: number;
  retries?: number;
  maxRequests?: number;
  maxAccepted?: number;
  taskDeadline?: number;
  mockTaskDuration?: number;
  onlyValue?: Record<string, string[]>;
  rateLimit?: number;
  maxResponseBytes?: number;
  insecure?: boolean;
  caFile?: string;
  proxy?: string;
  resolve?: string[];
  baseline?: string;
  failOn?: 'new' | 'any';
  corpus?: string;
  mockFault?: string;
  mockMutant?: string;
  mockLatency?: number;
  mockRateLimit?: number;
  mockChaos?: string;
}

/** Flags as a partial configuration: only what the user typed, so the config file fills the rest. */
export function flagsToConfig(flags: RunFlags): Partial<ConformanceConfig> {
  const defined = <T extends object>(value: T): Partial<T> => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
  const timeouts = defined({ headersMs: flags.timeout, bodyMs: flags.timeout, connectMs: flags.connectTimeout });
  return defined({
    specs: flags.spec,
    target: flags.target?.target,
    targets: flags.target?.targets,
    fixtures: flags.fixture,
    headers: flags.header,
    token: flags.token,
    seed: flags.seed,
    runs: flags.runs,
    caseIds: flags.case,
    shard: flags.shard,
    operationIds: flags.operation,
    targetNames: flags.onlyTarget,
    strict: flags.strict,
    reports: flags.report,
    reportDir: flags.reportDir,
    allowMutations: flags.allowMutations,
    dryRun: flags.dryRun,
    concurrency: flags.concurrency,
    ...(Object.keys(timeouts).length > 0 ? { timeouts: timeouts as ConformanceConfig['timeouts'] } : {}),
    retries: flags.retries,
    maxRequests: flags.maxRequests,
    maxAccepted: flags.maxAccepted,
    taskDeadlineMs: flags.taskDeadline,
    onlyValues: flags.onlyValue,
    rateLimit: flags.rateLimit,
    maxResponseBytes: flags.maxResponseBytes,
    insecure: flags.insecure,
    caFile: flags.caFile,
    proxy: flags.proxy,
    resolve: flags.resolve,
    baseline: flags.baseline,
    failOn: flags.failOn,
    corpus: flags.corpus,
    mock: defined({ fault: flags.mockFault, mutant: flags.mockMutant, latencyMs: flags.mockLatency, taskDurationMs: flags.mockTaskDuration, rateLimit: flags.mockRateLimit, chaos: flags.mockChaos }),
  });
}

/** Options every command that sends requests shares: target, credentials, transport, reports, mock. */
export function addTargetOptions(command: Command): Command {
  return command
    .option('--config <file>', 'JSON or YAML config file (see src/config/config.schema.json)')
    .option('--spec <path>', 'OpenAPI 3.1 or 3.0 document (repeatable; default: the shipped schemas)', (v, p: string[]) => parseSpec(v, p), [])
    .option('--target <url|name=url>', 'base URL for every operation, or for one operationId/document (repeatable); default: the embedded mock', (v, p: TargetFlags | undefined) => parseTarget(v, p))
    .option('--fixture <name=value>', 'id of an existing resource by path-parameter name (repeatable)', (v, p: Record<string, string> | undefined) => parseFixture(v, p))
    .option(
      '--header <"Name: value">',
      'header sent to the operations whose security schemes name it (a header none names: to every request); treated as a credential and redacted (repeatable)',
      (v, p: Record<string, string> | undefined) => parseHeader(v, p),
    )
    .option(
      '--token <token>',
      "credential sent in the first of each operation's security schemes the target accepts, tried in document order (HCX: x-hm-authorization, then Authorization: Bearer, then Authorization; DC: X-Auth-Token)",
      parseToken,
    )
    .option('--operation <operationId>', 'run only this operation (repeatable; default: every operation)', collect, [])
    .option('--only-target <name>', "run only this server of the config file's targets, by its name (repeatable; default: all)", collect, [])
    .option('--strict', 'every broken rule fails the run: warnings count as failures')
    .option(
      '--report <format=path>',
      `write a report, as FORMAT or FORMAT=PATH: ${REPORT_FORMATS.join(', ')} (repeatable; default: every file format but har into the report directory)`,
      (v, p: ReportSpec[] | undefined) => parseReport(v, p) as ReportSpec[],
    )
    .option('--report-dir <dir>', `directory of the default reports (default: ${DEFAULT_CONFIG.reportDir} for run, ${REPLAY_REPORT_DIR} for replay)`)
    .option('--allow-mutations', 'allow state-changing requests to a non-loopback target')
    .option('--concurrency <n>', `requests in flight at once (default ${DEFAULT_CONFIG.concurrency})`, parseInteger(1, 256))
    .option('--timeout <ms>', `headers and body timeout per request (default ${DEFAULT_CONFIG.timeouts.headersMs})`, parseInteger(1))
    .option('--connect-timeout <ms>', `connect timeout (default ${DEFAULT_CONFIG.timeouts.connectMs})`, parseInteger(1))
    .option('--retries <n>', `retries on 429/503, honouring Retry-After (default ${DEFAULT_CONFIG.retries})`, parseInteger(0, 10))
    .option('--max-requests <n>', `request budget (default ${REMOTE_DEFAULTS.maxRequests} for a non-loopback target)`, parseInteger(1))
    .option('--task-deadline <ms>', "how long a followed task may run before it is reported as never ending (default: the document's)", parseInteger(1))
    .option(
      '--max-accepted <n>',
      `accepted (2xx) state-changing requests per resource; then its other cases are not sent (default ${REMOTE_DEFAULTS.maxAccepted} for a non-loopback target)`,
      parseInteger(1),
    )
    .option(
      '--only-value <name=value>',
      'send only this value for an input (a parameter name or body member pointer) of every operation that has it (repeatable: the values add up)',
      (v, p: Record<string, string[]> | undefined) => parseOnlyValue(v, p),
    )
    .option('--rate-limit <rps>', `requests per second (default ${REMOTE_DEFAULTS.rateLimit} for a non-loopback target)`, parsePositiveNumber)
    .option('--max-response-bytes <n>', `response body cap in bytes (default ${DEFAULT_CONFIG.maxResponseBytes})`, parseInteger(1024))
    .option('--insecure', 'do not verify TLS certificates')
    .option('--ca-file <path>', 'extra CA certificate (PEM)')
    .option('--proxy <url>', 'HTTP(S) proxy')
    .option('--resolve <host:port:address>', 'connect to ADDRESS for HOST:PORT, as curl does; the name stays in URLs, Host, TLS and the safety rules (repeatable)', (v, p: string[] | undefined) =>
      parseResolve(v, p),
    )
    .option('--mock-fault <name>', 'embedded mock only: break one rule (list: npm run mock -- --list-faults)')
    .option('--mock-mutant <id>', 'embedded mock only: a generated mutant (list: npm run mock -- --list-mutants)')
    .option('--mock-latency <ms>', 'embedded mock only: delay every answer', parseInteger(0))
    .option('--mock-task-duration <ms>', 'embedded mock only: how long a task an accepted request starts runs (default 20)', parseInteger(0))
    .option('--mock-rate-limit <rps>', 'embedded mock only: answer 429 beyond this rate', parsePositiveNumber)
    .option('--mock-chaos <mode>', 'embedded mock only: hang, reset, garbage, redirect, huge, slow-body');
}

/** Reads the config file named by --config and merges it with the flags. */
export async function configFromFlags(flags: RunFlags) {
  if (flags.onlyTarget.length > 0 && !flags.config) throw new UsageError('--only-target names servers of a config file: give --config');
  const file = flags.config ? await loadConfigFile(flags.config, { onlyTargets: flags.onlyTarget, dryRun: flags.dryRun === true }) : {};
  const config = resolveConfig(file, flagsToConfig(flags));
  // Recorded absolute, so a replay from another folder finds it.
  return flags.config ? { ...config, configFile: resolve(flags.config) } : config;
}

/** `conformance run`: the conformance run against a target or the embedded mock. */
export function runCommand(program: Command, io: MainIo, setExit: (code: number) => void): void {
  addTargetOptions(program.command('run').description('send generated valid, boundary and one-violation requests and check every response'))
    .option('--seed <n>', `seed of the random cases; the same seed and case id replay the same request (default ${DEFAULT_CONFIG.seed})`, parseInteger(0, 4294967295))
    .option('--runs <n>', `random valid requests per operation (default ${DEFAULT_CONFIG.runs})`, parseInteger(0, 100000))
    .option('--case <id>', 'run only this case id (repeatable; from a report)', collect, [])
    .option('--shard <I/N>', 'send only the I-th of N disjoint parts of the plan (same seed on every shard); join the N reports with `conformance merge`', (text: string) => {
      const shard = parseShard(text);
      if (shard === undefined) throw new UsageError(`--shard must be I/N with 1 <= I <= N, got "${text}"`);
      return shard;
    })
    .option('--dry-run', 'print the planned requests as curl commands; send nothing')
    .option('--baseline <report.json>', 'compare with an earlier JSON report: new, still failing, fixed')
    .option('--fail-on <new|any>', `with --baseline: which violations make the exit code 1 (default ${DEFAULT_CONFIG.failOn})`, parseChoice('--fail-on', ['new', 'any'] as const))
    .option('--corpus <dir>', 'failing cases are stored here and replayed first on the next run')
    .action(async (flags: RunFlags) => {
      const { runWithReports } = await import('../runWithReports.ts');
      const { interruptSignal } = await import('../interruptSignal.ts');
      const config = await configFromFlags(flags);
      const interrupt = interruptSignal(io);
      try {
        setExit(await runWithReports(config, io, interrupt.signal));
      } finally {
        interrupt.dispose();
      }
    });
}
