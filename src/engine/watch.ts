/**
 * One `context.watch()` of a rule: the rule's setting for the object, its index record and the rule's data.
 * The same object is what the rule's `checkIndex` gets in `context.watched` (its options read from the
 * setting), so a run holds one object per watch, however many there are; a large run moves the data to disk.
 */
import type { IndexedObject } from '../k8s/object-index.js';
import type { Rule, Watched } from './define-rule.js';
import type { RuleSetting } from './rule-settings.js';

/** Where watches' data wait for the checks across files (`run/watch-spill.ts`: a temporary file). */
export interface WatchStore {
  /** Keeps `data` with the other watches of `stream` (the rule), which its check reads together. */
  store(data: unknown, stream: object): number;
  read(slot: number): unknown;
}

export class WatchedObject implements Watched<unknown, unknown> {
  /** The data, or its slot in the store once moved there. */
  #data: unknown;
  #store: WatchStore | undefined;

  constructor(
    readonly rule: Rule,
    readonly setting: RuleSetting,
    /** The object's record in the file's index (in a worker thread, the run's index holds an equal one). */
    readonly record: IndexedObject,
    /** What the rule kept with the watch (`watch(data)`), detached from the file's text. */
    data: unknown,
  ) {
    this.#data = data;
  }

  get options(): unknown {
    return this.setting.options;
  }

  /** The rule's data; read back from the store (an equal copy) when it waits there. */
  get data(): unknown {
    return this.#store ? this.#store.read(this.#data as number) : this.#data;
  }

  /** Moves the data to `store`, which copies what `v8.serialize` copies: rules watch with plain data. */
  moveTo(store: WatchStore): void {
    if (this.#store || this.#data === undefined) return;
    this.#data = store.store(this.#data, this.rule);
    this.#store = store;
  }
}
