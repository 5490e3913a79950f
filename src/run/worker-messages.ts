/** What the main thread and the worker threads of a run say to each other: plain, structured-clone data only. */
import type { ShardInfo } from '../shard/report.js';
import type { FileDecision, FileReport, Finding, InvalidText } from '../types.js';
import type { LintOptions, RunStats } from './lint.js';
import type { ThreadOptions } from './parallel-options.js';
import type { OnDiskFile } from './spool-sources.js';
import type { SpoolLine } from './spool.js';

/** One input as a worker gets it: a file it reads itself, or what the main thread read (standard input). */
export interface SourceTicket {
  display: string;
  /** Position among the run's inputs. */
  position: number;
  absolute?: string;
  explicit?: boolean;
  partial?: FileDecision;
  outcome?: { text: string } | { skipped: string } | { invalid: InvalidText };
}

/** The run's options without what cannot cross threads (functions, custom rules) or stays with the main thread. */
export type WorkerOptions = Omit<LintOptions, 'paths' | 'onProgress' | 'onCheckpoint' | 'findingStage' | 'ruleOptionsForFile' | 'rules' | 'cache' | 'shard' | 'context' | 'stdinText' | 'concurrency' | 'configFlags' | 'spool'>;

export interface WorkerJob {
  sources: SourceTicket[];
  options: WorkerOptions;
  /** The main thread spools the findings: send each file's as the spool's line, not as objects. */
  spooled?: boolean;
  configFlags?: ThreadOptions['configFlags'];
}

/** Worker → main. */
export type WorkerMessage =
  /**
   * A file done, with the findings of its walk (final and sorted), sent at once: the worker holds none. As
   * objects, or, when the main thread spools, as the spool's lines (written here, passed on there).
   */
  | { type: 'file'; lines: FileFindings[]; spooled?: SpoolLine[] }
  /** Every file walked: the worker's objects, serialized per input file, and whether it has checks waiting. */
  | { type: 'walked'; chunks: RecordChunk[]; waiting: boolean }
  | { type: 'done'; run: WorkerRun }
  | { type: 'failed'; name: string; message: string; stack?: string };

export interface FileFindings {
  file: string;
  findings: Finding[];
}

/** One input's index records, `v8.serialize`d: the main thread orders them without reading them. */
export interface RecordChunk {
  position: number;
  bytes: Uint8Array;
}

/**
 * Main → worker, after every worker walked its files: the run's objects in input order, then the context's,
 * as serialized chunks in one shared buffer (one copy however many workers read it). Undefined: no checks wait.
 */
export interface IndexMessage {
  records: { buffer: SharedArrayBuffer; ends: number[] } | undefined;
}

/**
 * A worker's part of the run, before the run-wide stage, but for the findings its files' messages carried:
 * with those, the shape of a shard's report.
 */
export interface WorkerRun {
  shard: ShardInfo;
  files: FileReport[];
  /** Findings on files no input of this worker holds (they come first), and each file's after its walk. */
  head: Finding[];
  late: [file: string, findings: Finding[]][];
  objects: number;
  internalErrors: number;
  /** Texts for code frames that cannot be read again (standard input). */
  sources: Map<string, string>;
  /** Files on disk whose code frames read them again when the report is written: display name, path. */
  onDisk: OnDiskFile[];
  stats?: RunStats;
}
