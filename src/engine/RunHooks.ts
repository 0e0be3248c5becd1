import type { Case } from '../model/Case.ts';
import type { EmbeddedTargetFactory } from '../model/EmbeddedTarget.ts';
import type { RunListener } from '../model/RunListener.ts';
import type { RunReport } from '../model/RunReport.ts';
import type { PreparedOperation } from './PreparedOperation.ts';

export interface RunHooks {
  readonly reporters: readonly RunListener[];
  /**
   * Starts the server of a run that names no target (callers pass `startMockServer`); the engine does
   * not know the mock. `config.mock.chaos` is the caller's to apply: the factory is built where it is known.
   */
  readonly embeddedTarget?: EmbeddedTargetFactory;
  /** Aborting stops sending; the report of what ran is still built and handed to the reporters. */
  readonly signal?: AbortSignal;
  /** Receives the planned requests of a dry run, as curl commands. */
  readonly dryRunOut?: (line: string) => void;
  /** Receives what the user should know about how the run reads its input (a `--header` no operation names), once each. */
  readonly notice?: (line: string) => void;
  /**
   * Cases to send before the planned ones (the failure corpus of earlier runs), per target: `operations`
   * are the target's, `targets` the names of every target of the run.
   */
  readonly priorCases?: (operations: readonly PreparedOperation[], targets: readonly string[]) => Case[];
  /** `replay` sends only the prior cases: nothing is planned or explored. */
  readonly command?: 'run' | 'replay';
  /** Completes the report (baseline classification) before the reporters see it. */
  readonly finalize?: (report: RunReport) => RunReport;
}
