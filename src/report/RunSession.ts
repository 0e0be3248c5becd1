import type { CaseResult } from '../model/CaseResult.ts';
import type { RunBegin, RunListener, RunStart } from '../model/RunListener.ts';
import type { RunReport } from '../model/RunReport.ts';

/**
 * One run as its listeners see it, whatever command drives it (run, replay, merge, verify-pacts, proxy,
 * check-har): begin, start, every case result fanned out, the report handed to every listener, close.
 * The protocol lives here once: every listener gets the report even when another one fails to write,
 * and then the run's own failure (a tool error that stopped it) or else the first write error is thrown.
 */
export class RunSession implements RunListener {
  constructor(private readonly listeners: readonly RunListener[]) {}

  onRunBegin(begin: RunBegin): void {
    for (const l of this.listeners) l.onRunBegin?.(begin);
  }

  onRunStart(start: RunStart): void {
    for (const l of this.listeners) l.onRunStart?.(start);
  }

  onCaseResult(result: CaseResult): void {
    for (const l of this.listeners) l.onCaseResult?.(result);
  }

  /** Hands the report to every listener, then throws `failure` (results gathered before it are written first) or the first write error. */
  async finish(report: RunReport, failure?: unknown): Promise<RunReport> {
    const ended = await Promise.allSettled(this.listeners.map(async (l) => l.onRunEnd?.(report)));
    const writeError = ended.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- the run's own failure, rethrown as it was thrown
    if (failure !== undefined) throw failure;
    if (writeError) throw writeError.reason;
    return report;
  }

  onRunClose(): void {
    for (const l of this.listeners) l.onRunClose?.();
  }
}
