/**
 * `--concurrency`: the files of a run linted in worker threads, with the report one thread would write.
 *
 * Each worker lints its files as a shard of the run (see `shard/`): files are dealt out by size, not by
 * path hash, and no worker parses another's files. When every worker has walked its files, it sends its
 * index records here; the main thread puts them in input order, adds the context's, and sends the whole
 * list to the workers whose cross-object checks wait for it. The checks are closures over their file's
 * parse, so they run where they were registered. The shards' results then merge as `kmlint merge` merges them.
 */
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startThread } from './thread.js';
import { UsageError } from '../errors.js';
import { serialize } from 'node:v8';
import { finishShards } from '../shard/merge-run.js';
import { SHARD_REPORT_VERSION, type ShardReport } from '../shard/report.js';
import { VERSION } from '../version.js';
import { contextIndex, lintSources, type LintOptions, type LintRun, type Source } from './lint.js';
import type { ThreadPlan } from './parallel-options.js';
import type { FileFindings, IndexMessage, SourceTicket, WorkerJob, WorkerMessage, WorkerRun } from './worker-messages.js';
import { DEFAULT_MAX_FILE_BYTES } from '../input/read.js';
import type { Finding } from '../types.js';
import { mergedFindings, type FindingSpool, type SpoolLine } from './spool.js';
import { SourceTexts } from './spool-sources.js';

/**
 * Below these, `auto` keeps one thread: each worker costs about 1.2 s of CPU before it pays (start-up, and
 * what the rules load for each kind), and a thread of its own runs at about 1.2 cores (V8's collector and
 * compiler work beside it), so two workers on two cores were slower than one thread up to about 13 MB and
 * barely faster at 20 MB (measurements in docs/performance.md).
 */
export const AUTO_MIN_FILES = 16;
export const AUTO_MIN_BYTES = 24 << 20;

