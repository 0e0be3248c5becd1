/**
 * How an OpenAPI response key covers a status code: `exact` (`"404"`), `range` (`"4XX"`, any letter
 * case) or `default`; undefined when it does not. The one place status keys are read: a response is
 * looked up most specific first (exact, then range, then default).
 */
export function statusKey(key: string, status: number): 'exact' | 'range' | 'default' | undefined {
  const code = String(status);
  const upper = key.toUpperCase();
  if (upper === code) return 'exact';
  if (/^\d{3}$/.test(code) && upper === `${code[0]}XX`) return 'range';
  return upper === 'DEFAULT' ? 'default' : undefined;
}
