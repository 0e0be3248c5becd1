import type { CaseResult } from '../src/model/CaseResult.ts';
import type { RunReport } from '../src/model/RunReport.ts';

export interface RunStart {
  readonly command: 'run' | 'verify-pacts' | 'replay';
  readonly seed: number;
  /** Planned cases per operation. */
  readonly planned: Readonly<Record<string, number>>;
}

/**
 * A reporter only listens: every hook is optional, none of them sends a request or changes a result.
 * File reporters write in `onRunEnd`, which also runs when the run was interrupted.
 */
export interface Reporter {
  onRunStart?(start: RunStart): void;
  onCaseResult?(result: CaseResult): void;
  onRunEnd?(report: RunReport): void | Promise<void>;
}
