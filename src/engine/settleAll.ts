/**
 * Waits for every promise, then throws the first rejection: unlike `Promise.all`, nothing is still
 * running (and emitting results) when the caller goes on to build its report.
 */
export async function settleAll(work: ReadonlyArray<Promise<unknown>>): Promise<void> {
  const failed = (await Promise.allSettled(work)).find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}
