import { cellWidth, charactersOf, terminalWidth } from './terminalWidth.ts';

/** Characters after which a long id or path may break: `DC.body.` / `hosted_connect.` reads well. */
const BREAK_AFTER = /[.\-/_ ]/;

/** Whether a line may break before character `i`: after a break character, or inside camelCase. */
function breaksAt(chars: readonly string[], i: number): boolean {
  return BREAK_AFTER.test(chars[i - 1]!) || (/[a-z]/.test(chars[i - 1]!) && /[A-Z]/.test(chars[i] ?? ''));
}

function wrapCell(text: string, width: number): string {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    // By characters and their columns, so a CJK or emoji cell wraps where the terminal would.
    let chars = charactersOf(line);
    while (terminalWidth(chars.join('')) > width) {
      let fit = 0;
      for (let used = 0; fit < chars.length && used + terminalWidth(chars[fit]!) <= width; fit++) used += terminalWidth(chars[fit]!);
      let cut = Math.max(1, fit);
      for (let i = fit; i > 0; i--) {
        if (breaksAt(chars, i)) {
          cut = i;
          break;
        }
      }
      out.push(chars.slice(0, cut).join('').trimEnd());
      chars = charactersOf(chars.slice(cut).join('').trimStart());
    }
    out.push(chars.join(''));
  }
  return out.join('\n');
}

/**
 * Fits the plain text of a table (head row first) into `maxWidth` terminal columns, borders and one
 * space of padding each side included (widths in terminal columns: a CJK character or an emoji takes two): the widest column gives up a column at a time, and cells too
 * wide for theirs wrap (preferably after `.`, `-`, `/`, `_`, a space, or between camelCase words). A
 * table that fits is unchanged.
 */
export function fitColumns(rows: readonly (readonly string[])[], maxWidth: number, minColumn = 6, roomy = 12): string[][] {
  const columns = Math.max(0, ...rows.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, c) => Math.max(1, ...rows.map((r) => cellWidth(r[c] ?? ''))));
  const frame = columns + 1 + 2 * columns;
  const total = () => widths.reduce((a, b) => a + b, frame);
  while (total() > maxWidth) {
    // The first column holds the row labels: the others give way first, down to `roomy` columns.
    const others = widths.slice(1);
    const widestOther = Math.max(0, ...others);
    const widest = widestOther > roomy ? 1 + others.indexOf(widestOther) : widths.indexOf(Math.max(...widths));
    if (widths[widest]! <= minColumn) break;
    widths[widest] = widths[widest]! - 1;
  }
  return rows.map((r) => r.map((cell, c) => wrapCell(cell, widths[c]!)));
}
