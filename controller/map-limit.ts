// Runs work over many items a few at a time, results in input order: fast for 250 groups without inviting
// throttling. Here (not in aws/) because the controller bounds its groups with it, and aws/ may import controller/.
export const mapLimit = async <T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> => {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T, i);
    }
  };
  const n = Math.max(1, Math.min(limit, items.length));
  // One worker (one group, as in the simulator every minute): no Promise.all around it.
  if (n === 1) await worker();
  else {
    const workers: Promise<void>[] = [];
    for (let k = 0; k < n; k += 1) workers.push(worker());
    await Promise.all(workers);
  }
  return results;
};
