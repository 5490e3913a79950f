/**
 * The `--cache` file: per input file, its content hash and what linting it gave (redacted findings, notes,
 * counts, its use of config exemptions); and a snapshot of the last whole run, replayed when nothing of it
 * changed. The snapshot's findings come last, a line per file as the spool writes them: a cached run reads
 * the file up to them, and only a replay reads them (a large one passes each line to the spool unparsed).
 * Everything in it has been through redaction: it never holds a credential; of the texts code frames print,
 * it keeps only where their credentials are (offsets), so a replay masks them without looking again.
 */
import { closeSync, fstatSync, openSync, readFileSync, writeSync, type Stats } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { credentialSpans, maskSpans, spansFit, type Span } from '../redact/index.js';
import type { ExemptionUsage } from '../suppress/options.js';
import { linesOf } from '../run/read-lines.js';
import { spoolLine, type SpoolLine } from '../run/spool.js';
import type { Counts } from '../findings/counts.js';
import { VERSION } from '../version.js';
import type { FileReport, Finding } from '../types.js';

export const CACHE_VERSION = 3;

/** A file linted without cross-object checks of its own: its findings are its alone. */
export interface CachedFile {
  hash: string;
  report: FileReport;
  findings: Finding[];
  notes: string[];
  objects: number;
  internalErrors: number;
  unreached: string[];
  exemptions: ExemptionUsage;
}

/** The last run before its baseline and unused-exemption stage, with what it read; its findings stay on disk (`FindingsAt`). */
export interface CachedRun {
  /** Digest of every input (display name and content hash, in order) and of the context files. */
  inputs: string;
  /** Whether the run indexed context files (it had cross-object checks). */
  usedContext: boolean;
  files: FileReport[];
  /** Notes the lint stage added (discovery notes are made afresh). */
  notes: string[];
  objects: number;
  internalErrors: number;
  contextObjects: number;
  exemptions: ExemptionUsage;
}

/** A run as it is saved: its findings may come from the spool, read as they are written. */
export type SavedRun = CachedRun & { findings: Iterable<Finding> };

/**
 * Where the last run's findings are: the cache file from an offset on, and the file's identity when it was
 * read (a file replaced since is not the one described).
 */
export interface FindingsAt {
  file: string;
  offset: number;
  /** Their size in the file. */
  bytes: number;
  identity: string;
}

/** A context file's objects as the index holds them, for a run that needs them again. */
export interface CachedContext {
  hash: string;
  objects: number;
  /** The file's index records, `v8.serialize`d (it keeps shared parts shared) in base64. */
  records: string;
}

export interface CacheContent {
  kmlintCacheVersion: typeof CACHE_VERSION;
  /** The kmlint that wrote it: another version's results are never reused (its key differs too). */
  kmlintVersion: string;
  key: string;
  /**
   * Per file, its entry as JSON text: parsed only when the file is looked up, so a replayed run, which
   * needs none of them, neither parses nor keeps the objects of every file's findings.
   */
  files: Record<string, string>;
  /** Context files without a credential (a record holds the object's values). */
  context?: Record<string, CachedContext>;
  run?: CachedRun;
  /** Where the run's findings are, when there is a run. */
  findingsAt?: FindingsAt;
  /**
   * Per content hash of a text a code frame printed: its credential spans, as start and end offsets one
   * after the other. Offsets only, never the text they cover.
   */
  spans?: Record<string, number[]>;
}

/** The cache of one run: what the last run left under the same key, and what this run records. */
export class LintCache {
  private readonly previous: CacheContent | undefined;
  private readonly next: CacheContent;
  /** Content hashes of the context files this run has read (display name to hash). */
  readonly contextHashes = new Map<string, string>();

  private constructor(
    readonly file: string,
    /** The file's name in messages (relative to the working directory). */
    readonly display: string,
    key: string,
    previous: CacheContent | undefined,
  ) {
    const usable = previous?.kmlintCacheVersion === CACHE_VERSION && previous.kmlintVersion === VERSION && previous.key === key;
    this.previous = usable ? previous : undefined;
    this.next = { kmlintCacheVersion: CACHE_VERSION, kmlintVersion: VERSION, key, files: {} };
  }

