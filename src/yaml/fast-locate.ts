/**
 * `locate` over the light position tree: the same walk and the same spans as over a Document
 * (`locate.ts`), for documents that hold no alias or merge key, so the span is never approximate.
 */
import type { Path } from '../types.js';
import { isScalarNode, MAP, rangeOf, SEQ, type FastMap, type FastNode, type FastSeq, type NodeRange } from './fast-tree.js';
import type { Span } from './locate.js';

export function locateFast(contents: FastNode, path: Path): Span {
  let node: FastNode | undefined = contents;
  let keyRange: NodeRange | undefined;
  let depth = 0;
  for (; depth < path.length; depth++) {
    const segment = path[depth]!;
    if (isScalarNode(node)) break;
    if (node.kind === MAP && typeof segment === 'string') {
      const at = findKey(node, segment);
      if (at === -1) break;
      keyRange = node.keyRanges[at];
      node = node.values[at]!;
      continue;
    }
    if (node.kind === SEQ && typeof segment === 'number') {
      const item: FastNode | undefined = node.items[segment];
      if (!item) break;
      keyRange = undefined;
      node = item;
      continue;
    }
    break;
  }
  const exact = depth === path.length;
  return { ...spanOf(node, keyRange, exact), exact, approximate: false };
}

/** Mappings this long get a key index on their first lookup, as `locate` does for Documents. */
const INDEXED_FROM = 8;
const keyIndexes = new WeakMap<FastMap, Map<string, number>>();

/** The last occurrence wins, as it does for the API server. */
function findKey(map: FastMap, key: string): number {
  const keys = map.keys;
  if (keys.length >= INDEXED_FROM) {
    let index = keyIndexes.get(map);
    if (!index) {
      index = new Map();
      for (let i = 0; i < keys.length; i++) index.set(keys[i]!, i);
      keyIndexes.set(map, index);
    }
    return index.get(key) ?? -1;
  }
  return keys.lastIndexOf(key);
}

function spanOf(node: FastNode, keyRange: NodeRange | undefined, exact: boolean): { start: number; end: number } {
  const range = rangeOf(node);
  if (keyRange) {
    // Exact: the key and its value (`privileged: true`). Fallback: just the key that exists.
    if (!exact) return { start: keyRange[0], end: keyRange[1] };
    return { start: keyRange[0], end: range[1] };
  }
  if (isScalarNode(node)) return { start: range[0], end: range[1] };
  if (node.kind === SEQ && exact) return { start: range[0], end: range[1] };
  // A collection standing for a missing child: its first entry (`- name: app`, `kind: Pod`).
  return firstEntrySpan(node) ?? { start: range[0], end: range[1] };
}

function firstEntrySpan(node: FastMap | FastSeq): { start: number; end: number } | undefined {
  if (node.kind === MAP) {
    if (node.keys.length === 0) return undefined;
    const kind = node.keys.indexOf('kind');
    const at = kind === -1 ? 0 : kind;
    const key = node.keyRanges[at]!;
    const value = node.values[at]!;
    return { start: key[0], end: isScalarNode(value) ? value[1] : key[1] };
  }
  const item = node.items[0];
  if (!item) return undefined;
  const range = rangeOf(item);
  return { start: range[0], end: range[1] };
}
