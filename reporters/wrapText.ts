import { terminalWidth } from './terminalWidth.ts';

/**
 * Wraps text at spaces so that each line, indent included, fits `width` columns; the first line gets
 * `first`, the others `rest`. A single word longer than the line (a URL, an id) stays whole.
 */
export function wrapText(text: string, width: number, first: string, rest: string = first): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(' ')) {
    if (!empty && terminalWidth(line) + 1 + terminalWidth(word) > width) {
      lines.push(line);
      line = rest + word;
    } else {
      line = empty ? line + word : `${line} ${word}`;
    }
    empty = false;
  }
  lines.push(line);
  return lines;
}
