import { describe, expect, it } from 'vitest';
import picocolors from 'picocolors';
import { TableLayout } from '../../reporters/console/TableLayout.ts';
import { ConsoleReporter } from '../../reporters/ConsoleReporter.ts';
import { fitColumns } from '../../reporters/fitColumns.ts';
import { cutToWidth, terminalWidth } from '../../reporters/terminalWidth.ts';
import { wrapText } from '../../reporters/wrapText.ts';
import type { RunReport } from '../../src/model/RunReport.ts';
import { AP_SOUTH, buildMultiTargetReport } from './fixtures.ts';

const CJK_REGION = '東京リージョン第二データセンター-🚀';
const LONG_CJK = '香港の接続は帯域幅を更新しましたが応答は古い値のままでした'; // 29 characters, 58 columns
const COPIED = /^ {4}(request|curl|replay) {3,}/;

/** The lines of each table (from a top border to its bottom border) in a rendered summary. */
function tables(text: string): string[][] {
  const out: string[][] = [];
  let current: string[] | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('┌')) current = [];
    if (current) current.push(line);
    if (line.startsWith('└') && current) {
      out.push(current);
      current = undefined;
    }
  }
  return out;
}

describe('terminal columns: CJK and emoji take two, colour codes and combining marks none', () => {
  it('counts what a terminal shows', () => {
    expect(terminalWidth('abc')).toBe(3);
    expect(terminalWidth('東京')).toBe(4);
    expect(terminalWidth('🚀')).toBe(2);
    expect(terminalWidth('e\u0301')).toBe(1);
    expect(terminalWidth('\u001b[31mred\u001b[39m')).toBe(3);
  });

  it('cuts a line by columns, never inside a character', () => {
    const pieces = cutToWidth(`ab${LONG_CJK}🚀👍🏽`, 10);
    expect(pieces.join('')).toBe(`ab${LONG_CJK}🚀👍🏽`);
    for (const piece of pieces) expect(terminalWidth(piece)).toBeLessThanOrEqual(10);
    expect(pieces.at(-1)).toContain('👍🏽');
    expect(cutToWidth('', 10)).toEqual(['']);
  });

  it('wraps words by columns', () => {
    const lines = wrapText(Array.from({ length: 12 }, () => '東京の接続').join(' '), 40, '  ');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(terminalWidth(line)).toBeLessThanOrEqual(40);
  });

  it('fits table cells by columns: a CJK cell that looks short by characters is wrapped', () => {
    const [, row] = fitColumns(
      [
        ['check', 'detail'],
        ['negative-rejection', LONG_CJK],
      ],
      60,
    );
    for (const line of row![1]!.split('\n')) expect(terminalWidth(line)).toBeLessThanOrEqual(60 - 'negative-rejection'.length - 7);
    expect(row![1]!.replace(/\n/g, '')).toBe(LONG_CJK);
  });

  it('lays a table out with aligned borders and within the width, CJK and emoji cells included', () => {
    const layout = new TableLayout(picocolors.createColors(false), 80);
    const text = layout.table(
      ['check', `updateHostedConnect\n@ ${CJK_REGION}`],
      [
        [['negative-rejection'], ['FAIL 1/11']],
        [[LONG_CJK], ['✅ pass 10']],
        [['echo'], ['warn 👍🏽']],
      ],
    );
    const widths = text.split('\n').map(terminalWidth);
    expect(new Set(widths).size).toBe(1);
    expect(widths[0]).toBeLessThanOrEqual(80);
    expect(text.replace(/[\s│]+/g, '')).toContain('東京リージョン第二データセンター-🚀');
    expect(text).toContain('│ echo ');
  });
});

describe('console summary with a CJK and emoji target name', () => {
  const rename = <T extends { target: string }>(list: readonly T[]) => list.map((item) => (item.target === AP_SOUTH.name ? { ...item, target: CJK_REGION } : item));
  const base = buildMultiTargetReport();
  const report: RunReport = {
    ...base,
    operations: base.operations.map((o) => (o.targetName === AP_SOUTH.name ? { ...o, targetName: CJK_REGION } : o)),
    checks: rename(base.checks),
    coverage: rename(base.coverage),
    findings: rename(base.findings).map((f) => ({ ...f, message: `${f.message} ${LONG_CJK}` })),
    notRun: rename(base.notRun),
  };
  const text = new ConsoleReporter({ color: false, env: {} }).render(report);

  it('names the target, and every table keeps its borders aligned', () => {
    expect(text).toContain(`@ ${CJK_REGION}`);
    const all = tables(text);
    expect(all.length).toBeGreaterThan(1);
    for (const table of all) expect(new Set(table.map(terminalWidth)).size, table.join('\n')).toBe(1);
  });

  it('fits 80 terminal columns, apart from the commands a reader copies', () => {
    expect(text.split('\n').filter((l) => terminalWidth(l) > 80 && !COPIED.test(l))).toEqual([]);
  });
});
