/**
 * Index records whose values are in a store (a large run's temporary file). What the index looks records up by
 * (identity, labels, pods) stays in memory; the rest is packed, since a large repository holds hundreds of
 * thousands of records: their locations are rows of numbers in shared columns, their apiVersion, group and kind
 * one object per type, their labels one frozen copy per distinct set.
 */
import type { Location, ObjectRef, Path } from '../types.js';
import { Int32Rows } from './int32-rows.js';
import type { StringTable } from './detach.js';
import type { JsonObject } from './model.js';
import type { IndexedObject, IndexedPod } from './object-index.js';
import type { Labels } from './selectors.js';

/** What a record keeps out of memory when its index has a store: its value, and its pods' specs (parts of it). */
export interface SpilledValues {
  value: JsonObject;
  specs: JsonObject[];
}

/** Somewhere outside the heap for records' values (`run/value-spill.ts`: a temporary file). */
export interface ValueStore {
  /** How many records keep their values in memory before the store takes the rest. */
  readonly after: number;
  store(values: SpilledValues): number;
  read(slot: number): SpilledValues;
}

/**
 * The numbers of a row: the value's slot in the store, the region, one word of flags and document index, then
 * the ids of the row's texts in `RecordShelf.texts` (0: none).
 */
const COLUMN = { slot: 0, startLine: 1, startColumn: 2, endLine: 3, endColumn: 4, word: 5, file: 6, path: 7, refNamespace: 8, helmTemplate: 9 } as const;
const WIDTH = 10;

/** What a packed location holds besides its file, path and region. */
const PLACE = { document: 1, approximate: 2, missing: 4, unresolved: 8, ref: 16, refNamespace: 32, refName: 64 } as const;
/** The word's bits past the location's own: the record comes from a context file; its location is kept whole. */
const FROM_CONTEXT = 128;
const KEPT = 256;
const WORD_FLAG_BITS = 9;
/** A location's keys in the order locations are made (`findings/build.ts`): the order an unpacked one has. */
const PLACE_KEYS = ['file', 'region', 'path', 'documentIndex', 'approximate', 'missing', 'unresolved', 'object', 'helmTemplate'];
const REGION_KEYS = ['startLine', 'startColumn', 'endLine', 'endColumn'];
const REF_KEYS = ['apiVersion', 'kind', 'namespace', 'name'];

/**
 * One object for all labels and annotations that are empty: a copy of each was an object of its own (56
 * bytes), two or three per record, most of them empty.
 */
const NO_LABELS: Labels = Object.freeze({});
/** The same for the pods of the many records that hold none. */
const NO_PODS: readonly IndexedPod[] = Object.freeze([]);

/** What the records of one apiVersion and kind share. */
class RecordType {
  constructor(
    readonly apiVersion: string,
    readonly group: string,
    readonly kind: string,
    readonly shelf: RecordShelf,
  ) {}
}

/** The shared part of an index's stored records: the store, the types, and the columns of their rows. */
export class RecordShelf {
  private readonly rows = new Int32Rows(WIDTH);
  private readonly types = new Map<string, RecordType>();
  /** Files, paths, namespaces and Helm templates by id, each repeated by many rows. */
  private readonly texts: (string | Path)[] = [''];
  /** Ids of the few distinct paths, namespaces and templates. */
  private readonly textIds = new Map<string | Path, number>();
  /** A file's records come one after the other: its id is the last one's, with no table of every file. */
  private lastFile: string | undefined;
  private lastFileId = 0;
  /** Locations that packing would not give back equal, by row. */
  private readonly kept = new Map<number, Location>();

  constructor(
    readonly store: ValueStore,
    readonly strings: StringTable,
  ) {}

  /** A record of the index, its value put in the store. */
  add(record: IndexedObject): IndexedObject {
    return new StoredRecord(record, this);
  }

  typeOf(apiVersion: string, group: string, kind: string): RecordType {
    const key = `${apiVersion}\u0000${group}\u0000${kind}`;
    let type = this.types.get(key);
    if (type === undefined) this.types.set(key, (type = new RecordType(this.strings.string(apiVersion), this.strings.string(group), this.strings.string(kind), this)));
    return type;
  }

