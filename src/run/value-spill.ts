/**
 * Where a large run keeps what it reads back only in the checks across files, in a temporary file: its index
 * records' plain values and pod specs, and its rules' watches, each `v8.serialize`d once and read back when a
 * check asks for it. The values are the largest part of a record (about 1.3 KB of a document's heap), a
 * watch's data (locations, names) about 300 bytes; what the index looks records up by (identity, labels,
 * locations) stays in memory. The late findings of the checks across files wait in such a file too, as JSON.
 */
import { readSync, writeSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import type { SpilledValues, ValueStore } from '../k8s/stored-record.js';
import { ScratchBuffer } from '../input/scratch-buffer.js';
import { TempFile } from './temp-file.js';

/** Bytes gathered before one write: few system calls, little memory. */
const WRITE_CHUNK = 1 << 20;
/** Values read back and kept: checks read the same record a few times in a row (a watch, then its pods). */
const RECENT = 256;

/** What `--stats` tells of the file. */
export interface SpillFigures {
  records: number;
  bytes: number;
  /** Values read from the file, not found among the recent ones. */
  reads: number;
}

/**
 * How values are written. `v8`: what `v8.serialize` copies faithfully (plain objects, arrays, typed arrays,
 * strings, numbers, `undefined`, NaN). `json`: plain JSON (findings, as the spool's lines are), read through
 * one buffer. A value read back from `v8` may keep views into its bytes (typed arrays), so each such read has a
 * buffer of its own, memory of the C heap, which keeps what it has grown to: the late findings, read once
 * each, are JSON (at x38 their `v8` buffers grew the C heap from 27 to 54 MB during the checks across files).
 */
export type SpillEncoding = 'v8' | 'json';

/** A spill's file as plain data: its descriptor serves every thread of the process. */
export interface SpillPlaces {
  fd: number;
  /** Where each slot starts; the next slot's start, or `end`, is where it ends. */
  starts: readonly number[];
  end: number;
}

/** Values in a temporary file, a slot each, written through one buffer. */
export class Spill<T> {
  readonly figures: SpillFigures = { records: 0, bytes: 0, reads: 0 };
  private file: TempFile | undefined;
  /** Where each slot's bytes start in the file; the next slot's start is where they end. */
  private readonly starts: number[] = [];
  /** Made on the first store: most runs never write one. */
  private pending: Buffer | undefined;
  private pendingBytes = 0;
  private flushed = 0;
  private readonly recent = new Map<number, T>();

  constructor(
    private readonly fileName: string,
    /** How many values read back are kept, most recently used. */
    private readonly keepRecent = RECENT,
    private readonly encoding: SpillEncoding = 'v8',
  ) {}

  store(values: T): number {
    const encoded = this.encoding === 'v8' ? serialize(values) : JSON.stringify(values);
    const bytes = typeof encoded === 'string' ? Buffer.byteLength(encoded) : encoded.length;
    const slot = this.starts.length;
    this.starts.push(this.flushed + this.pendingBytes);
    this.figures.records++;
    this.figures.bytes += bytes;
    if (this.pendingBytes + bytes > WRITE_CHUNK) this.flush();
    if (bytes > WRITE_CHUNK) {
      this.write(typeof encoded === 'string' ? Buffer.from(encoded) : encoded);
    } else {
      const pending = (this.pending ??= Buffer.allocUnsafe(WRITE_CHUNK));
      if (typeof encoded === 'string') pending.write(encoded, this.pendingBytes);
      else encoded.copy(pending, this.pendingBytes);
      this.pendingBytes += bytes;
    }
    return slot;
  }

  read(slot: number): T {
    const known = this.recent.get(slot);
    if (known !== undefined) {
      // Most recently used last, so the oldest is the first the map lists.
      this.recent.delete(slot);
      this.recent.set(slot, known);
      return known;
    }
    const values = readSlot<T>(this.places()!, slot, this.encoding);
    this.figures.reads++;
    if (this.keepRecent > 0) this.recent.set(slot, values);
    if (this.recent.size > this.keepRecent) this.recent.delete(this.recent.keys().next().value!);
    return values;
  }

  /** Where the slots are, everything written out first: for a reading in another thread. Undefined before any. */
  places(): SpillPlaces | undefined {
    this.flush();
    return this.file ? { fd: this.file.fd, starts: this.starts, end: this.flushed } : undefined;
  }

  /** Removes the file; the values are gone with it. */
  close(): void {
    this.file?.close();
    this.file = undefined;
    this.pending = undefined;
    this.recent.clear();
  }

  private flush(): void {
    if (this.pendingBytes === 0) return;
    const bytes = this.pendingBytes;
    this.pendingBytes = 0;
    this.write(this.pending!.subarray(0, bytes));
  }

  private write(bytes: Buffer): void {
    this.file ??= new TempFile(this.fileName);
    let written = 0;
    while (written < bytes.length) written += writeSync(this.file.fd, bytes, written, bytes.length - written, this.flushed + written);
    this.flushed += bytes.length;
  }
}

/** JSON slots read in this thread go through one buffer: each is parsed before the next read. */
const scratch = new ScratchBuffer();

/** One slot's value, read from the file. */
export function readSlot<T>(places: SpillPlaces, slot: number, encoding: SpillEncoding): T {
  const start = places.starts[slot]!;
  const length = (slot + 1 < places.starts.length ? places.starts[slot + 1]! : places.end) - start;
  const buffer = encoding === 'json' ? scratch.of(length) : Buffer.allocUnsafe(length);
  let read = 0;
  while (read < length) {
    const got = readSync(places.fd, buffer, read, length - read, start + read);
    if (got === 0) throw new Error('a temporary file of the run ended early');
    read += got;
  }
  return encoding === 'json' ? (JSON.parse(buffer.toString('utf8', 0, length)) as T) : (deserialize(buffer.subarray(0, length)) as T);
}

/** The index's records' values past the first `after` records. */
export class ValueSpill extends Spill<SpilledValues> implements ValueStore {
  constructor(
    /** Records kept whole in memory before values go to the file: a small run never touches the disk. */
    readonly after: number,
  ) {
    super('index-values.bin');
  }
}
