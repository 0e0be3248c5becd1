import type { Command } from 'commander';
import { TOOL_VERSION } from '../../toolVersion.ts';
import { createReporters } from '../../../reporters/index.ts';
import { startMockServer } from '../../../mock/startMockServer.ts';
import { catalogueOperation } from '../../catalogue/buildCatalogue.ts';
import { credentialFlags } from '../../engine/credentialFlags.ts';
import { EMBEDDED_TARGET_NAME } from '../../model/targetName.ts';
import { prepareOperations } from '../../engine/prepareOperations.ts';
import { ResultCollector } from '../../engine/ResultCollector.ts';
import { shellQuote } from '../../engine/shellQuote.ts';
import { defaultPactFiles } from '../../pact/defaultPactFiles.ts';
import { pactCaseResults } from '../../pact/pactCaseResults.ts';
import { PACT_CHECK } from '../../pact/pactCheck.ts';
import { readPactFiles } from '../../pact/readPactFiles.ts';
import { verifyPacts } from '../../pact/verifyPacts.ts';
import { assertSafeTarget } from '../../runner/assertSafeTarget.ts';
import { checkReachable } from '../../runner/checkReachable.ts';
import { loadSpecs } from '../../openapi/loadSpecs.ts';
import { collect } from '../collect.ts';
import { exitCodeOf } from '../exitCodeOf.ts';
import type { MainIo } from '../MainIo.ts';
import { checkReportPaths } from '../checkReportPaths.ts';
import { parseFixture, parseHeader, parseInteger, parseReport, parseSpec, parseToken } from '../parseFlags.ts';
import { resolveConfig } from '../../config/resolveConfig.ts';
import { DEFAULT_CONFIG, REPORT_FORMATS, type ReportSpec } from '../../config/ConformanceConfig.ts';

interface VerifyFlags {
  target?: string;
  fixture?: Record<string, string>;
  header?: Record<string, string>;
  token?: string;
  pact: string[];
  spec: string[];
  report?: ReportSpec[];
  reportDir?: string;
  allowMutations?: boolean;
  mockFault?: string;
  timeout?: number;
}

