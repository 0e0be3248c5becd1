import type { RunReport } from '../../src/model/RunReport.ts';

/** What the HTML page embeds as JSON for its script: the report and the lines only the server side writes. */
export interface PageData {
  readonly report: RunReport;
  /** The verdict line every format shares (reporters/verdictLine.ts). */
  readonly verdict: string;
  /** What the verdict holds only with: unverified boundaries, relaxed rules (reporters/verdictNotes.ts). */
  readonly notes: readonly { readonly heading: string; readonly lines: readonly string[] }[];
}