/** Lints the sources of `lint()` in worker threads when that is asked for and pays; else in this thread. */
export async function lintInThreads(sources: readonly Source[], options: LintOptions, notes: readonly string[]): Promise<LintRun> {
  const started = performance.now();
  const sizes = await Promise.all(sources.map((source) => sizeOf(source, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES)));
  const plan = planThreads(sources, sizes, options);
  if (plan.threads === 1) {
    const run = await lintSources(sources, options, notes);
    if (run.stats) run.stats.threads = plan;
    return run;
  }
  const groups = dealOut(sizes, plan.threads);
  const tickets = await Promise.all(sources.map((source, position) => ticketOf(source, position)));
  const { cwd, presets, ruleOverrides, suppress } = options;
  const workerOptions: WorkerJob['options'] = { ...withoutFunctions(options), ...(suppress ? { suppress: { ...suppress, baseline: undefined } } : {}) };
  // Workers read the configuration again only when it has per-file stages to rebuild.
  const rebuild = options.findingStage !== undefined || options.ruleOptionsForFile !== undefined;
  const clock = { walked: 0, checked: 0 };
  // The CLI spools: workers send each file's findings as the spool's line, which goes to it in input order.
  const spool = options.spool;
  const walkedFindings: FileFindings[][] = groups.map(() => []);
  const toSpool = spool ? inInputOrder(spool, groups) : undefined;
  let done = 0;
  const runs = await runWorkers(
    groups.map((group) => ({ sources: group.map((position) => tickets[position]!), options: workerOptions, ...(spool ? { spooled: true } : {}), ...(rebuild ? { configFlags: options.configFlags } : {}) })),
    {
      file(worker, message) {
        if (toSpool) toSpool(worker, message.spooled ?? []);
        else walkedFindings[worker]!.push(...message.lines);
        options.onProgress?.(++done, sources.length);
      },
      async complete(walked) {
        clock.walked = performance.now();
        if (!walked.some((message) => message.waiting)) return undefined;
        const context = await contextIndex(options, sources);
        const chunks = walked.flatMap((message) => message.chunks).sort((a, b) => a.position - b.position);
        return { records: shared([...chunks.map((chunk) => chunk.bytes), serialize([...context.all])]), contextObjects: context.all.length };
      },
    },
  );
  clock.checked = performance.now();
  const reports: ShardReport[] = runs.results.map((run, i) => ({
    kmlintShardVersion: SHARD_REPORT_VERSION,
    version: VERSION,
    shard: { ...run.shard, index: i + 1, count: runs.results.length, inputs: sources.length, discoveryNotes: [...notes] },
    files: run.files,
    findings: spool ? [] : findingsOf(run, walkedFindings[i]!),
    objects: run.objects,
    internalErrors: run.internalErrors,
  }));
  if (spool) {
    // As `findingsOf` orders them: findings on no input first, thread by thread; late ones join their file's line.
    for (const run of runs.results) spool.head.push(...run.head);
    for (const run of runs.results) for (const [file, late] of run.late) spool.addLate(file, late);
  }
  const result = finishShards(reports, { presets, ruleOverrides, suppress }, cwd, spool);
  result.contextObjects = runs.contextObjects;
  for (const run of runs.results) for (const [file, text] of run.sources) result.sources.set(file, text);
  // Workers spool, so they name the files on disk whose frames are read again rather than send their texts.
  const onDisk = runs.results.flatMap((run) => run.onDisk);
  if (onDisk.length > 0) {
    const texts = new SourceTexts(result.sources, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
    for (const [file, absolute, known] of onDisk) texts.onDisk(file, absolute, known);
    if (options.framesFromDisk) result.sourceTexts = texts;
    else {
      for (const [file] of onDisk) {
        const text = texts.get(file);
        if (text !== undefined) result.sources.set(file, text);
      }
    }
  }
  if (options.stats) result.stats = statsOf(runs.results, plan, { started, ...clock });
  return result;
}

/** A worker's findings as one thread would order them: those on no input of its own, then file by file. */
function findingsOf(run: WorkerRun, walked: readonly FileFindings[]): Finding[] {
  const late = new Map(run.late);
  const findings = [...run.head];
  for (const { file, findings: walk } of walked) findings.push(...mergedFindings(walk, late.get(file) ?? []));
  return findings;
}

/** How many threads a run gets, and why: the same answer for the same inputs on the same machine. */
export function planThreads(sources: readonly Source[], sizes: readonly number[], options: LintOptions, cores = availableParallelism()): ThreadPlan {
  const asked = options.concurrency ?? 1;
  const one = (reason: string): ThreadPlan => ({ threads: 1, reason });
  if (asked === 1) return one('concurrency 1');
  if (options.rules) return one('custom rules are functions and stay in this thread');
  if ((options.findingStage || options.ruleOptionsForFile) && !options.configFlags) return one('option functions stay in this thread');
  if (options.cache) return one('--cache runs in one thread');
  if (options.shard) return one('--shard runs in one thread');
  const files = sources.filter((source) => !source.partial).length;
  if (asked === 'auto') {
    if (cores < 2) return one('auto: one core');
    if (sources.some((source) => source.absolute === undefined && !source.partial)) return one('auto: standard input');
    const bytes = sizes.reduce((sum, size) => sum + size, 0);
    if (files < AUTO_MIN_FILES || bytes < AUTO_MIN_BYTES) return one(`auto: a small run (${files} files, ${Math.round(bytes / 1024)} KiB)`);
  }
  const threads = Math.min(asked === 'auto' ? cores : asked, files);
  return threads > 1 ? { threads, reason: asked === 'auto' ? `auto: ${cores} cores` : `concurrency ${asked}` } : one(`${files} file${files === 1 ? '' : 's'} to read`);
}

/**
 * Positions of the inputs for each thread, each list in input order. Largest first, each to the thread with
 * the fewest bytes so far: parse time follows size, so the threads finish close together.
 */
export function dealOut(sizes: readonly number[], threads: number): number[][] {
  const groups: number[][] = Array.from({ length: threads }, () => []);
  const loads = new Array<number>(threads).fill(0);
  const order = sizes.map((size, position) => ({ size, position })).sort((a, b) => b.size - a.size || a.position - b.position);
  for (const { size, position } of order) {
    const lightest = loads.indexOf(Math.min(...loads));
    groups[lightest]!.push(position);
    loads[lightest]! += size;
  }
  return groups.map((group) => group.sort((a, b) => a - b));
}

/** Bytes the input will cost to lint (a file over the limit is not read, so it costs nothing much). */
async function sizeOf(source: Source, maxBytes: number): Promise<number> {
  if (source.partial || source.absolute === undefined) return 0;
  const size = await stat(source.absolute).then((info) => info.size, () => 0);
  return size > maxBytes ? 0 : size;
}

/** What a worker needs to read an input: its path, or what this thread read (standard input). */
async function ticketOf(source: Source, position: number): Promise<SourceTicket> {
  const ticket: SourceTicket = { display: source.display, position };
  if (source.explicit) ticket.explicit = true;
  if (source.partial) ticket.partial = source.partial;
  else if (source.absolute !== undefined) ticket.absolute = source.absolute;
  else ticket.outcome = await source.read();
  return ticket;
}

function withoutFunctions(options: LintOptions): WorkerJob['options'] {
  const { paths: _paths, onProgress: _progress, onCheckpoint: _checkpoint, findingStage: _stage, ruleOptionsForFile: _options, rules: _rules, cache: _cache, shard: _shard, context: _context, stdinText: _stdin, concurrency: _concurrency, configFlags: _flags, spool: _spool, ...rest } = options;
  return rest;
}

/** The chunks one after the other in one shared buffer, with where each ends. */
function shared(chunks: readonly Uint8Array[]): NonNullable<IndexMessage['records']> {
  const ends: number[] = [];
  let end = 0;
  for (const chunk of chunks) ends.push((end += chunk.length));
  const buffer = new SharedArrayBuffer(end);
  const view = new Uint8Array(buffer);
  chunks.forEach((chunk, i) => view.set(chunk, i === 0 ? 0 : ends[i - 1]!));
  return { buffer, ends };
}

type Walked = Extract<WorkerMessage, { type: 'walked' }>;
type FileDone = Extract<WorkerMessage, { type: 'file' }>;

/**
 * Takes each worker's file messages (a worker sends its files in input order) and adds their lines to the
 * spool in the run's input order, holding those that come before their turn.
 */
function inInputOrder(spool: FindingSpool, groups: readonly (readonly number[])[]): (worker: number, lines: readonly SpoolLine[]) => void {
  const taken = groups.map(() => 0);
  const early = new Map<number, readonly SpoolLine[]>();
  let turn = 0;
  return (worker, lines) => {
    early.set(groups[worker]![taken[worker]!++]!, lines);
    for (let ready = early.get(turn); ready !== undefined; ready = early.get(turn)) {
      early.delete(turn++);
      for (const line of ready) spool.addLine(line);
    }
  };
}

/**
 * Starts one worker per job and waits for all: `complete` runs once every worker has walked its files, and
 * its records go to the workers waiting for them. A worker that fails stops the others; the run then throws.
 */
async function runWorkers(
  jobs: readonly WorkerJob[],
  hooks: { file(worker: number, message: FileDone): void; complete(walked: readonly Walked[]): Promise<{ records: NonNullable<IndexMessage['records']>; contextObjects: number } | undefined> },
): Promise<{ results: WorkerRun[]; contextObjects: number }> {
  const workers = jobs.map((job) => startWorker(job));
  const walked: Walked[] = [];
  let contextObjects = 0;
  try {
    const results = await Promise.all(
      workers.map((worker, i) => new Promise<WorkerRun>((resolve, reject) => {
        worker.on('message', (message: WorkerMessage) => {
          if (message.type === 'file') {
            // A hook that throws (the CLI's heap guard) ends the run, not the process.
            try {
              hooks.file(i, message);
            } catch (error) {
              reject(error);
            }
          } else if (message.type === 'done') resolve(message.run);
          else if (message.type === 'failed') reject(failureOf(message));
          else {
            walked[i] = message;
            if (walked.filter(Boolean).length < workers.length) return;
            hooks.complete(walked).then((complete) => {
              contextObjects = complete?.contextObjects ?? 0;
              workers.forEach((peer, at) => peer.postMessage({ records: walked[at]!.waiting ? complete?.records : undefined } satisfies IndexMessage));
            }, reject);
          }
        });
        worker.on('error', reject);
        worker.on('exit', (code) => reject(new Error(`a worker thread stopped (exit code ${code}) before its files were linted`)));
      })),
    );
    return { results, contextObjects };
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

function failureOf(message: Extract<WorkerMessage, { type: 'failed' }>): Error {
  const error = message.name === 'UsageError' ? new UsageError(message.message) : new Error(message.message);
  if (message.name !== 'UsageError') error.name = message.name;
  return error;
}

/** `--stats` of a parallel run: wall time per stage here, rule time summed over the threads. */
function statsOf(results: readonly WorkerRun[], plan: ThreadPlan, clock: { started: number; walked: number; checked: number }): NonNullable<LintRun['stats']> {
  const rules: Record<string, number> = {};
  for (const run of results) {
    for (const [id, ms] of Object.entries(run.stats?.rules ?? {})) rules[id] = Math.round(((rules[id] ?? 0) + ms) * 10) / 10;
  }
  const round = (ms: number): number => Math.round(ms * 10) / 10;
  const stages = { 'parse and rules': round(clock.walked - clock.started), 'cross-object': round(clock.checked - clock.walked), suppress: round(performance.now() - clock.checked) };
  return { stages, rules, threads: plan };
}

/**
 * A worker's young generation, in MB: Node 20 and 22's (three semi-spaces of 16 MB). Node 24 gives each thread
 * 192 MB on a large machine; with two threads at x10 (13,220 documents, every rule) that peaked at 960 to 990 MB
 * against 750 to 790 MB with this, in the same time. The old generation stays Node's (`--max-old-space-size`).
 */
const WORKER_YOUNG_GENERATION_MB = 48;

function startWorker(job: WorkerJob): Worker {
  return startThread('worker', { workerData: job, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
}
