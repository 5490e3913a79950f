/**
 * Copies of plain data that no longer reference the text they were parsed from. V8 keeps a whole string
 * alive behind every substring taken from it, and the parser's strings (names, keys, values) are such
 * substrings: a finding or an index record holding one would keep its file's text for the whole run.
 * Equal strings are shared through the run's string table (path keys, kinds, rule ids and messages repeat
 * across thousands of findings), so the copies cost less than the originals.
 */
import type { Path } from '../types.js';

type Entries = Readonly<Record<string, string>>;

export class StringTable {
  private readonly strings = new Map<string, string>();
  private readonly paths = new Map<string, Path>();
  /** Sets of labels by a hash of their entries; a hash that two sets share holds a list. */
  private readonly entrySets = new Map<number, Entries | Entries[]>();
  /** The display name of the file being linted (`adopt`), the one string given back as it is without an entry. */
  private adopted: string | undefined;

  string(text: string): string {
    if (text === this.adopted) return this.adopted;
    // From 13 characters a substring is a slice of its text. A property key is internalized: V8 copies it into a
    // flat string of its own (a fresh concatenation, flattened and sliced, was a 32-byte slice of a copy), one
    // per distinct text, which its own table finds again: no entry here, where a large run's names, mostly
    // distinct, took one each.
    if (text.length >= 13) return Object.keys({ [text]: 0 })[0]!;
    // Shorter ones V8 copies anyway, each a string of its own: the table keeps one.
    const known = this.strings.get(text);
    if (known !== undefined) return known;
    this.strings.set(text, text);
    return text;
  }

  /**
   * A string known to hold no file's text (the display name of the file being linted, until the next is) is given
   * back as it is: the index's records of the file and what its checks keep share the run's own name for it
   * instead of a copy. Without a table entry: a large run lints hundreds of thousands of files, and names each
   * only while it lints it.
   */
  adopt(text: string): void {
    this.adopted = this.strings.get(text) ?? text;
  }

  /**
   * One frozen array per distinct path. Locations that watches and checks keep until the index is complete
   * repeat a few paths (`spec.template.spec.serviceAccountName`) once per object: tens of thousands of copies.
   */
  path(path: Path): Path {
    const key = JSON.stringify(path);
    let known = this.paths.get(key);
    if (known === undefined) this.paths.set(key, (known = Object.freeze(path.map((part) => (typeof part === 'string' ? this.string(part) : part)))));
    return known;
  }

  /**
   * One frozen copy for each distinct set of string entries (labels, annotations), in the same order: the objects
   * of one app repeat theirs (its Deployment, its pod template, its Service), and a copy per record was an object
   * of about 70 bytes (a Service's selector too). Not strings only: a copy of its own.
   */
  entries<T extends Readonly<Record<string, unknown>>>(entries: T): T {
    let hash = 0;
    for (const key in entries) {
      const value = entries[key];
      if (typeof value !== 'string') return this.copy(entries);
      hash = hashString(hashString(hash, key), value);
    }
    const known = this.entrySets.get(hash);
    const sets = known === undefined ? [] : isList(known) ? known : [known];
    const found = sets.find((set) => sameEntries(set, entries as Entries));
    if (found !== undefined) return found as unknown as T;
    const copy = Object.freeze(this.copy(entries as Entries));
    this.entrySets.set(hash, sets.length === 0 ? copy : [...sets, copy]);
    return copy as unknown as T;
  }

  /** A deep copy of plain data (objects, arrays, primitives) with table strings; shared parts stay shared. */
  copy<T>(value: T, seen = new Map<object, unknown>()): T {
    if (typeof value === 'string') return this.string(value) as T;
    if (typeof value !== 'object' || value === null) return value;
    const known = seen.get(value);
    if (known !== undefined) return known as T;
    if (Array.isArray(value)) {
      const list: unknown[] = [];
      seen.set(value, list);
      for (const item of value) list.push(this.copy(item, seen));
      return list as T;
    }
    const record: Record<string, unknown> = {};
    seen.set(value, record);
    for (const [key, item] of Object.entries(value)) record[key] = this.copy(item, seen);
    return record as T;
  }

  /**
   * The same, in place: every string reachable from `value` through own properties becomes a table string.
   * For what closures already hold (a waiting cross-object check's object and locations), which cannot be
   * swapped for a copy, and for index records, which share their tree with the object a check may hold.
   * Frozen parts (the rule tester freezes views) are left as they are: returns false when it met one.
   */
  detachInPlace(value: unknown, seen = new Set<object>()): boolean {
    // Typed arrays hold numbers only (packed regions): nothing to detach, and a key per element to list.
    if (typeof value !== 'object' || value === null || seen.has(value) || ArrayBuffer.isView(value)) return true;
    seen.add(value);
    const record = value as Record<string, unknown>;
    const frozen = Object.isFrozen(value);
    let complete = true;
    for (const key of Object.keys(record)) {
      const item = record[key];
      if (typeof item === 'string') {
        if (frozen) complete = false;
        else record[key] = this.string(item);
      } else if (!this.detachInPlace(item, seen)) complete = false;
    }
    return complete;
  }
}

function isList(sets: Entries | Entries[]): sets is Entries[] {
  return Array.isArray(sets);
}

/** FNV-1a over the string's code units, then a separator, so that ("ab", "c") and ("a", "bc") differ. */
function hashString(hash: number, text: string): number {
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return Math.imul(hash ^ 0x10000, 0x01000193);
}

function sameEntries(a: Entries, b: Entries): boolean {
  const keys = Object.keys(a);
  let count = 0;
  for (const key in b) {
    if (keys[count] !== key || a[key] !== b[key]) return false;
    count++;
  }
  return count === keys.length;
}
