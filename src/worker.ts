/** The entry of `--concurrency`'s worker threads (`dist/worker.js`): the run's thread body, given the configuration layer. */
import { rules } from './rules/index.js';
import { serveWorker } from './run/worker.js';

// Only a configuration with per-file stages is read again here; the main thread has already checked it.
serveWorker(async (flags, cwd) => (await (await import('./config/run-setup.js')).setupRun(flags, { cwd, rules })).lint);
