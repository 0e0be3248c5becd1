import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import type { ReportSpec } from '../../config/ConformanceConfig.ts';
import { DEFAULT_CONFIG, REPORT_FORMATS } from '../../config/ConformanceConfig.ts';
import { ConfigError } from '../../errors/ConformanceError.ts';
import { TOOL_VERSION } from '../../toolVersion.ts';
import { isLoopback } from '../../runner/isLoopback.ts';
import { redactUrl } from '../../runner/redactUrl.ts';
import { interruptSignal } from '../interruptSignal.ts';
import type { MainIo } from '../MainIo.ts';
import { parseInteger, parseReport, parseSpec, parseUrl } from '../parseFlags.ts';

interface ProxyFlags {
  upstream: string;
  listen: { host: string; port: number };
  report?: ReportSpec[];
  reportDir?: string;
  quiet?: boolean;
  maxResponseBytes?: number;
  spec: string[];
}

/** `HOST:PORT` (`[::1]:8080` for IPv6); port 0 picks a free one. */
function parseListen(text: string): { host: string; port: number } {
  const match = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/.exec(text.trim());
  const port = match ? Number(match[3]) : NaN;
  if (!match || port > 65_535) throw new InvalidArgumentError(`expected HOST:PORT, got "${text}"`);
  return { host: match[1] ?? match[2]!, port };
}

/**
 * `conformance proxy`: forwards every request to the upstream unchanged and judges each exchange on the
 * side; SIGINT/SIGTERM stop accepting, let the exchanges in flight finish and write the reports.
 */
export function proxyCommand(program: Command, io: MainIo, setExit: (code: number) => void): void {
  program
    .command('proxy')
    .description('forward traffic to an upstream unchanged and judge what passes against the documents (sends nothing of its own); Ctrl-C writes the reports')
    .requiredOption('--upstream <url>', 'base URL of the real server the proxy forwards to', parseUrl('--upstream'))
    .option('--listen <host:port>', 'where the proxy listens', parseListen, { host: '127.0.0.1', port: 8080 })
    .option(
      '--report <format=path>',
      `write a report, as FORMAT or FORMAT=PATH: ${REPORT_FORMATS.join(', ')} (repeatable; default: every file format but har into the report directory)`,
      (v, p: ReportSpec[] | undefined) => parseReport(v, p) as ReportSpec[],
    )
    .option('--report-dir <dir>', `directory of the default reports (default ${DEFAULT_CONFIG.reportDir})`)
    .option('--quiet', 'no log line per exchange')
    .option('--max-response-bytes <n>', `bytes of each body kept for judging; a bigger body is forwarded whole and judged too large (default ${DEFAULT_CONFIG.maxResponseBytes})`, parseInteger(1024))
    .option('--spec <path>', 'OpenAPI 3.1 or 3.0 document (repeatable; default: the shipped schemas)', (v, p: string[]) => parseSpec(v, p), [])
    .action(async (flags: ProxyFlags) => {
      const { createReporters } = await import('../../../reporters/index.ts');
      const { resolveConfig } = await import('../../config/resolveConfig.ts');
      const { loadSpecs } = await import('../../openapi/loadSpecs.ts');
      const { exchangeLine } = await import('../../proxy/exchangeLine.ts');
      const { startProxy } = await import('../../proxy/startProxy.ts');
      const { TrafficAuditor } = await import('../../proxy/TrafficAuditor.ts');
      const { checkReportPaths } = await import('../checkReportPaths.ts');
      const { exitCodeOf } = await import('../exitCodeOf.ts');
      // The same validation as `run` for what they share (the URL, report paths, the body cap).
      const config = resolveConfig(
        {},
        {
          target: flags.upstream,
          ...(flags.report ? { reports: flags.report } : {}),
          ...(flags.reportDir ? { reportDir: flags.reportDir } : {}),
          ...(flags.maxResponseBytes ? { maxResponseBytes: flags.maxResponseBytes } : {}),
        },
      );
      await checkReportPaths(config);
      const specs = await loadSpecs(flags.spec);
      const streams = { write: (text: string) => io.out(text), isTTY: false };
      const reporters = createReporters(config.reports, {
        reportDir: config.reportDir,
        console: { stdout: streams, stderr: { write: (text: string) => io.err(text), isTTY: false }, progress: false },
      });
      const auditor = new TrafficAuditor(specs, { listeners: reporters, target: flags.upstream, toolVersion: TOOL_VERSION, command: 'proxy' });
      const { host, port } = flags.listen;
      // The proxy forwards its clients' credentials to the upstream: on a non-loopback address anyone who
      // reaches the port uses them. Said, not refused: a proxy for another machine's client needs it.
      if (!isLoopback(`http://${host.includes(':') ? `[${host}]` : host}`)) {
        io.err(
          `conformance proxy: warning: --listen ${host}:${port} is not loopback: anyone who reaches it sends requests upstream with the credentials it forwards; use --listen 127.0.0.1:${port} unless that is intended\n`,
        );
      }
      const interrupt = interruptSignal(io);
      let abandoned = 0;
      const proxy = await startProxy({
        upstream: flags.upstream,
        ...flags.listen,
        maxBodyBytes: config.maxResponseBytes,
        onExchange: (traffic) => {
          const { result, url } = auditor.observe(traffic);
          if (!flags.quiet) io.out(`${exchangeLine(traffic, url, result)}\n`);
        },
        onAbandoned: () => {
          abandoned += 1;
        },
      }).catch((error: unknown) => {
        interrupt.dispose();
        throw new ConfigError(`--listen ${flags.listen.host}:${flags.listen.port}: cannot listen (${(error as Error).message})`);
      });
      io.out(`conformance proxy: listening on ${proxy.url}, forwarding to ${redactUrl(flags.upstream)}; Ctrl-C stops and writes the reports\n`);
      try {
        await new Promise<void>((resolve) => interrupt.signal.addEventListener('abort', () => resolve(), { once: true }));
        await proxy.close();
      } finally {
        interrupt.dispose();
      }
      io.out(`conformance proxy: ${auditor.matched} exchange(s) judged, ${auditor.unmatched} matched no documented operation (not judged), ${abandoned} abandoned by the client\n`);
      // Stopping is how a proxy ends: the report covers all the traffic that passed, not an interrupted plan.
      const report = await auditor.finish({ interrupted: false });
      setExit(exitCodeOf(report, io));
    });
}
