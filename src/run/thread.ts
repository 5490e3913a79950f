/** Starts one of kmlint's worker threads from its entry: beside the bundle's chunks in `dist/`, or from source (tests) through tsx, which a worker does not inherit. */
import type { Worker, WorkerOptions } from 'node:worker_threads';

/** `worker`: a thread of `--concurrency`; `report-worker`: the thread that writes some of the reports. */
export type ThreadEntry = 'worker' | 'report-worker';

export function startThread(entry: ThreadEntry, options: WorkerOptions): Worker {
  // Loaded when a thread starts: most runs start none, and the module costs start-up time.
  const { Worker } = process.getBuiltinModule('node:worker_threads');
  if (!import.meta.url.endsWith('.ts')) {
    return new Worker(new URL(import.meta.url.includes('/chunks/') ? `../${entry}.js` : `./${entry}.js`, import.meta.url), options);
  }
  const source = JSON.stringify(new URL(`../${entry}.ts`, import.meta.url).href);
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${source}); })`, { ...options, eval: true });
}
