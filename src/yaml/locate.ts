/**
 * Path → source span. Walks the AST by keys and indices; a path to a missing field ends at
 * its nearest existing ancestor; a path through an alias ends at the alias (where the user wrote it).
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node, type Pair } from 'yaml';
import type { Path } from '../types.js';
import { locateFast } from './fast-locate.js';
import type { ParsedDocument } from './parse.js';
import { keyString, resolvePlainScalar } from './scalar.js';
import { scalarValue } from './to-value.js';

export interface Span {
  start: number;
  end: number;
  /** The whole path was found. */
  exact: boolean;
  /** The path crossed an alias or merge key: the span is where the alias is written. */
  approximate: boolean;
}

type Range = readonly [number, number, number];

/** `locate` in a parsed document, over its light position tree when it was built on the fast path. */
export function locateIn(document: ParsedDocument, path: Path): Span {
  return document.fast ? locateFast(document.fast.contents, path) : locate(document.doc, path);
}

export function locate(doc: Document.Parsed, path: Path): Span {
  let node = doc.contents as Node | null;
  let pair: Pair | undefined;
  let approximate = false;
  let depth = 0;
  for (; depth < path.length && node; depth++) {
    const segment = path[depth]!;
    if (isAlias(node)) {
      approximate = true;
      break;
    }
    if (isMap(node) && typeof segment === 'string') {
      const found = findPair(node.items as Pair[], segment);
      if (!found) {
        // The key may come from a merge key (`<<: *defaults`): point at the merge.
        const merge = (node.items as Pair[]).find((candidate) => isPair(candidate) && keyOf(candidate) === '<<');
        if (merge) {
          pair = merge;
          approximate = true;
        }
        break;
      }
      pair = found;
      node = found.value as Node | null;
      if (!node) {
        depth++;
        break;
      }
      continue;
    }
    if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) break;
      pair = undefined;
      node = item;
      continue;
    }
    break;
  }
  const exact = depth === path.length && !approximate;
  return { ...spanOf(doc, node, pair, exact), exact, approximate };
}

/**
 * Mappings this long get a key index on their first lookup: rules locate many paths inside big
 * mappings (CRD schemas, ConfigMap data), and a scan computes every key again for each path.
 */
const INDEXED_FROM = 8;
const pairIndexes = new WeakMap<Pair[], Map<string, Pair>>();

function findPair(pairs: Pair[], key: string): Pair | undefined {
  if (pairs.length >= INDEXED_FROM) {
    let index = pairIndexes.get(pairs);
    if (!index) {
      // Later pairs overwrite earlier ones: the last one wins, as below.
      index = new Map();
      for (const pair of pairs) if (isPair(pair)) index.set(keyOf(pair), pair);
      pairIndexes.set(pairs, index);
    }
    return index.get(key);
  }
  // The last one wins, as it does for the API server.
  for (let i = pairs.length - 1; i >= 0; i--) {
    const pair = pairs[i];
    if (isPair(pair) && keyOf(pair) === key) return pair;
  }
  return undefined;
}

function keyOf(pair: Pair): string {
  const key = pair.key as Node | null;
  if (isScalar(key)) return keyString(scalarValue(key));
  return keyString(key === null ? null : resolvePlainScalar(String(key)));
}

function spanOf(doc: Document.Parsed, node: Node | null, pair: Pair | undefined, exact: boolean): { start: number; end: number } {
  const keyRange = (pair?.key as Node | null | undefined)?.range as Range | undefined;
  const valueRange = node?.range as Range | undefined;
  if (pair && keyRange) {
    // Exact: the key and its value (`privileged: true`). Fallback: just the key that exists.
    if (!exact || !valueRange) return { start: keyRange[0], end: keyRange[1] };
    return { start: keyRange[0], end: valueRange[1] };
  }
  if (node && (isMap(node) || isSeq(node))) {
    if (exact && isSeq(node) && valueRange) return { start: valueRange[0], end: valueRange[1] };
    // A collection standing for a missing child: its first entry (`- name: app`, `kind: Pod`).
    return firstEntrySpan(node) ?? rangeSpan(valueRange);
  }
  if (valueRange) return rangeSpan(valueRange);
  const docRange = doc.range as Range;
  return { start: docRange[0], end: docRange[0] };
}

function firstEntrySpan(node: Node): { start: number; end: number } | undefined {
  if (isMap(node)) {
    const pairs = node.items as Pair[];
    const kind = pairs.find((pair) => keyOf(pair) === 'kind');
    const first = kind ?? pairs[0];
    const key = (first?.key as Node | null | undefined)?.range as Range | undefined;
    const value = (first?.value as Node | null | undefined)?.range as Range | undefined;
    if (key) return { start: key[0], end: value && isScalar(first?.value) ? value[1] : key[1] };
  }
  if (isSeq(node)) {
    const item = node.items[0] as Node | undefined;
    const range = item?.range as Range | undefined;
    if (range) return { start: range[0], end: range[1] };
  }
  return undefined;
}

function rangeSpan(range: Range | undefined): { start: number; end: number } {
  if (!range) return { start: 0, end: 0 };
  return { start: range[0], end: range[1] };
}
