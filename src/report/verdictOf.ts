import type { RunVerdict } from '../model/RunReport.ts';

/** What a verdict is decided from. */
export interface VerdictEvidence {
  /** Distinct findings of severity failure. */
  readonly failures: number;
  /** Some cause says too little could be tested. */
  readonly inconclusive: boolean;
  readonly interrupted: boolean;
}

/**
 * The one verdict formula. A failure decides first. An operation with a cause is inconclusive even in an
 * interrupted run (its cause says more than the interruption); the run as a whole says it was
 * interrupted before it lists causes, which an interruption may have left.
 */
export function verdictOf(evidence: VerdictEvidence, scope: 'run' | 'operation'): RunVerdict {
  if (evidence.failures > 0) return 'not-conforming';
  if (scope === 'run' && evidence.interrupted) return 'interrupted';
  if (evidence.inconclusive) return 'inconclusive';
  return evidence.interrupted ? 'interrupted' : 'conforming';
}
