import Table from 'cli-table3';
import { fitColumns } from '../fitColumns.ts';
import { cellWidth } from '../terminalWidth.ts';
import type { Colors, Paint } from './ConsoleContext.ts';

/** A table cell: its plain text and how to colour it once it is fitted. */
export type Cell = readonly [text: string, paint?: Paint];

/** No rule between body rows: a table of ten checks stays ten lines. */
const COMPACT = { mid: '', 'left-mid': '', 'mid-mid': '', 'right-mid': '' };

/**
 * The console's tables: cells fitted to the terminal width (in terminal columns, so CJK and emoji
 * align), coloured after fitting, drawn by cli-table3 with one space of padding and no row rules.
 */
export class TableLayout {
  constructor(
    private readonly c: Colors,
    private readonly width: number,
  ) {}

  table(head: readonly string[], rows: readonly (readonly Cell[])[]): string {
    const [fittedHead, ...fittedRows] = fitColumns([head, ...rows.map((r) => r.map(([text]) => text))], this.width);
    const paintLines = (text: string, paint: Paint = (s) => s) => text.split('\n').map(paint).join('\n');
    // cli-table3's own colours are off: picocolors decides, so NO_COLOR and pipes are honoured in one place.
    const table = new Table({ head: fittedHead!.map((h) => paintLines(h, this.c.bold)), style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 }, chars: COMPACT });
    fittedRows.forEach((row, i) => table.push(row.map((text, col) => paintLines(text, rows[i]![col]![1]))));
    return table.toString();
  }

  /**
   * Whether rows fit the terminal without wrapping a cell: a matrix of squeezed cells is unreadable, so
   * a wider one is split instead. Callers leave out a head row that may wrap.
   */
  fitsWhole(rows: readonly (readonly Cell[])[]): boolean {
    const columns = Math.max(0, ...rows.map((r) => r.length));
    const widths = Array.from({ length: columns }, (_, c) => Math.max(1, ...rows.map((r) => cellWidth(r[c]?.[0] ?? ''))));
    return widths.reduce((a, b) => a + b, columns + 1 + 2 * columns) <= this.width;
  }

  /** Splits items into consecutive groups, each as large as `fits` allows (at least one item each). */
  groupsThatFit<T>(items: readonly T[], fits: (group: readonly T[]) => boolean): T[][] {
    const groups: T[][] = [];
    for (const item of items) {
      const last = groups.at(-1);
      if (last && fits([...last, item])) last.push(item);
      else groups.push([item]);
    }
    return groups;
  }
}
