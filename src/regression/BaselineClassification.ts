import type { Finding } from '../model/Finding.ts';

/** Findings of this run against a baseline run, keyed by `Finding.key`. */
export interface BaselineClassification {
  /** Failing now, not in the baseline. */
  readonly new: readonly Finding[];
  /** Failing now and in the baseline. */
  readonly stillFailing: readonly Finding[];
  /** In the baseline, not failing now (the baseline's finding). */
  readonly fixed: readonly Finding[];
}
