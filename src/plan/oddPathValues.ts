/** An id of a shape a server must refuse with a 4xx, named for labels and case ids. */
export interface OddPathValue {
  /** Short stable name, part of the case id: `overlong`, `encoded-slash`. */
  readonly shape: string;
  /** What it is, after the parameter's name. */
  readonly label: string;
  readonly value: string;
  /**
   * True when the value carries the real id, which a server that decodes separators before it routes
   * reaches: a 2xx then answers with another resource than the one the id names.
   */
  readonly reachesReal?: boolean;
}

/** Far past any id's length limit, and still within what an HTTP server reads as a request line. */
export const OVERLONG_PATH_VALUE = 4096;

/** `text` with its last character replaced (the length stays that of a real id, so a length check lets it through). */
function lastReplaced(text: string, by: string): string {
  const points = [...text];
  return points.length === 0 ? by : `${points.slice(0, -1).join('')}${by}`;
}

/**
 * The odd shapes of one path parameter's value, built around `unknown` (a well-formed id naming nothing)
 * and, for the separators a careless server decodes before it routes, the real id (`fixture`): an id of
 * another shape of the same length, the empty value (`lastSegment` false: a segment with more path after
 * it, so the empty value names no other route), 4096 characters, `unknown/../fixture` (sent `%2F..%2F`),
 * `..` (sent `%2E%2E`), the real id with a `?` after it (sent `%3F`), and the last character replaced by a
 * NUL, a non-ASCII letter or a line break. None of them names an existing resource: every one must be
 * answered with a 4xx, never a 5xx nor another resource.
 */
export function oddPathValues(unknown: string, fixture: string | undefined, options: { readonly lastSegment: boolean }): OddPathValue[] {
  const base = unknown === '' ? 'x' : unknown;
  const candidates: OddPathValue[] = [
    { shape: 'unlike', label: 'of another shape (same length, letters only)', value: [...base].map((c) => (/[0-9A-Za-z]/.test(c) ? 'z' : '_')).join('') },
    ...(options.lastSegment ? [] : [{ shape: 'empty', label: 'empty (an empty segment)', value: '' }]),
    { shape: 'overlong', label: `of ${OVERLONG_PATH_VALUE} characters`, value: base.repeat(Math.ceil(OVERLONG_PATH_VALUE / base.length)).slice(0, OVERLONG_PATH_VALUE) },
    {
      shape: 'encoded-slash',
      label: fixture !== undefined ? 'as unknown%2F..%2Freal (an encoded separator)' : 'as two ids joined by %2F',
      value: fixture !== undefined ? `${base}/../${fixture}` : `${base}/${base}`,
      ...(fixture !== undefined ? { reachesReal: true } : {}),
    },
    { shape: 'dot-segment', label: 'as %2E%2E (a dot-segment)', value: '..' },
    { shape: 'encoded-query', label: fixture !== undefined ? 'as the real id and %3F' : 'as an id and %3F', value: `${fixture ?? base}?`, ...(fixture !== undefined ? { reachesReal: true } : {}) },
    { shape: 'nul', label: 'with a NUL (%00)', value: lastReplaced(base, '\u0000') },
    { shape: 'non-ascii', label: 'with a non-ASCII letter', value: lastReplaced(base, 'é') },
    { shape: 'line-break', label: 'with a line break (%0A)', value: lastReplaced(base, '\n') },
  ];
  const seen = new Set<string>();
  return candidates.filter((c) => c.value !== fixture && !seen.has(c.value) && seen.add(c.value));
}
