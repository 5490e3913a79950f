/**
 * How far the CLI lets V8's heap grow between full collections. By default V8 lets the old generation grow
 * to up to about four times what survived the last full collection: a large run, whose parses die in the old
 * generation, peaked at four to five times its live heap. Once the process is large, growth is held to twice the
 * live heap: about a quarter less peak memory for about a tenth more CPU, paid only by runs that large.
 * A CLI setting: the library leaves its host's heap alone.
 */
import { setFlagsFromString } from 'node:v8';

/** The memory from which growth is held back: the process's, so worker threads' heaps count too. */
export const LARGE_MEMORY = 512 << 20;
const GROWTH_PERCENT = 100;

/**
 * A check to call as the run goes (a few microseconds): the first time memory is large, it holds growth back.
 * `coming` is what the run is about to load in one go (a cache file), counted before it is loaded: growth
 * held back from the start of the load saves most of the full collections it would take.
 */
export function heapGrowthLimiter(large = LARGE_MEMORY): (coming?: number) => boolean {
  let limited = false;
  return (coming = 0) => {
    if (limited || process.memoryUsage.rss() + coming < large) return limited;
    // V8 reads this flag at every full collection, in every thread, so it takes effect at the next one.
    setFlagsFromString(`--heap-growing-percent=${GROWTH_PERCENT}`);
    limited = true;
    return limited;
  };
}
