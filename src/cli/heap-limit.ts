/**
 * A run that outgrows the heap Node allows ends in V8's fatal error: a native stack trace and exit code 134,
 * often after minutes. The CLI watches the heap as files are linted and, when what is live nears the limit,
 * stops first with one line that says how to lint the repository instead.
 */
import { totalmem } from 'node:os';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { ResourceError } from '../errors.js';

/**
 * Stop when this share of the old generation's limit is still in use after a full collection. Measured at
 * x38 with every rule: with a limit of 512 MB the run finishes, though its live data passes 80% in the checks
 * across files (a lower line would stop a run that finishes); with 384 MB this stops it there, where V8 died;
 * with 256 MB V8 gives up during the walk with 89% in use, garbage included, before this sees 90% live.
 */
export const NEAR_LIMIT = 0.9;

/**
 * What V8 reserves of its heap limit for the young generation when nothing says otherwise: three semi-spaces
 * of 16 MB on Node 20 and 22. Node 24 reserves 192 MB on a large machine; taking the smaller share there puts
 * the line 144 MB late, a few percent of V8's default limits, so the guard still acts before V8 gives up.
 */
const YOUNG_GENERATION = 48 * 2 ** 20;

/** How often a full collection may be forced: once per this share of the limit allocated since the last. */
const GC_STEP = 0.05;

/**
 * Returns a check to call between files: cheap (one heap statistic) until the heap in use passes
 * `NEAR_LIMIT` of `limit` (the old generation's limit, in bytes), then a full collection tells garbage from
 * live data. `KMLINT_HEAP_LIMIT_MB` sets a lower limit (tests), never a higher one. `where` may be a function,
 * called only to stop: formatting numbers for the message starts ICU, about 12 ms of a one-file run.
 */
export function heapLimitGuard(limit = heapLimit()): (where: string | (() => string)) => void {
  let lookCloser = NEAR_LIMIT * limit;
  return (where) => {
    if (getHeapStatistics().used_heap_size < lookCloser) return;
    collectGarbage();
    const live = getHeapStatistics().used_heap_size;
    if (live >= NEAR_LIMIT * limit) throw new ResourceError(advice(typeof where === 'string' ? where : where(), limit));
    lookCloser = Math.max(NEAR_LIMIT * limit, live + GC_STEP * limit);
  };
}

/** The old generation's limit, with `KMLINT_HEAP_LIMIT_MB` (tests) able only to lower it. */
function heapLimit(): number {
  const flags = [...(process.env.NODE_OPTIONS ?? '').split(/\s+/), ...process.execArgv];
  const constrained = process.constrainedMemory();
  const memory = constrained > 0 && constrained < totalmem() ? constrained : totalmem();
  const actual = oldGenerationLimit(getHeapStatistics().heap_size_limit, flags, memory);
  const asked = Number(process.env.KMLINT_HEAP_LIMIT_MB);
  return Number.isFinite(asked) && asked > 0 ? Math.min(actual, asked * 2 ** 20) : actual;
}

/**
 * The old generation's limit, where what a run keeps lives. `--max-old-space-size` sets it exactly, and
 * `--max-old-space-size-percentage` (Node 24; it wins) as a share of `memory`: the last one of `flags` (NODE_OPTIONS,
 * then the command line, which wins). Without either, the heap's limit less the young generation's share: a
 * small limit set by hand (a container's) must not be read with Node 24's larger young generation, which would
 * put the line above the limit itself.
 */
export function oldGenerationLimit(heapSizeLimit: number, flags: readonly string[], memory: number): number {
  let megabytes: number | undefined;
  let percentage: number | undefined;
  // NODE_OPTIONS may quote a value, or the whole option.
  const words = flags.map((flag) => flag.replaceAll('"', ''));
  for (const [position, flag] of words.entries()) {
    const match = /^--max[-_]old[-_]space[-_]size([-_]percentage)?(?:=(.*))?$/.exec(flag);
    if (!match) continue;
    const value = Number((match[2] ?? words[position + 1] ?? '').replace(/%$/, ''));
    if (!Number.isFinite(value) || value <= 0) continue;
    if (match[1]) percentage = value;
    else megabytes = value;
  }
  const limit = percentage !== undefined ? (percentage / 100) * memory : megabytes !== undefined ? megabytes * 2 ** 20 : undefined;
  if (limit !== undefined) return Math.min(limit, heapSizeLimit);
  return heapSizeLimit - Math.min(YOUNG_GENERATION, heapSizeLimit / 2);
}

function advice(where: string, limit: number): string {
  const mb = Math.round(limit / 2 ** 20);
  const larger = 2 ** Math.ceil(Math.log2(mb * 2));
  return (
    `stopped ${where}: the run needs more memory than Node's heap limit of ${mb.toLocaleString('en-US')} MB allows. ` +
    `Lint the repository in parts (--shard i/n in each part, then kmlint merge) ` +
    `or raise the limit: NODE_OPTIONS=--max-old-space-size=${larger}.`
  );
}

let gc: (() => void) | undefined;

/** A full collection, from a context made after `--expose-gc` is set: Node gives `gc` only to such a context. */
export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString('--expose-gc');
    // `node:vm` loaded here: only large runs collect, and importing it cost every run start-up time.
    gc = process.getBuiltinModule('node:vm').runInNewContext('gc') as () => void;
  }
  gc();
}
