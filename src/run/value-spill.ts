/**
 * Where a large run keeps what it reads back only in the checks across files, in a temporary file: its index
 * records' plain values and pod specs, and its rules' watches, each `v8.serialize`d once and read back when a
 * check asks for it. The values are the largest part of a record (about 1.3 KB of a document's heap), a
 * watch's data (locations, names) about 300 bytes; what the index looks records up by (identity, labels,
 * locations) stays in memory.
 */
import { readSync, writeSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import type { SpilledValues, ValueStore } from '../k8s/object-index.js';
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

/** Values that `v8.serialize` copies faithfully (plain objects, arrays, typed arrays, strings, numbers). */
export class Spill<T> {
  readonly figures: SpillFigures = { records: 0, bytes: 0, reads: 0 };
  private file: TempFile | undefined;
  /** Where each slot's bytes start in the file; the next slot's start is where they end. */
  private readonly starts: number[] = [];
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private flushed = 0;
  private readonly recent = new Map<number, T>();

  constructor(
    private readonly fileName: string,
    /** How many values read back are kept, most recently used. */
    private readonly keepRecent = RECENT,
  ) {}

  store(values: T): number {
    const bytes = serialize(values);
    const slot = this.starts.length;
    this.starts.push(this.flushed + this.pendingBytes);
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    this.figures.records++;
    this.figures.bytes += bytes.length;
    if (this.pendingBytes >= WRITE_CHUNK) this.flush();
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
    this.flush();
    const start = this.starts[slot]!;
    const end = slot + 1 < this.starts.length ? this.starts[slot + 1]! : this.flushed;
    const bytes = Buffer.allocUnsafe(end - start);
    let read = 0;
    while (read < bytes.length) read += readSync(this.file!.fd, bytes, read, bytes.length - read, start + read);
    const values = deserialize(bytes) as T;
    this.figures.reads++;
    if (this.keepRecent > 0) this.recent.set(slot, values);
    if (this.recent.size > this.keepRecent) this.recent.delete(this.recent.keys().next().value!);
    return values;
  }

  /** Removes the file; the values are gone with it. */
  close(): void {
    this.file?.close();
    this.file = undefined;
    this.recent.clear();
  }

  private flush(): void {
    if (this.pendingBytes === 0) return;
    this.file ??= new TempFile(this.fileName);
    const bytes = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending, this.pendingBytes);
    let written = 0;
    while (written < bytes.length) written += writeSync(this.file.fd, bytes, written, bytes.length - written, this.flushed + written);
    this.flushed += bytes.length;
    this.pending = [];
    this.pendingBytes = 0;
  }
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