  /** A missing, unreadable or foreign cache file is an empty cache: it is rewritten at the end of the run. */
  static open(file: string, display: string, key: string): LintCache {
    let previous: CacheContent | undefined;
    try {
      previous = readCache(file);
    } catch {
      previous = undefined;
    }
    return new LintCache(file, display, key, previous);
  }

  get lastRun(): CachedRun | undefined {
    return this.previous?.run;
  }

  /** The last run's findings, a file's line at a time (throws on a damaged cache or one replaced since it was read). */
  lastRunLines(): Generator<SpoolLine> {
    const at = this.previous?.findingsAt;
    if (!at) throw new Error('the cache holds no run');
    return findingLines(at);
  }

  /** The size of the last run's findings in the cache file. */
  get lastRunBytes(): number {
    return this.previous?.findingsAt?.bytes ?? 0;
  }

  /** Where the credentials were in a text a code frame of the last run printed (whether they fit it is the reader's to check). */
  storedSpans(hash: string): Span[] | undefined {
    const stored = this.previous?.spans?.[hash];
    return isOffsetList(stored) ? spansOf(stored) : undefined;
  }

  /** The file's cached result when its text is unchanged; it is carried over to the next cache. */
  lookup(display: string, hash: string): CachedFile | undefined {
    const text = this.previous?.files[display];
    if (text === undefined) return undefined;
    let entry: CachedFile;
    try {
      entry = JSON.parse(text) as CachedFile;
    } catch {
      return undefined;
    }
    if (entry.hash !== hash) return undefined;
    this.next.files[display] = text;
    // Parsed afresh from the text, so the run may change the findings it got.
    return entry;
  }

  /** A context file's records when its text is unchanged; carried over to the next cache. */
  contextLookup(display: string, hash: string): CachedContext | undefined {
    const entry = this.previous?.context?.[display];
    if (entry?.hash !== hash) return undefined;
    (this.next.context ??= {})[display] = entry;
    return entry;
  }

  recordContext(display: string, entry: CachedContext): void {
    (this.next.context ??= {})[display] = entry;
  }

  /**
   * The text code frames print for a file, credentials masked. The spans come from the last run when it
   * masked the same text, else from `found` (what redaction found) or a fresh look; either way they are kept.
   */
  masked(text: string, hash: string, found?: readonly Span[]): string {
    return maskSpans(text, spansOf(this.keepSpans(text, hash, found)));
  }

  /** Keeps where a text's credentials are, as `masked` does, for a run that reads the text again later itself. */
  keepSpans(text: string, hash: string, found?: readonly Span[]): number[] {
    const stored = this.previous?.spans?.[hash];
    const offsets = isOffsetList(stored) && spansFit(spansOf(stored), text.length) ? stored : (found ?? credentialSpans(text)).flatMap((span) => [span.start, span.end]);
    (this.next.spans ??= {})[hash] = offsets;
    return offsets;
  }

  record(display: string, entry: CachedFile): void {
    // Serialised now: later stages (the baseline) change findings in place.
    this.next.files[display] = JSON.stringify(entry);
  }

