import type { Command } from 'commander';
import { UsageError } from '../../errors/ConformanceError.ts';
import type { CorpusEntry } from '../../regression/CorpusEntry.ts';
import { findingKey } from '../../regression/findingKey.ts';
import { loadBaseline } from '../../regression/loadBaseline.ts';
import { collect } from '../collect.ts';
import { interruptSignal } from '../interruptSignal.ts';
import type { MainIo } from '../main.ts';
import { runWithReports } from '../runWithReports.ts';
import { addTargetOptions, configFromFlags, type RunFlags } from './runCommand.ts';

/** `conformance replay REPORT.json [--case ID]...`: re-sends recorded failing cases and checks them again. */
export function replayCommand(program: Command, io: MainIo, setExit: (code: number) => void): void {
  addTargetOptions(program.command('replay').description('re-send the failing cases of a JSON report against a target (default: the embedded mock)'))
    .argument('<report.json>', 'a JSON report of an earlier run')
    .option('--case <id>', 'replay only this case id (repeatable)', collect, [])
    .action(async (reportPath: string, flags: RunFlags) => {
      const recorded = await loadBaseline(reportPath, 'report');
      const wanted = flags.case;
      const entries: CorpusEntry[] = recorded.findings
        .filter((f) => wanted.length === 0 || wanted.includes(f.caseId))
        .map((f) => ({ key: findingKey(f), caseId: f.caseId, operationId: f.operationId, check: f.check, ...(f.constraintId ? { constraintId: f.constraintId } : {}), intent: f.intent, seed: f.seed, request: f.request }));
      const unknown = wanted.filter((id) => !entries.some((e) => e.caseId === id));
      if (unknown.length > 0) throw new UsageError(`no finding with case id ${unknown.join(', ')} in ${reportPath}`);
      // Several findings may share one case: send each case once.
      const unique = [...new Map(entries.map((e) => [e.caseId, e])).values()];
      const config = { ...(await configFromFlags({ ...flags, case: [] })), seed: recorded.seed };
      const interrupt = interruptSignal(io);
      try {
        setExit(await runWithReports(config, io, interrupt.signal, { command: 'replay', recorded: unique }));
      } finally {
        interrupt.dispose();
      }
    });
}
