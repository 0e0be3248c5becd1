import type { Case } from './Case.ts';
import type { Exchange } from './Exchange.ts';
import type { Verdict } from './Verdict.ts';

/** One case after the run: sent and checked, or not run (and why). */
export type CaseResult =
  | { readonly status: 'ran'; readonly case: Case; readonly exchange: Exchange; readonly verdicts: readonly Verdict[] }
  | { readonly status: 'not-run'; readonly case: Case; readonly reason: string };
