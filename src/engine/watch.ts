/**
 * One `context.watch()` of a rule: the rule's setting for the object, its index record and the rule's data.
 * The objects a rule's `checkIndex` gets in `context.watched` (its options read from the setting). Until the
 * index is complete a run keeps its watches packed (`WatchTable`), a few array slots each, and makes these
 * objects one rule at a time: a large run holds hundreds of thousands of watches, and an object each cost 72
 * bytes. A large run also moves the data to disk.
 */
import { Int32Rows } from '../k8s/int32-rows.js';
import type { IndexedObject, ObjectIndex } from '../k8s/object-index.js';
import type { Rule, Watched } from './define-rule.js';
import type { RuleSetting } from './rule-settings.js';

/** Where watches' data wait for the checks across files (`run/watch-spill.ts`: a temporary file). */
export interface WatchStore {
  /** How many watches keep their data in memory before the store takes the rest. */
  readonly after: number;
  /** Keeps `data` with the other watches of `stream` (the rule), which its check reads together. */
  store(data: unknown, stream: object): number;
  read(slot: number): unknown;
}

export class WatchedObject implements Watched<unknown, unknown> {
  /** The data, or its slot in the store. */
  readonly #data: unknown;
  readonly #store: WatchStore | undefined;

  constructor(
    readonly rule: Rule,
    readonly setting: RuleSetting,
    /** The object's record in the file's index (in a worker thread, the run's index holds an equal one). */
    readonly record: IndexedObject,
    /** What the rule kept with the watch (`watch(data)`), detached from the file's text; with `store`, its slot. */
    data: unknown,
    store?: WatchStore,
  ) {
    this.#data = data;
    this.#store = store;
  }

  get options(): unknown {
    return this.setting.options;
  }

  /** The rule's data; read back from the store (an equal copy) when it waits there. */
  get data(): unknown {
    return this.#store ? this.#store.read(this.#data as number) : this.#data;
  }
}

/**
 * Where records sit in the run's index (`ObjectIndex`), for a table that keeps their places rather than the
 * records: 4 bytes a watch instead of an array's 8. Only records kept with their values in the store have one.
 */
export interface RecordPlaces {
  placeOf(record: IndexedObject): number | undefined;
  atPlace(place: number): IndexedObject;
}

/** One rule's watches, in the order of the walk. */
interface RuleWatches {
  /** The records watched, or their places in the index while every one has a place. */
  records: IndexedObject[] | Int32Rows;
  /**
   * The data in memory, or their slots in the store. Rules watch with objects (or nothing), so a number is
   * always a slot. None until a watch has data: half the watches of a run are of rules that keep none.
   */
  data?: unknown[];
  /**
   * Once the store takes a rule's data (from the table's `after`-th watch on), the slots of its later watches
   * from `slotsFrom` on, 4 bytes each rather than an array's 8: in a large run that is every watch with data.
   */
  slots?: Int32Rows;
  slotsFrom?: number;
  /** The setting of every watch, while they all share it (the rule's options are set per file at most). */
  readonly first: RuleSetting;
  /** Each watch's setting, once one differed from the first. */
  settings?: RuleSetting[];
}

/** The run's watches until the checks across files, packed per rule. */
export class WatchTable {
  readonly #rules = new Map<Rule, RuleWatches>();
  #size = 0;

  /**
   * `store` takes the data past its `after` watches: a small run keeps them all in memory. With `places`, a rule
   * keeps the places of the records it watched while they all have one.
   */
  constructor(
    private readonly store?: WatchStore,
    private readonly places?: RecordPlaces,
  ) {}

  get size(): number {
    return this.#size;
  }

  /** Adds a watch the walk made (its data in memory), or keeps `record` for it instead of its own. */
  add(watch: WatchedObject, record = watch.record): void {
    let watches = this.#rules.get(watch.rule);
    const place = this.places?.placeOf(record);
    if (!watches) this.#rules.set(watch.rule, (watches = { records: place === undefined ? [] : new Int32Rows(), first: watch.setting }));
    const count = watches.records.length;
    if (watches.settings) watches.settings.push(watch.setting);
    else if (watch.setting !== watches.first) watches.settings = [...Array.from({ length: count }, () => watches.first), watch.setting];
    const data = watch.data;
    if (this.store && this.#size >= this.store.after && (data !== undefined || watches.data || watches.slots)) {
      // From here on every watch of the table is past `after`: the rule's later data are all slots.
      if (!watches.slots) [watches.slots, watches.slotsFrom] = [new Int32Rows(), count];
      watches.slots.add(data === undefined ? NO_SLOT : this.store.store(data, watch.rule));
    } else if (data !== undefined || watches.data) {
      watches.data ??= Array.from({ length: count }, () => undefined);
      watches.data.push(data);
    }
    if (watches.records instanceof Int32Rows && place === undefined) watches.records = this.recordsOf(watches.records);
    if (watches.records instanceof Int32Rows) watches.records.add(place!);
    else watches.records.push(record);
    this.#size++;
  }

