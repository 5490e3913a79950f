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
  /** Each slot's batch (-1 while its batch is still being filled) and place in it. */
  private readonly batchOf: number[] = [];
  private readonly placeIn: number[] = [];
  /** Per rule (or other stream), the slots and data of the batch being filled. */
  private readonly filling = new Map<object, { slots: number[]; items: unknown[] }>();

  constructor(
    /** Watches kept in memory before data go to the file: a small run never touches the disk. */
    readonly after: number,
  ) {}

  /** Watches stored, their bytes, and the batches read back. */
  get figures(): SpillFigures {
    return { ...this.batches.figures, records: this.batchOf.length };
  }

  store(data: unknown, stream: object): number {
    const slot = this.batchOf.length;
    let batch = this.filling.get(stream);
    if (!batch) this.filling.set(stream, (batch = { slots: [], items: [] }));
    this.batchOf.push(-1);
    this.placeIn.push(batch.items.length);
    batch.slots.push(slot);
    batch.items.push(data);
    if (batch.items.length >= BATCH) this.seal(stream);
    return slot;
  }

  read(slot: number): unknown {
    // The checks start reading once the walk is done: what is still being filled is written first.
    if (this.filling.size > 0) for (const stream of [...this.filling.keys()]) this.seal(stream);
    return this.batches.read(this.batchOf[slot]!)[this.placeIn[slot]!];
  }

  /** Removes the file; the data are gone with it. */
  close(): void {
    this.batches.close();
    this.filling.clear();
  }

  private seal(stream: object): void {
    const { slots, items } = this.filling.get(stream)!;
    this.filling.delete(stream);
    const batch = this.batches.store(items);
    for (const slot of slots) this.batchOf[slot] = batch;
  }
}