  /** A new row: the value's slot, and the location packed when that gives it back equal. */
  row(record: IndexedObject, slot: number): number {
    const row = this.rows.add();
    const numbers = this.rows.chunk(row);
    const base = this.rows.offset(row);
    const { at } = record;
    const flags = packedFlags(at, record);
    numbers[base + COLUMN.slot] = slot;
    if (flags === undefined) {
      // Only what is kept is copied out of the file's text.
      this.kept.set(row, { ...this.strings.copy(at), path: this.strings.path(at.path) });
      numbers[base + COLUMN.word] = KEPT | (record.fromContext ? FROM_CONTEXT : 0);
      return row;
    }
    numbers[base + COLUMN.startLine] = at.region.startLine;
    numbers[base + COLUMN.startColumn] = at.region.startColumn;
    numbers[base + COLUMN.endLine] = at.region.endLine;
    numbers[base + COLUMN.endColumn] = at.region.endColumn;
    numbers[base + COLUMN.word] = ((at.documentIndex ?? 0) << WORD_FLAG_BITS) | flags | (record.fromContext ? FROM_CONTEXT : 0);
    numbers[base + COLUMN.file] = this.fileId(this.strings.string(at.file));
    numbers[base + COLUMN.path] = this.idOf(this.strings.path(at.path));
    if (at.object?.namespace !== undefined) numbers[base + COLUMN.refNamespace] = this.idOf(this.strings.string(at.object.namespace));
    if (at.helmTemplate !== undefined) numbers[base + COLUMN.helmTemplate] = this.idOf(this.strings.string(at.helmTemplate));
    return row;
  }

  slot(row: number): number {
    return this.number(row, COLUMN.slot);
  }

  fromContext(row: number): boolean {
    return (this.number(row, COLUMN.word) & FROM_CONTEXT) !== 0;
  }

  /** The row's location, made afresh (equal to the one it was made from). */
  location(row: number, record: StoredRecord): Location {
    const numbers = this.rows.chunk(row);
    const base = this.rows.offset(row);
    const word = numbers[base + COLUMN.word]!;
    if (word & KEPT) return this.kept.get(row)!;
    const at: { -readonly [K in keyof Location]: Location[K] } = {
      file: this.texts[numbers[base + COLUMN.file]!] as string,
      region: { startLine: numbers[base + COLUMN.startLine]!, startColumn: numbers[base + COLUMN.startColumn]!, endLine: numbers[base + COLUMN.endLine]!, endColumn: numbers[base + COLUMN.endColumn]! },
      path: this.texts[numbers[base + COLUMN.path]!] as Path,
    };
    if (word & PLACE.document) at.documentIndex = word >>> WORD_FLAG_BITS;
    if (word & PLACE.approximate) at.approximate = true;
    if (word & PLACE.missing) at.missing = true;
    if (word & PLACE.unresolved) at.unresolved = true;
    if (word & PLACE.ref) {
      const ref: ObjectRef = { apiVersion: record.apiVersion, kind: record.kind };
      if (word & PLACE.refNamespace) ref.namespace = this.texts[numbers[base + COLUMN.refNamespace]!] as string;
      if (word & PLACE.refName) ref.name = record.name!;
      at.object = ref;
    }
    const helmTemplate = numbers[base + COLUMN.helmTemplate]!;
    if (helmTemplate !== 0) at.helmTemplate = this.texts[helmTemplate] as string;
    return at;
  }

  private number(row: number, column: number): number {
    return this.rows.get(row, column);
  }

  private fileId(file: string): number {
    if (file !== this.lastFile) {
      this.lastFile = file;
      this.lastFileId = this.texts.push(file) - 1;
    }
    return this.lastFileId;
  }

  private idOf(text: string | Path): number {
    let id = this.textIds.get(text);
    if (id === undefined) {
      id = this.texts.push(text) - 1;
      this.textIds.set(text, id);
    }
    return id;
  }
}

/** A record whose value is in a store, read back on each use: what the index looks records up by stays here. */
export class StoredRecord implements IndexedObject {
  readonly #type: RecordType;
  readonly #row: number;
  // Declared, not defined: an absent name or namespace is no own property, as on a plain record.
  declare readonly name?: string;
  declare readonly namespace?: string;
  readonly labels: Labels;
  readonly annotations: Labels;
  readonly pods: readonly IndexedPod[];

