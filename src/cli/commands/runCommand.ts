import type { Command } from 'commander';
import { loadConfigFile, resolveConfig } from '../../config/resolveConfig.ts';
import type { ConformanceConfig, ReportSpec } from '../../config/ConformanceConfig.ts';
import { runWithReports } from '../runWithReports.ts';
import type { MainIo } from '../main.ts';
import { collect } from '../collect.ts';
import { parseFixture, parseHeader, parseInteger, parsePositiveNumber, parseReport, parseTarget, type TargetFlags } from '../parseFlags.ts';
import { interruptSignal } from '../interruptSignal.ts';

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
  report?: ReportSpec[];
  reportDir?: string;
  allowMutations?: boolean;
  dryRun?: boolean;
  concurrency?: number;
  timeout?: number;
  connectTimeout?: number;
  retries?: number;
  maxRequests?: number;
  rateLimit?: number;
  maxResponseBytes?: number;
  insecure?: boolean;
  caFile?: string;
  proxy?: string;
  baseline?: string;
  failOn?: 'new' | 'any';
  corpus?: string;
  mockFault?: string;
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
    reports: flags.report,
    reportDir: flags.reportDir,
    allowMutations: flags.allowMutations,
    dryRun: flags.dryRun,
    concurrency: flags.concurrency,
    ...(Object.keys(timeouts).length > 0 ? { timeouts: timeouts as ConformanceConfig['timeouts'] } : {}),
    retries: flags.retries,
    maxRequests: flags.maxRequests,
    rateLimit: flags.rateLimit,
    maxResponseBytes: flags.maxResponseBytes,
    insecure: flags.insecure,
    caFile: flags.caFile,
    proxy: flags.proxy,
    baseline: flags.baseline,
    failOn: flags.failOn,
    corpus: flags.corpus,
    mock: defined({ fault: flags.mockFault, latencyMs: flags.mockLatency, rateLimit: flags.mockRateLimit, chaos: flags.mockChaos }),
  }) as Partial<ConformanceConfig>;
}

/** Options every command that sends requests shares: target, credentials, transport, reports, mock. */
export function addTargetOptions(command: Command): Command {
  return command
    .option('--config <file>', 'JSON or YAML config file (see src/config/config.schema.json)')
    .option('--spec <path>', 'OpenAPI 3.1 document (repeatable; default: the shipped schemas)', collect, [])
    .option('--target <url|name=url>', 'base URL for every operation, or for one operationId/document (repeatable); default: the embedded mock', (v, p: TargetFlags | undefined) => parseTarget(v, p))
    .option('--fixture <name=value>', 'id of an existing resource by path-parameter name (repeatable)', (v, p: Record<string, string> | undefined) => parseFixture(v, p))
    .option('--header <"Name: value">', 'header sent with every request; treated as a credential and redacted (repeatable)', (v, p: Record<string, string> | undefined) => parseHeader(v, p))
    .option('--token <token>', "credential sent in each operation's first security scheme (x-hm-authorization, X-Auth-Token)")
    .option('--report <format=path>', 'write a report: json, junit, md, html (repeatable; default: all into the report directory)', (v, p: ReportSpec[] | undefined) => parseReport(v, p) as ReportSpec[])
    .option('--report-dir <dir>', 'directory of the default reports (default conformance-report)')
    .option('--allow-mutations', 'allow state-changing requests to a non-loopback target')
    .option('--concurrency <n>', 'requests in flight at once', parseInteger(1, 256))
    .option('--timeout <ms>', 'headers and body timeout per request', parseInteger(1))
    .option('--connect-timeout <ms>', 'connect timeout', parseInteger(1))
    .option('--retries <n>', 'retries on 429/503 (honouring Retry-After)', parseInteger(0, 10))
    .option('--max-requests <n>', 'request budget (default 500 for a non-loopback target)', parseInteger(1))
    .option('--rate-limit <rps>', 'requests per second (default 5 for a non-loopback target)', parsePositiveNumber)
    .option('--max-response-bytes <n>', 'response body cap', parseInteger(1024))
    .option('--insecure', 'do not verify TLS certificates')
    .option('--ca-file <path>', 'extra CA certificate (PEM)')
    .option('--proxy <url>', 'HTTP(S) proxy')
    .option('--mock-fault <name>', 'embedded mock only: break one rule (list: npm run mock -- --list-faults)')
    .option('--mock-latency <ms>', 'embedded mock only: delay every answer', parseInteger(0))
    .option('--mock-rate-limit <rps>', 'embedded mock only: answer 429 beyond this rate', parsePositiveNumber)
    .option('--mock-chaos <mode>', 'embedded mock only: hang, reset, garbage, redirect, huge, slow-body');
}

/** Reads the config file named by --config and merges it with the flags. */
export async function configFromFlags(flags: RunFlags) {
  const file = flags.config ? await loadConfigFile(flags.config) : {};
  return resolveConfig(file, flagsToConfig(flags));
}

/** `conformance run`: the conformance run against a target or the embedded mock. */
export function runCommand(program: Command, io: MainIo, setExit: (code: number) => void): void {
  addTargetOptions(program.command('run').description('send generated valid, boundary and one-violation requests and check every response'))
    .option('--seed <n>', 'seed of the random cases (same seed and case id replay the same request)', parseInteger(0, 4294967295))
    .option('--runs <n>', 'random valid requests per operation (default 25)', parseInteger(0, 100000))
    .option('--case <id>', 'run only this case id (repeatable; from a report)', collect, [])
    .option('--dry-run', 'print the planned requests as curl commands; send nothing')
    .option('--baseline <report.json>', 'compare with an earlier JSON report: new, still failing, fixed')
    .option('--fail-on <new|any>', 'with --baseline: which violations make the exit code 1 (default any)')
    .option('--corpus <dir>', 'failing cases are stored here and replayed first on the next run')
    .action(async (flags: RunFlags) => {
      const config = await configFromFlags(flags);
      const interrupt = interruptSignal(io);
      try {
        setExit(await runWithReports(config, io, interrupt.signal));
      } finally {
        interrupt.dispose();
      }
    });
}