  /** Writes the cache (atomically) with the run's snapshot. Returns a note when it could not. */
  async save(run: SavedRun): Promise<string | undefined> {
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      await mkdir(path.dirname(this.file), { recursive: true });
      const fd = openSync(temporary, 'w');
      try {
        let batch = '';
        for (const line of cacheLines({ ...this.next, run })) {
          batch += `${line}\n`;
          if (batch.length < WRITE_BATCH) continue;
          writeSync(fd, batch);
          batch = '';
        }
        writeSync(fd, batch);
      } finally {
        closeSync(fd);
      }
      await rename(temporary, this.file);
      return undefined;
    } catch (error) {
      return `cannot write the cache ${this.display}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
    }
  }
}

const WRITE_BATCH = 1 << 16;

/**
 * The cache file is one JSON value per line (a header, then each file, context file, span list, the run and
 * its findings a file's line at a time): the cache of a large run is past V8's longest string, so it is never
 * one string.
 */
type CacheLine =
  | { header: Pick<CacheContent, 'kmlintCacheVersion' | 'kmlintVersion' | 'key'> }
  | { file: string; entry: CachedFile }
  | { context: string; entry: CachedContext }
  | { spans: string; offsets: number[] }
  | { run: CachedRun };

function* cacheLines(content: Omit<CacheContent, 'run'> & { run?: SavedRun }): Generator<string> {
  const line = (value: CacheLine): string => JSON.stringify(value);
  yield line({ header: { kmlintCacheVersion: content.kmlintCacheVersion, kmlintVersion: content.kmlintVersion, key: content.key } });
  // The same line as `line({ file, entry })`, from the entry's text as it is kept.
  for (const [file, entry] of Object.entries(content.files)) yield `{"file":${JSON.stringify(file)},"entry":${entry}}`;
  for (const [context, entry] of Object.entries(content.context ?? {})) yield line({ context, entry });
  for (const [spans, offsets] of Object.entries(content.spans ?? {})) yield line({ spans, offsets });
  if (!content.run) return;
  const { findings, ...run } = content.run;
  yield line({ run });
  for (const { counts, line: text } of linesPerFile(findings)) {
    yield `${COUNTS_LINE}${counts.error},${counts.warning},${counts.note},${counts.suppressed}${LINE_KEY}${text.slice(0, -1)}}`;
  }
}

/** Findings in order as the spool's lines: each run of one file's findings on a line. */
function* linesPerFile(findings: Iterable<Finding>): Generator<SpoolLine> {
  let group: Finding[] = [];
  for (const finding of findings) {
    if (group.length > 0 && group[0]!.file !== finding.file) {
      yield spoolLine(group[0]!.file, group);
      group = [];
    }
    group.push(finding);
  }
  if (group.length > 0) yield spoolLine(group[0]!.file, group);
}

// A finding line: `{"counts":[E,W,N,S],"line":LINE}`, where LINE is the spool's line `{"file":NAME,"findings":[…]}`.
const COUNTS_LINE = '{"counts":[';
const LINE_KEY = '],"line":';
const SPOOL_FILE_KEY = '{"file":';
const SPOOL_FINDINGS_KEY = ',"findings":[';

/** The finding lines of a cache, checked for their frame (a line's findings are parsed only by the reports). */
function* findingLines(at: FindingsAt): Generator<SpoolLine> {
  const fd = openSync(at.file, 'r');
  try {
    if (identityOf(fstatSync(fd)) !== at.identity) throw new Error('the cache file changed since it was read');
    for (const text of linesOf(fd, at.offset)) if (text !== '') yield findingLine(text);
  } finally {
    closeSync(fd);
  }
}

function findingLine(text: string): SpoolLine {
  const end = text.indexOf(LINE_KEY);
  const numbers = end > 0 && text.startsWith(COUNTS_LINE) ? text.slice(COUNTS_LINE.length, end).split(',').map(Number) : [];
  const line = text.slice(end + LINE_KEY.length, -1);
  // Inside a JSON string every `"` is escaped, so the first `,"findings":[` ends the file's name.
  const nameEnd = line.indexOf(SPOOL_FINDINGS_KEY);
  if (numbers.length !== 4 || !numbers.every(Number.isInteger) || !line.startsWith(SPOOL_FILE_KEY) || nameEnd < 0 || !text.endsWith(']}}')) {
    throw new Error('a damaged cache line');
  }
  const [error, warning, note, suppressed] = numbers as [number, number, number, number];
  const counts: Counts = { error, warning, note, suppressed };
  return { file: JSON.parse(line.slice(SPOOL_FILE_KEY.length, nameEnd)) as string, counts, line: `${line}\n` };
}

function identityOf(stats: Stats): string {
  return `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeMs}`;
}

/** Up to this size a cache file is read whole: one read and one decode cost a fifth of reading it in pieces. */
const READ_WHOLE = 64 << 20;

