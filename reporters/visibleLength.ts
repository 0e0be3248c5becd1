// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

/** Columns a terminal string takes: colour codes take none. */
export function visibleLength(text: string): number {
  return text.replace(ANSI, '').length;
}
