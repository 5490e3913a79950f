/**
 * Reads a list of inputs a few at a time and hands the results back in the list's order. A read is several
 * round trips to libuv's thread pool (stat, open, read, close): one after another, the CPU waits on each.
 */
export async function* readInOrder<T, R>(items: readonly T[], read: (item: T) => Promise<R>, ahead = 8): AsyncGenerator<[T, R]> {
  const queue: Promise<R>[] = [];
  let started = 0;
  for (const item of items) {
    while (started < items.length && queue.length < ahead) {
      const reading = read(items[started++]!);
      // A rejection is seen when its turn comes, not as an unhandled one meanwhile.
      reading.catch(() => undefined);
      queue.push(reading);
    }
    yield [item, await queue.shift()!];
  }
}
