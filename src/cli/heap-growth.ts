/**
 * How far the CLI lets V8's heap grow between full collections. By default V8 lets the old generation grow
 * to up to about four times what survived the last full collection: a large run, whose parses die in the old
 * generation, peaked at four to five times its live heap. Once the process is large, growth is held to half
 * the live heap: now that the live heap is small (index values on disk, related locations bounded), that
 * costs no CPU measurably and cuts about a sixth of the peak, paid only by runs that large. Larger still, to a
 * fifth: at 100,000 documents the checks across files hold about 170 MB live, and half of it again on top was
 * what stood between the run and its bound, for about a tenth more full collections. The run announces that
 * stage with what it may add (`coming`), so growth is held back before it starts: one long check can grow
 * the heap by 100 MB between two looks.
 * A CLI setting: the library leaves its host's heap alone.
 */
import { setFlagsFromString } from 'node:v8';
import { collectGarbage } from './heap-limit.js';

/** From a size of the process (its, so worker threads' heaps count too), how much V8 may grow its heap. */
export interface GrowthStep {
  from: number;
  percent: number;
}

/**
 * The memory from which growth is held back. Early in a large run the live heap is small and V8 lets it grow
 * most: at 100,000 documents the process passed 400 MB in its first 40 seconds, before a step at 384 MB caught it.
 */
export const LARGE_MEMORY = 320 << 20;
/** Each step tighter than the one before. */
export const GROWTH_STEPS: readonly GrowthStep[] = [
  { from: LARGE_MEMORY, percent: 50 },
  { from: 384 << 20, percent: 20 },
];

/** How often the size of the process is read: reading it costs a system call, slow on some machines. */
export const CHECK_INTERVAL_MS = 250;

/** Where the limiter reads the process's size and the time; tests give their own. */
export interface MemoryProbe {
  rss(): number;
  now(): number;
}

const processProbe: MemoryProbe = { rss: () => process.memoryUsage.rss(), now: () => performance.now() };

/**
 * A check to call as the run goes: each time memory reaches a step, it holds growth back to that step's. It
 * reads the process's size at most every `CHECK_INTERVAL_MS`: read once per file, the reads added up to 0.24 s
 * of a 2.3 s run of the real corpus (opening `/proc/self/stat` waits up to milliseconds in the kernel while
 * the process is busy). `coming` is what the run is about to load in one go (a cache file), counted before it
 * is loaded, and always looked at: growth held back from the start of the load saves most of the full
 * collections it would take. Returns whether growth is held back at all.
 */
export function heapGrowthLimiter(steps: readonly GrowthStep[] = GROWTH_STEPS, probe: MemoryProbe = processProbe, collect: () => void = collectGarbage): (coming?: number) => boolean {
  let reached = 0;
  let checked = -Infinity;
  return (coming = 0) => {
    if (reached === steps.length) return true;
    const now = probe.now();
    if (coming === 0 && now - checked < CHECK_INTERVAL_MS) return reached > 0;
    checked = now;
    const size = probe.rss() + coming;
    let step = reached;
    while (step < steps.length && size >= steps[step]!.from) step++;
    if (step === reached) return reached > 0;
    reached = step;
    // V8 reads this flag at every full collection, in every thread. The limit it set at its last one stands
    // until the next, and may be several times the live heap: a run went on to 100 MB past the line before
    // that collection came. Collected now, the held growth applies from here.
    setFlagsFromString(`--heap-growing-percent=${steps[step - 1]!.percent}`);
    collect();
    return true;
  };
}

/** From this size of the process, the lint's garbage is collected before the reports are written. */
export const COLLECT_BEFORE_REPORTS = 256 << 20;

/**
 * Once the lint is done, its index, its waiting checks and the files' parses are garbage, but V8 collects the
 * old generation only once it has grown again, so the reports' own garbage piled on top of them: with every
 * rule and eight reports a run peaked while writing its reports (at 13,000 documents, 566 to 598 MB against
 * 472 to 481 MB with a full collection first). Smaller processes skip it: a one-file run need not pay even
 * the few milliseconds.
 */
export function collectBeforeReports(probe: Pick<MemoryProbe, 'rss'> = processProbe, collect: () => void = collectGarbage): boolean {
  if (probe.rss() < COLLECT_BEFORE_REPORTS) return false;
  collect();
  return true;
}
