import type picocolors from 'picocolors';

export type Colors = ReturnType<typeof picocolors.createColors>;
export type Paint = (text: string) => string;

/** What every section of the console summary is drawn with: the colours (or none) and the width. */
export interface ConsoleContext {
  readonly c: Colors;
  /** Terminal columns the summary is laid out for. */
  readonly width: number;
  /** Longest body or excerpt shown (characters). */
  readonly excerptChars: number;
  /** Longest body shown (lines). */
  readonly excerptLines: number;
}

export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
