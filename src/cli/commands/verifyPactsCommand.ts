import type { Command } from 'commander';
import { TOOL_VERSION } from '../../toolVersion.ts';
import { EMBEDDED_TARGET_NAME } from '../../model/targetName.ts';
import { collect } from '../collect.ts';
import type { MainIo } from '../MainIo.ts';
import { parseFixture, parseHeader, parseInteger, parsePositiveNumber, parseReport, parseSpec, parseToken, parseUrl } from '../parseFlags.ts';
import { DEFAULT_CONFIG, REMOTE_DEFAULTS, REPORT_FORMATS, type ReportSpec } from '../../config/ConformanceConfig.ts';

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
  maxRequests?: number;
  rateLimit?: number;
}

/** `conformance verify-pacts`: the real Pact verifier against a target (default: the embedded mock). */
export function verifyPactsCommand(program: Command, io: MainIo, setExit: (code: number) => void): void {
  program
    .command('verify-pacts')
    .description('verify the pact files (default: contracts/pacts/*.json) against a provider with the Pact verifier')
    .option('--target <url>', 'provider base URL (default: the embedded mock)', parseUrl('--target'))
    .option('--fixture <name=value>', 'id of an existing resource by path-parameter name: the provider-state values (repeatable)', (v, p: Record<string, string> | undefined) => parseFixture(v, p))
    .option(
      '--header <"Name: value">',
      'header sent to the interactions of the operations whose security schemes name it (a header none names: to every request); treated as a credential and redacted (repeatable)',
      (v, p: Record<string, string> | undefined) => parseHeader(v, p),
    )
    .option('--token <token>', "credential that replaces the pacts' placeholder", parseToken)
    .option('--pact <file>', 'pact file to verify (repeatable)', collect, [])
    .option('--spec <path>', 'OpenAPI 3.1 or 3.0 document naming the operations and credential headers (repeatable)', (v, p: string[]) => parseSpec(v, p), [])
    .option(
      '--report <format=path>',
      `write a report, as FORMAT or FORMAT=PATH: ${REPORT_FORMATS.join(', ')} (repeatable; default: every file format but har into the report directory)`,
      (v, p: ReportSpec[] | undefined) => parseReport(v, p) as ReportSpec[],
    )
    .option('--report-dir <dir>', `directory of the default reports (default ${DEFAULT_CONFIG.reportDir})`)
    .option('--allow-mutations', 'allow state-changing requests to a non-loopback target')
    .option('--mock-fault <name>', 'embedded mock only: break one rule')
    .option('--timeout <ms>', 'timeout of one request', parseInteger(1))
    .option('--max-requests <n>', `request budget, as for run (default ${REMOTE_DEFAULTS.maxRequests} for a non-loopback target); interactions past it are not sent`, parseInteger(1))
    .option('--rate-limit <rps>', `requests per second, as for run (default ${REMOTE_DEFAULTS.rateLimit} for a non-loopback target)`, parsePositiveNumber)
    .action(async (flags: VerifyFlags) => {
      const { createReporters } = await import('../../../reporters/index.ts');
      const { startMockServer } = await import('../../../mock/startMockServer.ts');
      const { credentialFlags } = await import('../../engine/credentialFlags.ts');
      const { prepareOperations } = await import('../../engine/prepareOperations.ts');
      const { ResultCollector } = await import('../../engine/ResultCollector.ts');
      const { shellQuote } = await import('../../runner/shellQuote.ts');
      const { RunSession } = await import('../../report/RunSession.ts');
      const { defaultPactFiles } = await import('../../pact/defaultPactFiles.ts');
      const { pactCaseResults } = await import('../../pact/pactCaseResults.ts');
      const { PACT_CHECK } = await import('../../pact/pactCheck.ts');
      const { PACT_DOCUMENT_CHECKS } = await import('../../pact/pactDocumentChecks.ts');
      const { pactSummaryLine } = await import('../../pact/pactSummaryLine.ts');
      const { runnerOptionsFor } = await import('../../engine/runConformance.ts');
      const { readPactFiles } = await import('../../pact/readPactFiles.ts');
      const { verifyPacts } = await import('../../pact/verifyPacts.ts');
      const { assertSafeTarget } = await import('../../runner/assertSafeTarget.ts');
      const { checkReachable } = await import('../../runner/checkReachable.ts');
      const { loadSpecs } = await import('../../openapi/loadSpecs.ts');
      const { checkReportPaths } = await import('../checkReportPaths.ts');
      const { exitCodeOf } = await import('../exitCodeOf.ts');
      const { resolveConfig } = await import('../../config/resolveConfig.ts');
      const started = new Date();
      // The same validation as `run` for what the two share (URLs, report paths, fixtures).
      const config = resolveConfig(
        {},
        {
          ...(flags.target ? { target: flags.target } : {}),
          ...(flags.reportDir ? { reportDir: flags.reportDir } : {}),
          ...(flags.report ? { reports: flags.report } : {}),
          ...(flags.mockFault ? { mock: { fault: flags.mockFault } } : {}),
          ...(flags.maxRequests !== undefined ? { maxRequests: flags.maxRequests } : {}),
          ...(flags.rateLimit !== undefined ? { rateLimit: flags.rateLimit } : {}),
        },
      );
      await checkReportPaths(config);
      // A pact that is empty or not a pact fails before anything is sent.
      const pactFiles = flags.pact.length > 0 ? flags.pact : defaultPactFiles();
      const infos = await readPactFiles(pactFiles);
      const specs = await loadSpecs(flags.spec);
      const operations = specs.flatMap((s) => s.operations);
      // The request budget and pace of a run to the same target (defaults for a non-loopback one).
      const pace = runnerOptionsFor(config, flags.target ? prepareOperations(specs, config, { url: flags.target }) : [], undefined);
      if (flags.target) {
        for (const operation of operations) assertSafeTarget(flags.target, { mutating: operation.hints.mutating, allowMutations: flags.allowMutations === true });
        await checkReachable(flags.target, {
          headers: {},
          timeouts: { connectMs: 5_000, headersMs: 10_000, bodyMs: 10_000 },
          concurrency: 1,
          retry: { maxRetries: 0, maxDelayMs: 0 },
          maxResponseBytes: 1,
        });
      }
      const reporters = createReporters(config.reports, {
        reportDir: config.reportDir,
        console: { stdout: { write: (t: string) => io.out(t), isTTY: false }, stderr: { write: (t: string) => io.err(t), isTTY: false } },
      });
      const result = await verifyPacts({
        ...(flags.target ? { target: flags.target } : { embeddedTarget: startMockServer }),
        fixtures: flags.fixture ?? {},
        headers: flags.header ?? {},
        ...(flags.token ? { token: flags.token } : {}),
        pactFiles,
        ...(flags.spec.length > 0 ? { specFiles: flags.spec } : {}),
        ...(flags.mockFault ? { mockFault: flags.mockFault } : {}),
        ...(flags.timeout ? { requestTimeoutMs: flags.timeout } : {}),
        ...(pace.maxRequests !== undefined ? { maxRequests: pace.maxRequests } : {}),
        ...(pace.rateLimitPerSecond !== undefined ? { rateLimitPerSecond: pace.rateLimitPerSecond } : {}),
        maxResponseBytes: config.maxResponseBytes,
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
        ...(flags.maxRequests !== undefined ? [`--max-requests ${flags.maxRequests}`] : []),
        ...(flags.rateLimit !== undefined ? [`--rate-limit ${flags.rateLimit}`] : []),
        ...(flags.target && flags.allowMutations ? ['--allow-mutations'] : []),
      ].join(' ');
      // One report builder for every command: the interactions go through the run's collector.
      const prepared = prepareOperations(specs, config, { url: result.target, ...(flags.target ? {} : { name: EMBEDDED_TARGET_NAME }) });
      const results = pactCaseResults(result, infos, prepared);
      const verified = new Set(results.map((r) => r.case.operationId));
      const judged = prepared.filter((p) => verified.has(p.operation.operationId));
      const collector = new ResultCollector(judged, { replayCommand: () => replay, command: 'verify-pacts', judges: { [PACT_CHECK]: 'intent' }, startedAt: started });
      const planned = Object.fromEntries(judged.map((p) => [p.operation.operationId, results.filter((r) => r.case.operationId === p.operation.operationId).length]));
      const session = new RunSession([collector, ...reporters]);
      session.onRunStart({ command: 'verify-pacts', seed: 0, planned });
      for (const caseResult of results) session.onCaseResult(caseResult);
      const notSent = result.providerRequests.find((r) => r.kind === 'not-sent');
      const report = collector.report({ interrupted: false, ...(notSent ? { stopReason: notSent.reason } : {}), checkNames: [PACT_CHECK, ...PACT_DOCUMENT_CHECKS], toolVersion: TOOL_VERSION });
      io.out(`${pactSummaryLine(results, report)}\n`);
      await session.finish(report);
      // As for `run`: interactions refused for their credential judge nothing, and say so (exit 3).
      setExit(exitCodeOf(report, io));
    });
}
