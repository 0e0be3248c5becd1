import type { RunReport, RunVerdict } from '../../src/model/RunReport.ts';
import { printable } from '../printable.ts';
import { verdictLine } from '../verdictLine.ts';
import { NOTE_HEADINGS, verdictNotes } from '../verdictNotes.ts';
import { wrapText } from '../wrapText.ts';
import type { ConsoleContext, Paint } from './ConsoleContext.ts';

/** Green only for a conforming run: an inconclusive or stopped run is yellow, never green. */
function verdictPaint({ c }: ConsoleContext, verdict: RunVerdict): Paint {
  if (verdict === 'conforming') return c.green;
  if (verdict === 'not-conforming') return c.red;
  return c.yellow;
}

/**
 * Every inconclusive cause under the verdict. A run that failed somewhere is NOT CONFORMING, yet an
 * operation or target that could not be judged (refused token, unreachable URL) must still be named.
 */
function causeLines({ c, width }: ConsoleContext, report: RunReport): string[] {
  const { verdict, causes } = report.summary;
  if (causes.length === 0) return [];
  const heading = verdict === 'inconclusive' ? [] : [c.yellow(c.bold('also INCONCLUSIVE:'))];
  return [...heading, ...causes.flatMap((cause) => wrapText(printable(cause), width, '  - ', '    '))];
}

/** What the verdict holds only with: unverified boundaries, relaxed rules (src/engine/relaxationsOf.ts). */
function noteLines({ c, width }: ConsoleContext, report: RunReport): string[] {
  const notes = verdictNotes(report);
  const list = (heading: string, lines: readonly string[]): string[] =>
    lines.length === 0 ? [] : [c.yellow(c.bold(`${heading}:`)), ...lines.flatMap((line) => wrapText(printable(line), width, '  - ', '    '))];
  return [...list(NOTE_HEADINGS.unverified, notes.unverified), ...list(NOTE_HEADINGS.relaxed, notes.relaxed)];
}

/** The verdict line, then the causes and the notes it holds only with. */
export function verdictSection(ctx: ConsoleContext, report: RunReport): string[] {
  const paint = verdictPaint(ctx, report.summary.verdict);
  return [...wrapText(verdictLine(report), ctx.width, '', '  ').map((l) => paint(ctx.c.bold(l))), ...causeLines(ctx, report), ...noteLines(ctx, report)];
}
