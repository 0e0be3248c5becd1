import stringWidth from 'string-width';

/**
 * Columns a string takes on a terminal: colour codes none, CJK ideographs and emoji two, combining
 * marks none (string-width, the count cli-table3 pads by, so a fitted table and its borders agree).
 */
export function terminalWidth(text: string): number {
  return stringWidth(text);
}

/** Widest line of a multi-line cell, in terminal columns. */
export function cellWidth(text: string): number {
  return Math.max(...text.split('\n').map(terminalWidth));
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The characters a reader sees (grapheme clusters): an emoji sequence or a letter with its marks is one. */
export function charactersOf(line: string): string[] {
  return [...graphemes.segment(line)].map((g) => g.segment);
}

/**
 * Cuts a line into pieces of at most `width` columns, never inside a character (an emoji sequence or a
 * letter with its combining marks stays whole); a character wider than `width` gets a piece of its own.
 * For short terminal lines only: it segments the whole line.
 */
export function cutToWidth(line: string, width: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let used = 0;
  for (const segment of charactersOf(line)) {
    const w = terminalWidth(segment);
    if (used + w > width && piece !== '') {
      pieces.push(piece);
      piece = '';
      used = 0;
    }
    piece += segment;
    used += w;
  }
  pieces.push(piece);
  return pieces;
}
