/**
 * A regular expression over the decimal text of an integer that accepts exactly the integers in
 * [minimum, maximum]; `undefined` when neither bound is given. Pact has no numeric range rule, and its
 * regex rule matches a number's text, so this is how a contract states a documented range.
 */
export function integerRangePattern(minimum?: number, maximum?: number): string | undefined {
  if (minimum === undefined && maximum === undefined) return undefined;
  const lo = minimum === undefined ? undefined : Math.ceil(minimum);
  const hi = maximum === undefined ? undefined : Math.floor(maximum);
  if (lo !== undefined && hi !== undefined && lo > hi) return '^(?!)$';
  const alternatives: string[] = [];
  // Negative part: -x for x in [max(1, -hi), -lo].
  if (lo === undefined || lo < 0) {
    const from = hi !== undefined && hi < 0 ? -hi : 1;
    alternatives.push(...(lo === undefined ? [atLeast(from)] : rangeAlternatives(from, -lo)).map((a) => (a.includes('|') ? `-(?:${a})` : `-${a}`)));
  }
  // Non-negative part: [max(0, lo), hi].
  if (hi === undefined || hi >= 0) {
    const from = lo !== undefined && lo > 0 ? lo : 0;
    alternatives.push(...(hi === undefined ? [atLeast(from)] : rangeAlternatives(from, hi)));
  }
  return `^(?:${alternatives.join('|')})$`;
}

/** Every integer >= from (from >= 0). */
function atLeast(from: number): string {
  const digits = String(from).length;
  const top = 10 ** digits - 1;
  const longer = `[1-9][0-9]{${digits},}`;
  return from === 0 ? `0|[1-9][0-9]*` : `${rangeAlternatives(from, top).join('|')}|${longer}`;
}

/** Splits [min, max] (0 <= min <= max) into runs that one digit-wise pattern each describes. */
function rangeAlternatives(min: number, max: number): string[] {
  const stops = new Set<number>([max]);
  for (let nines = 1; ; nines++) {
    const stop = Number(String(min).slice(0, -nines) + '9'.repeat(nines));
    if (!(min <= stop && stop <= max)) break;
    stops.add(stop);
  }
  for (let zeros = 1; ; zeros++) {
    const stop = max + 1 - ((max + 1) % 10 ** zeros) - 1;
    if (!(min < stop && stop <= max)) break;
    stops.add(stop);
  }
  const out: string[] = [];
  let start = min;
  for (const stop of [...stops].sort((a, b) => a - b)) {
    out.push(digitPattern(start, stop));
    start = stop + 1;
  }
  return out;
}

/** One pattern for [start, stop] when both have the same number of digits and differ only in a tail of 0..9 runs. */
function digitPattern(start: number, stop: number): string {
  if (start === stop) return String(start);
  const a = String(start);
  const b = String(stop);
  let pattern = '';
  let free = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) pattern += a[i];
    else if (a[i] !== '0' || b[i] !== '9') pattern += `[${a[i]}-${b[i]}]`;
    else free++;
  }
  if (free > 0) pattern += free > 1 ? `[0-9]{${free}}` : '[0-9]';
  return pattern;
}
