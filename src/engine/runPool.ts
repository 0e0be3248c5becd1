/**
 * Runs `work` over the items with at most `limit` in flight; stops taking new items once the signal
 * aborts or an item fails (items in flight finish, so their results are kept). The first failure is
 * raised once every worker has stopped, so nothing still runs when the caller reports.
 */
export async function runPool<T>(items: readonly T[], limit: number, signal: AbortSignal, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { readonly error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (!signal.aborted && failure === undefined && next < items.length) {
      const item = items[next++] as T;
      try {
        await work(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failure !== undefined) throw failure.error;
}
