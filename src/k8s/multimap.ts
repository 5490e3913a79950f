/** The value kept under `key`, worked out and kept on first asking (`undefined` is kept too). */
export function computedOnce<K, V>(map: Map<K, V>, key: K, compute: () => V): V {
  if (!map.has(key)) map.set(key, compute());
  return map.get(key) as V;
}

/** Tables of lists by key, as the index's lookups build them once per run. */
export function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Lists by key where most keys hold one value: a lone value is kept bare rather than in an array of its own
 * (56 bytes, at one key per object of a large run). Values are objects, never arrays.
 */
export class MostlySingleTable<K, V extends object> {
  readonly #table = new Map<K, V | V[]>();

  add(key: K, value: V): void {
    const known = this.#table.get(key);
    if (known === undefined) this.#table.set(key, value);
    else if (Array.isArray(known)) known.push(value);
    else this.#table.set(key, [known, value]);
  }

  /** `add`, unless the value is already the key's last (an object filed under the same key twice in a row). */
  addOnce(key: K, value: V): void {
    const known = this.#table.get(key);
    if (known !== value && !(Array.isArray(known) && known.at(-1) === value)) this.add(key, value);
  }

  get(key: K): readonly V[] {
    const known = this.#table.get(key);
    return known === undefined ? [] : Array.isArray(known) ? known : [known];
  }

  /** The lists of every key that holds more than one value, in the order keys were first added. */
  *several(): Iterable<readonly V[]> {
    for (const known of this.#table.values()) if (Array.isArray(known)) yield known;
  }
}
