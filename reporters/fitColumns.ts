/** Characters after which a long id or path may break: `DC.body.` / `hosted_connect.` reads well. */
const BREAK_AFTER = /[.\-/_ ]/;

/** Whether a line may break before position `i`: after a break character, or inside camelCase. */
function breaksAt(line: string, i: number): boolean {
  return BREAK_AFTER.test(line[i - 1]!) || (/[a-z]/.test(line[i - 1]!) && /[A-Z]/.test(line[i] ?? ''));
}

function wrapCell(text: string, width: number): string {
  const out: string[] = [];
  for (let line of text.split('\n')) {
    while (line.length > width) {
      let cut = width;
      for (let i = width; i > 0; i--) {
        if (breaksAt(line, i)) {
          cut = i;
          break;
        }
      }
      out.push(line.slice(0, cut).trimEnd());
      line = line.slice(cut).trimStart();
    }
    out.push(line);
  }
  return out.join('\n');
}

/**
 * Fits the plain text of a table (head row first) into `maxWidth` terminal columns, borders and one
 * space of padding each side included: the widest column gives up a column at a time, and cells too
 * wide for theirs wrap (preferably after `.`, `-`, `/`, `_`, a space, or between camelCase words). A
 * table that fits is unchanged.
 */
export function fitColumns(rows: readonly (readonly string[])[], maxWidth: number, minColumn = 6, roomy = 12): string[][] {
  const columns = Math.max(0, ...rows.map((r) => r.length));
  const widths = Array.from({ length: columns }, (_, c) => Math.max(1, ...rows.map((r) => Math.max(...(r[c] ?? '').split('\n').map((l) => l.length)))));
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
