/**
 * 429 and 503 say "not now", not "no": an answer the runner could not get past after its retries says
 * nothing about the request itself, so intent checks do not judge it.
 */
export function isThrottled(status: number): boolean {
  return status === 429 || status === 503;
}
