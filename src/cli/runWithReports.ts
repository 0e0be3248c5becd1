import { createReporters } from '../../reporters/index.ts';
import type { ConformanceConfig } from '../config/ConformanceConfig.ts';
import { runConformance } from '../engine/runConformance.ts';
import type { Case } from '../model/Case.ts';
import type { RunReport } from '../model/RunReport.ts';
import { corpusCase } from '../regression/corpusCase.ts';
import type { CorpusEntry } from '../regression/CorpusEntry.ts';
import type { RunListener } from '../model/RunListener.ts';
import { loadBaseline } from '../regression/loadBaseline.ts';
import { loadCorpus } from '../regression/loadCorpus.ts';
import { saveCorpus } from '../regression/saveCorpus.ts';
import { withBaseline } from '../regression/withBaseline.ts';
import { checkReportPaths } from './checkReportPaths.ts';
import { embeddedMock } from './embeddedMock.ts';
import { exitCodeOf } from './exitCodeOf.ts';
import { EXIT_OK } from './exitCodes.ts';
import type { MainIo } from './MainIo.ts';
import { loadSpecs } from '../openapi/loadSpecs.ts';

export interface RunWithReportsOptions {
  readonly command?: 'run' | 'replay';
  /** The recorded cases `replay` sends (from a report's findings). */
  readonly recorded?: readonly CorpusEntry[];
  readonly extraReporters?: readonly RunListener[];
}

/** Console reporter output through the CLI's io (so tests capture it). */
function consoleStreams(io: MainIo) {
  return {
    stdout: { write: (text: string) => io.out(text), isTTY: process.stdout.isTTY === true },
    stderr: { write: (text: string) => io.err(text), isTTY: process.stderr.isTTY === true },
  };
}

/**
 * `run` end to end: reporters, failure corpus (replayed first), baseline classification, and the exit
 * code: 1 when failures count (all, or only new ones with `--fail-on new`; warnings never), 2 when the
 * run was interrupted without one, 3 when it was inconclusive (too little could be tested), else 0.
 */
export async function runWithReports(config: ConformanceConfig, io: MainIo, signal: AbortSignal, options: RunWithReportsOptions = {}): Promise<number> {
  // A report that cannot be written must not cost a run's worth of requests: refuse before the first.
  if (!config.dryRun) await checkReportPaths(config);
  const command = options.command ?? 'run';
  const baseline = config.baseline ? await loadBaseline(config.baseline) : undefined;
  // `replay` sends the recorded cases it is given; `run` replays the failure corpus before its plan.
  const corpus = command === 'replay' ? (options.recorded ?? []) : config.corpus ? await loadCorpus(config.corpus) : [];
  const reporters = config.dryRun ? [] : [...createReporters(config.reports, { reportDir: config.reportDir, console: consoleStreams(io) }), ...(options.extraReporters ?? [])];
  // What a --spec document could not give in full (operations left out, 3.0 keywords in 3.1), said before
  // the run; the documents are loaded once (runConformance reuses them).
  for (const spec of config.specs.length > 0 ? await loadSpecs(config.specs) : []) for (const warning of spec.warnings) io.err(`warning: ${warning}\n`);
  const report: RunReport = await runConformance(config, {
    reporters,
    embeddedTarget: embeddedMock(config.mock.chaos),
    signal,
    command,
    dryRunOut: (line) => io.out(`${line}\n`),
    notice: (line) => io.err(`conformance: ${line}\n`),
    priorCases: (operations, targets) => {
      const cases = corpus.flatMap((entry): Case[] => {
        const prepared = operations.find((p) => p.operation.operationId === entry.operationId);
        // A replayed finding goes back to the target that failed it when the run has that target (a
        // state-changing request is not sent to regions that never failed it); the corpus goes everywhere.
        if (command === 'replay' && entry.target !== undefined && targets.includes(entry.target) && prepared?.targetName !== entry.target) return [];
        const rebuilt = prepared && corpusCase(entry, prepared.operation);
        return rebuilt ? [rebuilt] : [];
      });
      // A case recorded at several targets goes once to each.
      return [...new Map(cases.map((c) => [c.id, c])).values()];
    },
    ...(baseline && config.baseline ? { finalize: (r: RunReport) => withBaseline(r, baseline, config.baseline!) } : {}),
  });
  if (config.dryRun) return EXIT_OK;
  if (config.corpus && command === 'run') await saveCorpus(config.corpus, report, corpus);
  return exitCodeOf(report, io, baseline ? { baseline, failOn: config.failOn } : undefined);
}