/**
 * A cache file read line by line (whole up to `readWhole` bytes) up to the run's findings, which only a
 * replay reads (`findingsAt`); throws on a damaged one. Another format version stops at its header.
 */
export function readCache(file: string, readWhole = READ_WHOLE): CacheContent | undefined {
  const fd = openSync(file, 'r');
  try {
    const stats = fstatSync(fd);
    const parts = stats.size > readWhole ? cacheFileInPieces(fd) : cacheFileWhole(fd);
    const lines = parts.lines;
    const first = lines.next();
    const header = first.done ? undefined : (JSON.parse(first.value) as Partial<Extract<CacheLine, { header: unknown }>>).header;
    if (header?.kmlintCacheVersion !== CACHE_VERSION) return undefined;
    const content: CacheContent = { ...header, files: {} };
    for (const text of lines) {
      const entry = fileEntry(text);
      if (entry) {
        content.files[entry.name] = entry.entry;
        continue;
      }
      const value = JSON.parse(text) as CacheLine;
      if ('context' in value) (content.context ??= {})[value.context] = value.entry;
      else if ('spans' in value) (content.spans ??= {})[value.spans] = value.offsets;
      else if ('run' in value) {
        content.run = value.run;
        const offset = Math.min(parts.findingsOffset(), stats.size);
        content.findingsAt = { file, offset, bytes: stats.size - offset, identity: identityOf(stats) };
        break;
      } else throw new Error('a damaged cache line');
    }
    return content;
  } finally {
    closeSync(fd);
  }
}

/** A cache file's lines up to its run's, and where the findings after it start. */
interface CacheFileParts {
  lines: IterableIterator<string>;
  /** Once the run's line has been read: the offset of the lines after it. */
  findingsOffset(): number;
}

/** A small cache file: one read; only what comes before the findings is decoded, and they are read again when replayed. */
function cacheFileWhole(fd: number): CacheFileParts {
  const bytes = readFileSync(fd);
  // A line of JSON holds no raw line break, and a line of the run starts so.
  const runLine = bytes.indexOf(RUN_LINE);
  const runEnd = runLine < 0 ? bytes.length : bytes.indexOf(0x0a, runLine + 1);
  const end = runEnd < 0 ? bytes.length : runEnd;
  const lines = bytes.toString('utf8', 0, end).split('\n');
  if (lines.at(-1) === '') lines.pop();
  return { lines: lines.values(), findingsOffset: () => end + 1 };
}

const RUN_LINE = '\n{"run":';

/** A large cache file (past V8's longest string, perhaps) in pieces, counting the bytes of the lines read. */
function cacheFileInPieces(fd: number): CacheFileParts {
  let offset = 0;
  const counted = function* (): Generator<string> {
    for (const line of linesOf(fd)) {
      offset += Buffer.byteLength(line) + 1;
      yield line;
    }
  };
  return { lines: counted(), findingsOffset: () => offset };
}

/**
 * A file's line split into its name and its entry's text, unparsed. In the line `{"file":NAME,"entry":ENTRY}`
 * the first `,"entry":` ends the name: inside a JSON string every `"` is escaped.
 */
function fileEntry(line: string): { name: string; entry: string } | undefined {
  if (!line.startsWith(FILE_LINE) || !line.endsWith('}')) return undefined;
  const end = line.indexOf(ENTRY_KEY);
  if (end < 0) return undefined;
  return { name: JSON.parse(line.slice(FILE_LINE.length, end)) as string, entry: line.slice(end + ENTRY_KEY.length, -1) };
}

const FILE_LINE = '{"file":';
const ENTRY_KEY = ',"entry":';

/** Offsets as `masked` stores them: start and end pairs (anything else is a damaged cache). */
function isOffsetList(value: unknown): value is number[] {
  return Array.isArray(value) && value.length % 2 === 0 && value.every((offset) => Number.isInteger(offset));
}

/** Start and end offsets one after the other, as spans. */
function spansOf(offsets: readonly number[]): Span[] {
  const spans: Span[] = [];
  for (let index = 0; index < offsets.length; index += 2) spans.push({ start: offsets[index]!, end: offsets[index + 1]! });
  return spans;
}
