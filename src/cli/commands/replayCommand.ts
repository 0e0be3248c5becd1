import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { defaultReports } from '../../../reporters/defaultReports.ts';
import type { ConformanceConfig } from '../../config/ConformanceConfig.ts';
import { UsageError } from '../../errors/ConformanceError.ts';
import { collect } from '../collect.ts';
import type { MainIo } from '../MainIo.ts';
import { addTargetOptions, configFromFlags, type RunFlags } from './runCommand.ts';

async function sameFile(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  try {
    const [x, y] = await Promise.all([stat(a), stat(b)]);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/** Refuses, before anything is sent, a report path that would overwrite the report being replayed. */
async function assertInputKept(config: ConformanceConfig, reportPath: string): Promise<void> {
  for (const spec of defaultReports(config.reports, config.reportDir)) {
    if (spec.path !== undefined && (await sameFile(spec.path, reportPath))) {
      throw new UsageError(`the ${spec.format} report ${spec.path} would overwrite the replayed report ${reportPath}: give --report ${spec.format}=ANOTHER_PATH or --report-dir`);
    }
  }
}

/**
 * `conformance replay REPORT.json [--case ID]...`: re-sends the recorded failing cases the way the
 * report's run sent them (its targets or the same embedded mock, its documents, fixtures and seed) and
 * checks them again. Exit 1 while a finding still fails, 0 when all are fixed, 3 when a case could not
 * be judged (answered 401/403).
 */
export function replayCommand(program: Command, io: MainIo, setExit: (code: number) => void): void {
  addTargetOptions(program.command('replay').description("re-send the failing cases of a JSON report to the report's own targets (or --target) and check them again"))
    .argument('<report.json>', 'a JSON report of an earlier run (never overwritten; the replay writes to conformance-replay/ by default)')
    .option('--case <id>', 'replay only this case id (repeatable)', collect, [])
    .action(async (reportPath: string, flags: RunFlags) => {
      const { runWithReports } = await import('../runWithReports.ts');
      const { interruptSignal } = await import('../interruptSignal.ts');
      const { loadBaseline } = await import('../../regression/loadBaseline.ts');
      const { corpusEntryOf } = await import('../../regression/corpusEntryOf.ts');
      const { replayConfig } = await import('../../regression/replayConfig.ts');
      const recorded = await loadBaseline(reportPath, 'report');
      const wanted = flags.case;
      const entries = recorded.findings.filter((f) => wanted.length === 0 || wanted.includes(f.caseId)).map(corpusEntryOf);
      const unknown = wanted.filter((id) => !entries.some((e) => e.caseId === id));
      if (unknown.length > 0) throw new UsageError(`no finding with case id ${unknown.join(', ')} in ${reportPath}`);
      // Several findings may share one case: send each case once per target that failed it.
      const unique = [...new Map(entries.map((e) => [`${e.caseId}|${e.target ?? ''}`, e])).values()];
      if (unique.length === 0) {
        io.out(`conformance: ${reportPath} holds no finding: nothing to replay, nothing sent\n`);
        return;
      }
      // The run's config file (expectations, severities) applies again unless another is given.
      const configFile = flags.config ?? recorded.invocation?.config;
      const user = await configFromFlags({ ...flags, case: [], ...(configFile !== undefined ? { config: configFile } : {}) });
      const config = replayConfig(recorded, reportPath, user, { reports: flags.report ?? [], ...(flags.reportDir !== undefined ? { reportDir: flags.reportDir } : {}) }, unique);
      await assertInputKept(config, reportPath);
      const interrupt = interruptSignal(io);
      try {
        // A replayed case refused for its credential proves nothing: the run's verdict is then inconclusive.
        setExit(await runWithReports(config, io, interrupt.signal, { command: 'replay', recorded: unique }));
      } finally {
        interrupt.dispose();
      }
    });
}
