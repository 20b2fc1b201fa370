/** A concurrency cap: at most `n` calls of the returned function run at once, the rest queue. */
export function concurrencyLimit(n: number): <T>(fn: () => Promise<T>) => Promise<T> {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`concurrency must be a positive integer, got ${n}`);
  let active = 0;
  const queue: Array<() => void> = [];
  const next = () => {
    if (active >= n) return;
    const start = queue.shift();
    if (start) {
      active++;
      start();
    }
  };
  return <T>(fn: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      queue.push(() => {
        fn()
          .then(resolve, reject)
          .finally(() => {
            active--;
            next();
          });
      });
      next();
    });
}

/** Maps items with a concurrency cap, keeping input order in the result. */
export async function mapLimited<A, B>(
  items: readonly A[],
  n: number,
  fn: (a: A, i: number) => Promise<B>,
): Promise<B[]> {
  const run = concurrencyLimit(n);
  return Promise.all(items.map((a, i) => run(() => fn(a, i))));
}
