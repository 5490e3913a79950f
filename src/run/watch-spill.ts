/**
 * Where a large run keeps its rules' watch data (`context.watch(data)`) until the checks across files: in a
 * temporary file, in batches of one rule's watches. A rule's `checkIndex` reads its watches in the order of
 * the walk, so each batch is read and deserialized once; `v8.serialize` costs about four times as much per
 * call for one watch as for a watch among 64.
 */
import type { WatchStore } from '../engine/watch.js';
import { Spill, type SpillFigures } from './value-spill.js';

/** Watches of one rule serialized together. */
const BATCH = 64;
/** Batches kept deserialized: a check reads one rule's watches in order, now and then one again. */
const RECENT_BATCHES = 4;

export class WatchSpill implements WatchStore {
  private readonly batches = new Spill<unknown[]>('watches.bin', RECENT_BATCHES);
  /**
   * Each batch's slot in the file (-1 while it is being filled). A watch's slot is its batch's number times
   * `BATCH` plus its place in it: nothing is kept per watch.
   */
  private readonly written: number[] = [];
  private stored = 0;
  /** Per rule (or other stream), the batch being filled. */
  private readonly filling = new Map<object, { batch: number; items: unknown[] }>();

  constructor(
    /** Watches kept in memory before data go to the file: a small run never touches the disk. */
    readonly after: number,
  ) {}

  /** Watches stored, their bytes, and the batches read back. */
  get figures(): SpillFigures {
    return { ...this.batches.figures, records: this.stored };
  }

  store(data: unknown, stream: object): number {
    let filling = this.filling.get(stream);
    if (!filling) {
      this.filling.set(stream, (filling = { batch: this.written.length, items: [] }));
      this.written.push(-1);
    }
    const slot = filling.batch * BATCH + filling.items.length;
    filling.items.push(data);
    this.stored++;
    if (filling.items.length >= BATCH) this.seal(stream);
    return slot;
  }

  read(slot: number): unknown {
    // The checks start reading once the walk is done: what is still being filled is written first.
    if (this.filling.size > 0) for (const stream of [...this.filling.keys()]) this.seal(stream);
    return this.batches.read(this.written[Math.floor(slot / BATCH)]!)[slot % BATCH];
  }

  /** Removes the file; the data are gone with it. */
  close(): void {
    this.batches.close();
    this.filling.clear();
  }

  private seal(stream: object): void {
    const { batch, items } = this.filling.get(stream)!;
    this.filling.delete(stream);
    this.written[batch] = this.batches.store(items);
  }
}
