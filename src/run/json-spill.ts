/**
 * A temporary file of JSON texts, one per slot, for what a run writes out and reads back once: findings (plain
 * JSON, as the spool's lines are). Written through one buffer and read through another, it allocates no memory
 * outside V8's heap per value: `v8.serialize` gives each value a buffer of its own, and at 50,000 documents
 * those of the late findings alone grew the C heap, which never shrinks, by 30 MB during the checks across
 * files.
 */
import { readSync, writeSync } from 'node:fs';
import { ScratchBuffer } from '../input/scratch-buffer.js';
import { TempFile } from './temp-file.js';
import type { SpillFigures } from './value-spill.js';

/** Bytes gathered before one write. */
const WRITE_CHUNK = 1 << 20;

/** A spill's file as plain data: its descriptor serves every thread of the process. */
export interface SpillPlaces {
  fd: number;
  /** Where each slot's text starts; the next slot's start, or `end`, is where it ends. */
  starts: readonly number[];
  end: number;
}

export class JsonSpill<T> {
  readonly figures: SpillFigures = { records: 0, bytes: 0, reads: 0 };
  private file: TempFile | undefined;
  /** Where each slot's text starts; the next slot's start is where it ends. */
  private readonly starts: number[] = [];
  /** Made on the first store: most runs never write one. */
  private pending: Buffer | undefined;
  private pendingBytes = 0;
  private flushed = 0;

  constructor(private readonly fileName: string) {}

  store(value: T): number {
    const text = JSON.stringify(value);
    const bytes = Buffer.byteLength(text);
    const slot = this.starts.length;
    this.starts.push(this.flushed + this.pendingBytes);
    this.figures.records++;
    this.figures.bytes += bytes;
    if (this.pendingBytes + bytes > WRITE_CHUNK) this.flush();
    if (bytes > WRITE_CHUNK) {
      this.write(Buffer.from(text));
    } else {
      (this.pending ??= Buffer.allocUnsafe(WRITE_CHUNK)).write(text, this.pendingBytes);
      this.pendingBytes += bytes;
    }
    return slot;
  }

  read(slot: number): T {
    this.figures.reads++;
    return readJsonSlot<T>(this.places()!, slot);
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

/** Slots read in this thread go through one buffer: each is parsed before the next read. */
const scratch = new ScratchBuffer();

/** One slot's value, read from the file. */
export function readJsonSlot<T>(places: SpillPlaces, slot: number): T {
  const start = places.starts[slot]!;
  const length = (slot + 1 < places.starts.length ? places.starts[slot + 1]! : places.end) - start;
  const buffer = scratch.of(length);
  let read = 0;
  while (read < length) {
    const got = readSync(places.fd, buffer, read, length - read, start + read);
    if (got === 0) throw new Error('a temporary file of the run ended early');
    read += got;
  }
  return JSON.parse(buffer.toString('utf8', 0, length)) as T;
}
