/**
 * Reads a list of inputs a few at a time and hands the results back in the list's order. A read is several
 * round trips to libuv's thread pool (stat, open, read, close): one after another, the CPU waits on each.
 * `ahead` reads stay in flight while the caller works on the one it was handed.
 */
export async function* readInOrder<T, R>(items: readonly T[], read: (item: T) => Promise<R>, ahead = 8): AsyncGenerator<[T, R]> {
  const queue: Promise<R>[] = [];
  let started = 0;
  const fill = (): void => {
    while (started < items.length && queue.length < ahead) {
      const reading = read(items[started++]!);
      // A rejection is seen when its turn comes, not as an unhandled one meanwhile.
      reading.catch(() => undefined);
      queue.push(reading);
    }
  };
  for (const item of items) {
    fill();
    const next = queue.shift()!;
    fill();
    yield [item, await next];
  }
}

/** An input's read outcome; a partial file (known not to hold objects to lint) is not read. */
export function readSource<R>(source: { partial?: unknown; read(): Promise<R> }): Promise<R | undefined> {
  return source.partial ? Promise.resolve(undefined) : source.read();
}
