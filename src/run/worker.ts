/**
 * A worker thread of a parallel run: lints the files it is given as a shard of the run, hands its objects to
 * the main thread, gets every thread's objects back, and runs its own cross-object checks against them.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readInput, DEFAULT_MAX_FILE_BYTES } from '../input/read.js';
import { ObjectIndex } from '../k8s/object-index.js';
import { rules } from '../rules/index.js';
import { lintSources, type LintOptions, type Source } from './lint.js';
import type { IndexMessage, SourceTicket, WorkerJob, WorkerMessage } from './worker-messages.js';

const port = parentPort!;
const post = (message: WorkerMessage): void => port.postMessage(message);

async function work(job: WorkerJob): Promise<void> {
  const options: Omit<LintOptions, 'paths'> = { ...job.options, onProgress: () => post({ type: 'progress' }) };
  if (job.configFlags) {
    const { setupRun } = await import('../config/run-setup.js');
    const setup = await setupRun(job.configFlags, { cwd: options.cwd, rules });
    if (setup.lint.findingStage) options.findingStage = setup.lint.findingStage;
    if (setup.lint.ruleOptionsForFile) options.ruleOptionsForFile = setup.lint.ruleOptionsForFile;
  }
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const positionOf = new Map(job.sources.map((ticket) => [ticket.display, ticket.position]));
  // A shard of one: every file given is reported here, and the run-wide stage is left to the main thread.
  const run = await lintSources(job.sources.map((ticket) => sourceOf(ticket, maxBytes)), { ...options, shard: { index: 1, count: 1 } }, [], {
    async join(own, waiting) {
      let last = job.sources[0]?.position ?? 0;
      const positions = own.all.map((record) => (last = positionOf.get(record.at.file) ?? last));
      const reply = new Promise<IndexMessage>((resolve) => port.once('message', resolve));
      post({ type: 'walked', records: [...own.all], positions, waiting });
      const { records } = await reply;
      if (!records) return undefined;
      const index = new ObjectIndex(own.complete);
      for (const record of records) index.add(record);
      return index;
    },
  });
  const shard = { ...run.shard!, positions: run.shard!.positions.map((at) => job.sources[at]!.position) };
  post({ type: 'done', run: { shard, files: run.files, findings: run.findings, objects: run.objects, internalErrors: run.internalErrors, sources: run.sources, stats: run.stats } });
}

function sourceOf(ticket: SourceTicket, maxBytes: number): Source {
  const { outcome, absolute } = ticket;
  const read: Source['read'] = outcome ? async () => outcome : () => readInput(absolute!, maxBytes);
  const source: Source = { display: ticket.display, read, explicit: ticket.explicit === true };
  if (absolute !== undefined) source.absolute = absolute;
  if (ticket.partial) source.partial = ticket.partial;
  return source;
}

work(workerData as WorkerJob).catch((error: unknown) => {
  const failure = error instanceof Error ? error : new Error(String(error));
  post({ type: 'failed', name: failure.name, message: failure.message, stack: failure.stack });
});