/** `conformance verify-pacts`: the real Pact verifier against a target (default: the embedded mock). */
export function verifyPactsCommand(program: Command, io: MainIo, setExit: (code: number) => void): void {
  program
    .command('verify-pacts')
    .description('verify the pact files (default: contracts/pacts/*.json) against a provider with the Pact verifier')
    .option('--target <url>', 'provider base URL (default: the embedded mock)')
    .option('--fixture <name=value>', 'id of an existing resource by path-parameter name: the provider-state values (repeatable)', (v, p: Record<string, string> | undefined) => parseFixture(v, p))
    .option('--header <"Name: value">', 'header sent with every request; treated as a credential and redacted (repeatable)', (v, p: Record<string, string> | undefined) => parseHeader(v, p))
    .option('--token <token>', 'credential that replaces the pacts\' placeholder', parseToken)
    .option('--pact <file>', 'pact file to verify (repeatable)', collect, [])
    .option('--spec <path>', 'OpenAPI 3.1 or 3.0 document naming the operations and credential headers (repeatable)', (v, p: string[]) => parseSpec(v, p), [])
    .option('--report <format=path>', `write a report, as FORMAT or FORMAT=PATH: ${REPORT_FORMATS.join(', ')} (repeatable; default: every file format but har into the report directory)`, (v, p: ReportSpec[] | undefined) => parseReport(v, p) as ReportSpec[])
    .option('--report-dir <dir>', `directory of the default reports (default ${DEFAULT_CONFIG.reportDir})`)
    .option('--allow-mutations', 'allow state-changing requests to a non-loopback target')
    .option('--mock-fault <name>', 'embedded mock only: break one rule')
    .option('--timeout <ms>', 'timeout of one request', parseInteger(1))
    .action(async (flags: VerifyFlags) => {
      const started = new Date();
      // The same validation as `run` for what the two share (URLs, report paths, fixtures).
      const config = resolveConfig({}, {
        ...(flags.target ? { target: flags.target } : {}),
        ...(flags.reportDir ? { reportDir: flags.reportDir } : {}),
        ...(flags.report ? { reports: flags.report } : {}),
        ...(flags.mockFault ? { mock: { fault: flags.mockFault } } : {}),
      });
      await checkReportPaths(config);
      // A pact that is empty or not a pact fails before anything is sent.
      const pactFiles = flags.pact.length > 0 ? flags.pact : defaultPactFiles();
      const infos = await readPactFiles(pactFiles);
      const specs = await loadSpecs(flags.spec);
      const operations = specs.flatMap((s) => s.operations);
      if (flags.target) {
        for (const operation of operations) assertSafeTarget(flags.target, { mutating: operation.hints.mutating, allowMutations: flags.allowMutations === true });
        await checkReachable(flags.target, { headers: {}, timeouts: { connectMs: 5_000, headersMs: 10_000, bodyMs: 10_000 }, concurrency: 1, retry: { maxRetries: 0, maxDelayMs: 0 }, maxResponseBytes: 1 });
      }
      const reporters = createReporters(config.reports, { reportDir: config.reportDir, console: { stdout: { write: (t: string) => io.out(t), isTTY: false }, stderr: { write: (t: string) => io.err(t), isTTY: false } } });
      const result = await verifyPacts({
        ...(flags.target ? { target: flags.target } : { embeddedTarget: startMockServer }),
        fixtures: flags.fixture ?? {},
        headers: flags.header ?? {},
        ...(flags.token ? { token: flags.token } : {}),
        pactFiles,
        ...(flags.spec.length > 0 ? { specFiles: flags.spec } : {}),
        ...(flags.mockFault ? { mockFault: flags.mockFault } : {}),
        ...(flags.timeout ? { requestTimeoutMs: flags.timeout } : {}),
      });
      // Runnable as printed apart from the credential placeholders: the provider states need the fixtures.
      const replay = [
        'npx conformance verify-pacts',
        ...(flags.target ? [`--target ${shellQuote(flags.target)}`, ...Object.entries(flags.fixture ?? {}).map(([name, value]) => `--fixture ${shellQuote(`${name}=${value}`)}`)] : []),
        ...(flags.target ? credentialFlags(Object.keys(flags.header ?? {}), flags.token !== undefined) : []),
        ...(flags.mockFault ? [`--mock-fault ${shellQuote(flags.mockFault)}`] : []),
        ...pactFiles.map((f) => `--pact ${shellQuote(f)}`),
        ...flags.spec.map((f) => `--spec ${shellQuote(f)}`),
        ...(flags.timeout ? [`--timeout ${flags.timeout}`] : []),
        ...(flags.target && flags.allowMutations ? ['--allow-mutations'] : []),
      ].join(' ');
      // One report builder for every command: the interactions go through the run's collector.
      const results = pactCaseResults(result, infos, operations, operations.flatMap(catalogueOperation));
      const verified = new Set(results.map((r) => r.case.operationId));
      const prepared = prepareOperations(specs, config, { url: result.target, ...(flags.target ? {} : { name: EMBEDDED_TARGET_NAME }) }).filter((p) => verified.has(p.operation.operationId));
      const collector = new ResultCollector(prepared, { replayCommand: () => replay, command: 'verify-pacts', intentChecks: [PACT_CHECK], startedAt: started });
      const planned = Object.fromEntries(prepared.map((p) => [p.operation.operationId, results.filter((r) => r.case.operationId === p.operation.operationId).length]));
      for (const listener of [collector, ...reporters]) listener.onRunStart?.({ command: 'verify-pacts', seed: 0, planned });
      for (const caseResult of results) for (const listener of [collector, ...reporters]) listener.onCaseResult?.(caseResult);
      const report = collector.report({ interrupted: false, checkNames: [PACT_CHECK], toolVersion: TOOL_VERSION });
      const ended = await Promise.allSettled(reporters.map(async (r) => r.onRunEnd?.(report)));
      const failed = ended.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
      // As for `run`: interactions refused for their credential judge nothing, and say so (exit 3).
      setExit(exitCodeOf(report, io));
    });
}