  constructor(record: IndexedObject, shelf: RecordShelf) {
    const { strings, store } = shelf;
    this.#type = shelf.typeOf(record.apiVersion, record.group, record.kind);
    if (record.name !== undefined) (this as { name?: string }).name = strings.string(record.name);
    if (record.namespace !== undefined) (this as { namespace?: string }).namespace = strings.string(record.namespace);
    this.labels = keptLabels(record.labels, strings);
    this.annotations = keptLabels(record.annotations, strings);
    this.pods = record.pods.length === 0 ? NO_PODS : record.pods.map((pod, position) => new StoredPod(this, position, keptLabels(pod.labels, strings), strings.path(pod.path)));
    // The pods' specs are parts of the value: serialized together, they come back as parts of it.
    const slot = store.store({ value: record.value, specs: record.pods.map((pod) => pod.spec) });
    this.#row = shelf.row(record, slot);
  }

  get apiVersion(): string {
    return this.#type.apiVersion;
  }

  get group(): string {
    return this.#type.group;
  }

  get kind(): string {
    return this.#type.kind;
  }

  get fromContext(): boolean {
    return this.#type.shelf.fromContext(this.#row);
  }

  get at(): Location {
    return this.#type.shelf.location(this.#row, this);
  }

  /** The record's row among those of `shelf`; undefined when it is another shelf's. */
  rowOn(shelf: RecordShelf): number | undefined {
    return this.#type.shelf === shelf ? this.#row : undefined;
  }

  get value(): JsonObject {
    return StoredRecord.#values(this).value;
  }

  specAt(position: number): JsonObject {
    return StoredRecord.#values(this).specs[position]!;
  }

  // Static: an instance private method gives every record a slot for its class's brand (8 bytes a record).
  static #values(record: StoredRecord): SpilledValues {
    const { shelf } = record.#type;
    return shelf.store.read(shelf.slot(record.#row));
  }
}

class StoredPod implements IndexedPod {
  readonly #record: StoredRecord;
  readonly #position: number;

  constructor(
    record: StoredRecord,
    position: number,
    readonly labels: Labels,
    readonly path: Path,
  ) {
    this.#record = record;
    this.#position = position;
  }

  get spec(): JsonObject {
    return this.#record.specAt(this.#position);
  }
}

function keptLabels(labels: Labels, strings: StringTable): Labels {
  for (const key in labels) if (Object.hasOwn(labels, key)) return strings.entries(labels);
  return NO_LABELS;
}

/**
 * The flags of a record's location when `RecordShelf.location` gives back an equal one (keys in the same order,
 * the object reference the record's own identity); undefined when it would not, and the location is kept.
 */
function packedFlags(at: Location, record: Pick<IndexedObject, 'apiVersion' | 'kind' | 'name'>): number | undefined {
  if (!inOrder(at, PLACE_KEYS) || !inOrder(at.region, REGION_KEYS) || Object.keys(at.region).length !== REGION_KEYS.length) return undefined;
  if (REGION_KEYS.some((key) => !isSmall((at.region as unknown as Record<string, unknown>)[key]))) return undefined;
  if (at.documentIndex !== undefined && !(isSmall(at.documentIndex) && at.documentIndex < 2 ** (31 - WORD_FLAG_BITS))) return undefined;
  if ((at.approximate ?? true) !== true || (at.missing ?? true) !== true || (at.unresolved ?? true) !== true) return undefined;
  if (typeof at.file !== 'string' || !Array.isArray(at.path)) return undefined;
  if (at.helmTemplate !== undefined && typeof at.helmTemplate !== 'string') return undefined;
  let flags = 0;
  if (at.documentIndex !== undefined) flags |= PLACE.document;
  if (at.approximate) flags |= PLACE.approximate;
  if (at.missing) flags |= PLACE.missing;
  if (at.unresolved) flags |= PLACE.unresolved;
  const ref = at.object;
  if (ref !== undefined) {
    if (!inOrder(ref, REF_KEYS) || ref.apiVersion !== record.apiVersion || ref.kind !== record.kind) return undefined;
    if (ref.name !== undefined && ref.name !== record.name) return undefined;
    if (ref.namespace !== undefined && typeof ref.namespace !== 'string') return undefined;
    flags |= PLACE.ref;
    if (ref.namespace !== undefined) flags |= PLACE.refNamespace;
    if (ref.name !== undefined) flags |= PLACE.refName;
  }
  return flags;
}

/** Whether `value`'s keys are some of `keys`, in their order, none of them holding `undefined`. */
function inOrder(value: object, keys: readonly string[]): boolean {
  let next = 0;
  for (const [key, item] of Object.entries(value)) {
    while (next < keys.length && keys[next] !== key) next++;
    if (next === keys.length || item === undefined) return false;
    next++;
  }
  return true;
}

function isSmall(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) < 2 ** 31;
}