  /** The records at `places`, for a rule that watched a record without a place. */
  private recordsOf(places: Int32Rows): IndexedObject[] {
    return Array.from({ length: places.length }, (_, position) => this.places!.atPlace(places.get(position)));
  }

  /**
   * Each rule's watches, in the order rules first watched: one rule's at a time, made into the objects its
   * `checkIndex` gets only when it asks. Handed over once: the table lets go of a rule's watches as it hands
   * them over, so they are garbage once its check is done, and the tables later checks build take their place.
   */
  *byRule(): Generator<[Rule, RuleWatchList]> {
    for (const [rule, watches] of this.#rules) {
      this.#rules.delete(rule);
      this.#size -= watches.records.length;
      yield [rule, new RuleWatchList(rule, watches, this.store, this.places)];
    }
  }

  /**
   * The same watches on a worker thread's joined copy of the index: each with the copy's record equal to its
   * own (found by place); a watch whose object the copy lacks is dropped. A thread keeps its data in memory.
   */
  on(index: ObjectIndex): WatchTable {
    const moved = new WatchTable();
    for (const [, list] of this.byRule()) {
      for (const watch of list.objects()) {
        const own = index.recordAt(watch.record.at);
        if (own) moved.add(watch, own);
      }
    }
    return moved;
  }
}

/**
 * One rule's watches as its check gets them. A rule that watches every named object has a million watches in a
 * large run: it gets their objects only if it reads them (`objects`), and the setting of a record from a table
 * made on its first question, rather than both, up front, at once, as the checks across files start.
 */
export class RuleWatchList {
  #settingOf: ((record: IndexedObject) => RuleSetting | undefined) | undefined;

  constructor(
    readonly rule: Rule,
    private readonly watches: RuleWatches,
    private readonly store: WatchStore | undefined,
    private readonly places?: RecordPlaces,
  ) {}

  get length(): number {
    return this.watches.records.length;
  }

  /** The watches as objects, in the order of the walk (made afresh on each call). */
  objects(): WatchedObject[] {
    const { records, data, slots, slotsFrom = 0, first, settings } = this.watches;
    return Array.from({ length: records.length }, (_, position) => {
      const record = records instanceof Int32Rows ? this.places!.atPlace(records.get(position)) : records[position]!;
      const setting = settings?.[position] ?? first;
      const slot = slots && position >= slotsFrom ? slots.get(position - slotsFrom) : NO_SLOT;
      if (slot !== NO_SLOT) return new WatchedObject(this.rule, setting, record, slot, this.store);
      return new WatchedObject(this.rule, setting, record, data?.[position]);
    });
  }

  /** The rule's setting for a record it watched (the last watch's, when it watched the record several times); undefined otherwise. */
  settingOf(record: IndexedObject): RuleSetting | undefined {
    return (this.#settingOf ??= this.settingTable())(record);
  }

  private settingTable(): (record: IndexedObject) => RuleSetting | undefined {
    const { records, first, settings } = this.watches;
    if (records instanceof Int32Rows) return this.settingByPlace(records);
    // One setting for every watch (the usual case): whether the rule watched the record is all there is to know.
    if (!settings) {
      const watched = new Set(records);
      return (record) => (watched.has(record) ? first : undefined);
    }
    const table = new Map<IndexedObject, RuleSetting>();
    for (const [position, record] of records.entries()) table.set(record, settings[position]!);
    return (record) => table.get(record);
  }

  /** The same by place: a record without one, or of another index, was not watched. */
  private settingByPlace(records: Int32Rows): (record: IndexedObject) => RuleSetting | undefined {
    const { first, settings } = this.watches;
    const placeOf = (record: IndexedObject): number => this.places!.placeOf(record) ?? -1;
    if (settings) {
      const table = new Map<number, RuleSetting>();
      for (let position = 0; position < records.length; position++) table.set(records.get(position), settings[position]!);
      return (record) => table.get(placeOf(record));
    }
    // One bit per place up to the last watched: a million watches in 125 kB rather than a set of a million.
    let last = 0;
    for (let position = 0; position < records.length; position++) last = Math.max(last, records.get(position));
    const bits = new Uint8Array((last >> 3) + 1);
    for (let position = 0; position < records.length; position++) bits[records.get(position) >> 3]! |= 1 << (records.get(position) & 7);
    return (record) => {
      const place = placeOf(record);
      return place >= 0 && place <= last && (bits[place >> 3]! & (1 << (place & 7))) !== 0 ? first : undefined;
    };
  }
}

/** A watch past the store's count that has no data. */
const NO_SLOT = -1;
