/** `--concurrency N|auto`: how many worker threads lint the files of a run. Small, so the CLI loads it cheaply. */
import { UsageError } from '../errors.js';
import type { Preset } from '../engine/define-rule.js';
import type { ObjectIndex } from '../k8s/object-index.js';

export type Concurrency = number | 'auto';

export interface ThreadOptions {
  /**
   * Worker threads for the files (default 1: this thread). `auto`: one per core, except where threads do not pay
   * (one core, a small run, standard input). The report is the same whatever the number.
   */
  concurrency?: Concurrency;
  /**
   * How worker threads rebuild `findingStage` and `ruleOptionsForFile` (functions cannot cross threads): the
   * configuration flags the CLI gave `setupRun`. A run with those functions and without this stays in one thread.
   */
  configFlags?: ConfigFlags;
}

/** `--config`, `--no-config`, `--rule`, `--preset`: what chooses the configuration. */
export interface ConfigFlags {
  config?: string;
  noConfig?: boolean;
  rules?: readonly string[];
  presets?: Preset[];
}

/** Worker threads a run used, and why that many. */
export interface ThreadPlan {
  threads: number;
  reason: string;
}

export function parseConcurrency(text: string): Concurrency {
  if (text === 'auto') return 'auto';
  if (!/^\d+$/.test(text) || Number(text) < 1) throw new UsageError(`--concurrency must be a whole number of threads (1 or more) or auto; got "${text}".`);
  return Number(text);
}

/** In a worker thread: the main thread completes the worker's index with every thread's objects and the context's. */
export interface IndexPeers {
  /** Called once every file is walked; resolves to the complete index when the worker has checks `waiting`. */
  join(own: ObjectIndex, waiting: boolean): Promise<ObjectIndex | undefined>;
}
