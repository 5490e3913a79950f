/**
 * `JSON.stringify(value, null, 2)` written piece by piece: arrays wrapped in `streamed()` are produced one
 * item at a time, so a report of a million findings never becomes one string (V8 caps string length).
 * The pieces join to exactly what `JSON.stringify` would have returned.
 */

/** An array whose items are stringified a few at a time, as the iterable yields them. */
export class StreamedArray {
  constructor(readonly items: Iterable<unknown>) {}
}

export function streamed(items: Iterable<unknown>): StreamedArray {
  return new StreamedArray(items);
}

export function* jsonChunks(value: unknown, depth = 0): Generator<string, void> {
  if (value instanceof StreamedArray) {
    let first = true;
    for (const items of batches(value.items)) {
      yield `${first ? '[\n' : ',\n'}${pad(depth + 1)}${atDepth(items, depth + 1)}`;
      first = false;
    }
    yield first ? '[]' : `\n${pad(depth)}]`;
    return;
  }
  if (!holdsStream(value)) {
    yield indented(JSON.stringify(value, null, 2), depth);
    return;
  }
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      yield `${i === 0 ? '[\n' : ',\n'}${pad(depth + 1)}`;
      yield* jsonChunks(item ?? null, depth + 1);
    }
    yield `\n${pad(depth)}]`;
    return;
  }
  const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined && typeof item !== 'function');
  yield '{';
  for (const [i, [key, item]] of entries.entries()) {
    yield `${i === 0 ? '\n' : ',\n'}${pad(depth + 1)}${JSON.stringify(key)}: `;
    yield* jsonChunks(item, depth + 1);
  }
  yield `\n${pad(depth)}}`;
}

function holdsStream(value: unknown): boolean {
  if (value instanceof StreamedArray) return true;
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some(holdsStream);
  return Object.values(value).some(holdsStream);
}

/** Nested output is the item's own stringification with every line moved right; JSON strings hold no raw newline. */
function indented(json: string, depth: number): string {
  return depth === 0 ? json : json.replaceAll('\n', `\n${pad(depth)}`);
}

/** Items stringified per call: one call per item cost about a quarter more, and a few items are small. */
const BATCH = 64;

function* batches(items: Iterable<unknown>): Generator<unknown[]> {
  let batch: unknown[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length < BATCH) continue;
    yield batch;
    batch = [];
  }
  if (batch.length > 0) yield batch;
}

/**
 * Items of an array as `JSON.stringify` writes them `depth` levels in, separated as it separates them: their
 * array stringified inside `depth - 1` one-item arrays, which indent it, and cut out of them. Cheaper than
 * moving every line of each item's own stringification right, as the cut is a slice of a string built once.
 */
function atDepth(items: readonly unknown[], depth: number): string {
  let wrapped: unknown = items;
  for (let level = 1; level < depth; level++) wrapped = [wrapped];
  const json = JSON.stringify(wrapped, null, 2);
  // Before the first item: `[` and a newline, then the level's indent, at each level; after the last the same, mirrored.
  return json.slice(2 * depth + depth * (depth + 1), json.length - 2 * depth - depth * (depth - 1));
}

function pad(depth: number): string {
  return '  '.repeat(depth);
}

/** Items transformed as they are taken, so a streamed list never exists whole in its output shape. */
export function* mapped<T, U>(items: Iterable<T>, map: (item: T) => U): Generator<U> {
  for (const item of items) yield map(item);
}
