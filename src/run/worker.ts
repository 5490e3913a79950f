/**
 * A worker thread of a parallel run: lints the files it is given as a shard of the run, hands its objects to
 * the main thread, gets every thread's objects back, and runs its own cross-object checks against them.
 * The thread's entry (`src/worker.ts`) sits above the configuration layer and passes in how to rebuild it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readInputSync, DEFAULT_MAX_FILE_BYTES } from '../input/read.js';
import { ObjectIndex, type IndexedObject } from '../k8s/object-index.js';
import { deserialize, serialize } from 'node:v8';
import { lintSources, type LintOptions, type Source } from './lint.js';
import { FindingSpool, spoolLine, type SpoolLine } from './spool.js';
import type { ConfigFlags } from './parallel-options.js';
import type { Finding } from '../types.js';
import type { FileFindings, IndexMessage, RecordChunk, SourceTicket, WorkerJob, WorkerMessage } from './worker-messages.js';

const port = parentPort!;
const post = (message: WorkerMessage): void => port.postMessage(message);

/** The configuration's per-file stages, rebuilt in this thread from the flags that chose it. */
export type RebuildStages = (flags: ConfigFlags, cwd: string) => Promise<Pick<LintOptions, 'findingStage' | 'ruleOptionsForFile'>>;

/** Runs this thread's job (its `workerData`) and reports to the main thread. */
export function serveWorker(rebuild: RebuildStages): void {
  work(workerData as WorkerJob, rebuild).catch((error: unknown) => {
    const failure = error instanceof Error ? error : new Error(String(error));
    post({ type: 'failed', name: failure.name, message: failure.message, stack: failure.stack });
  });
}

async function work(job: WorkerJob, rebuild: RebuildStages): Promise<void> {
  const spool = new PostedFindings(job.spooled === true);
  const options: Omit<LintOptions, 'paths'> = { ...job.options, onProgress: () => spool.fileDone() };
  if (job.configFlags) {
    const { findingStage, ruleOptionsForFile } = await rebuild(job.configFlags, options.cwd);
    if (findingStage) options.findingStage = findingStage;
    if (ruleOptionsForFile) options.ruleOptionsForFile = ruleOptionsForFile;
  }
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const positionOf = new Map(job.sources.map((ticket) => [ticket.display, ticket.position]));
  // A shard of one: every file given is reported here, and the run-wide stage is left to the main thread.
  const run = await lintSources(job.sources.map((ticket) => sourceOf(ticket, maxBytes)), { ...options, shard: { index: 1, count: 1 }, spool }, [], {
    async join(own, waiting) {
      const reply = new Promise<IndexMessage>((resolve) => port.once('message', resolve));
      const chunks = chunksOf(own.all, (record) => positionOf.get(record.at.file));
      post({ type: 'walked', chunks, waiting });
      const { records } = await reply;
      if (!records) return undefined;
      const index = new ObjectIndex(own.complete);
      let start = 0;
      for (const end of records.ends) {
        for (const record of deserialize(new Uint8Array(records.buffer, start, end - start)) as IndexedObject[]) index.add(record);
        start = end;
      }
      return index;
    },
  });
  const shard = { ...run.shard!, positions: run.shard!.positions.map((at) => job.sources[at]!.position) };
  post({
    type: 'done',
    run: {
      shard, files: run.files, head: spool.head, late: spool.lateFindings(), objects: run.objects, internalErrors: run.internalErrors,
      sources: run.sources, onDisk: run.sourceTexts?.onDiskFiles() ?? [], stats: run.stats,
    },
  });
}

/**
 * This thread's spool: each file's findings go to the main thread as soon as they are final. The message
 * copies them, so the thread neither holds them nor copies their strings off the file's text first, and the
 * main thread takes them in while the workers walk instead of all at the end.
 */
class PostedFindings extends FindingSpool {
  private done: FileFindings[] = [];
  private doneLines: SpoolLine[] = [];

  /** `asLines`: the main thread spools, so each file's findings go as the spool's line, written here. */
  constructor(private readonly asLines: boolean) {
    super();
  }

  override add(file: string, findings: readonly Finding[]): void {
    if (this.asLines) this.doneLines.push(spoolLine(file, findings));
    else this.done.push({ file, findings: findings as Finding[] });
  }

  /** One message per file, its findings and the progress together. */
  fileDone(): void {
    post({ type: 'file', lines: this.done, ...(this.asLines ? { spooled: this.doneLines } : {}) });
    this.done = [];
    this.doneLines = [];
  }
}

/** The records serialized per input file (a file's records are consecutive); a record of no known input keeps the last position. */
function chunksOf(records: readonly IndexedObject[], positionOf: (record: IndexedObject) => number | undefined): RecordChunk[] {
  const chunks: RecordChunk[] = [];
  let start = 0;
  let position = records[0] ? (positionOf(records[0]) ?? 0) : 0;
  for (let i = 1; i <= records.length; i++) {
    const next = i < records.length ? (positionOf(records[i]!) ?? position) : undefined;
    if (next === position) continue;
    chunks.push({ position, bytes: serialize(records.slice(start, i)) });
    start = i;
    if (next !== undefined) position = next;
  }
  return chunks;
}

function sourceOf(ticket: SourceTicket, maxBytes: number): Source {
  const { outcome, absolute } = ticket;
  const read: Source['read'] = outcome ? async () => outcome : async () => readInputSync(absolute!, maxBytes);
  const source: Source = { display: ticket.display, read, explicit: ticket.explicit === true };
  if (absolute !== undefined) source.absolute = absolute;
  if (ticket.partial) source.partial = ticket.partial;
  return source;
}
