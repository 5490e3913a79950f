/**
 * Reports written in a second thread. A large run's reports take a fifth of its time, and one thread writes
 * them one beside the other. When the run uses threads (`--concurrency` above 1 or auto: a choice of speed
 * over memory, as two heaps hold more than one) and has enough findings, some of them go to a worker thread: it
 * reads its own copy of the spool (the lines held in memory or the spool's file, the views as data) and
 * writes to files this thread opened, while this thread writes the others. Only spooled findings (a large
 * replay's too): findings held in memory as objects (a small replay's) would have to be written out and parsed
 * again there, which cost what the thread saved. The reports that print source texts (text, rdjson) and
 * standard output stay here.
 */
import { availableParallelism } from 'node:os';
import type { FormatName } from '../formatters/index.js';
import { startThread } from '../run/thread.js';
import type { ReportJob } from './report-job.js';

/**
 * What writing each format costs, in microseconds per finding: a replay of the corpus x10 (113,000 findings)
 * writing one format at a time, less the same replay writing none.
 */
const COST: Record<FormatName, number> = { text: 6.2, json: 4.9, sarif: 1.8, github: 1.3, gitlab: 1.8, junit: 7.5, rdjson: 4.4, checkstyle: 4.0 };
/** A reading of the spool (each line parsed again), per finding. */
const READING = 4.0;
/** Starting the thread and loading the formatters there, in microseconds. */
const START = 100_000;

/** Formats that print the source texts: they stay with the texts, in this thread. */
const PRINTS_SOURCES = new Set<FormatName>(['text', 'rdjson']);

export interface ThreadChoice {
  /** Findings in the spool. */
  findings: number;
  /** No `--concurrency`, or 1: one thread, and the memory of one heap. */
  oneThread?: boolean;
  cores?: number;
  /** Tests: split as for a run so large that starting the thread costs nothing. */
  always?: boolean;
}

/**
 * Which of the reports (their positions) the second thread writes: the split that ends soonest by the costs
 * above, each thread reading the spool once for its reports, and only
 * when it ends a seventh sooner than one thread would. None on one core or without `--concurrency`.
 */
export function reportsForThread(targets: readonly { format: FormatName; file?: string }[], choice: ThreadChoice): number[] {
  if (choice.oneThread || (choice.cores ?? availableParallelism()) < 2) return [];
  const movable = targets.flatMap((target, position) => (target.file !== undefined && !PRINTS_SOURCES.has(target.format) ? [position] : []));
  const cost = (positions: readonly number[]): number => {
    if (positions.length === 0) return 0;
    return (positions.reduce((sum, position) => sum + COST[targets[position]!.format], 0) + READING) * choice.findings;
  };
  const all = targets.map((_, position) => position);
  const alone = cost(all);
  let best: { moved: number[]; time: number } = { moved: [], time: alone };
  for (let mask = 1; mask < 1 << movable.length; mask++) {
    const moved = movable.filter((_, bit) => mask & (1 << bit));
    const time = Math.max(cost(all.filter((position) => !moved.includes(position))), cost(moved) + (choice.always ? 0 : START));
    if (time < best.time) best = { moved, time };
  }
  return best.time < (alone * 6) / 7 ? best.moved : [];
}

/** The second thread, writing its reports; `done` settles when it has, `stop` ends it early (this thread failed). */
export interface ReportThread {
  done: Promise<void>;
  stop(): Promise<void>;
}

export function startReportThread(job: ReportJob): ReportThread {
  const worker = startThread('report-worker', { workerData: job });
  const done = new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the report thread stopped with exit code ${code}`))));
  });
  return {
    done,
    stop: async () => {
      done.catch(() => {});
      await worker.terminate();
    },
  };
}
