/**
 * The light position tree of a document built straight from the CST: the offsets the composer would
 * give every key and value node, and nothing else, so `locate` can answer without a Document.
 */

/** `[start, end of the value, end after trailing comments and line breaks]`, as the composer's `range`. */
export type NodeRange = readonly [number, number, number];

export const MAP = 1;
export const SEQ = 2;

/** A scalar is its range alone: half the nodes of a manifest are scalars, and each object counts. */
export type FastScalar = NodeRange;

export interface FastMap {
  readonly kind: typeof MAP;
  range: NodeRange;
  /** Keys as plain-value strings, in order, with their ranges and value nodes at the same index. */
  readonly keys: string[];
  readonly keyRanges: NodeRange[];
  readonly values: FastNode[];
}

export interface FastSeq {
  readonly kind: typeof SEQ;
  range: NodeRange;
  readonly items: FastNode[];
}

export type FastNode = FastScalar | FastMap | FastSeq;

export function isScalarNode(node: FastNode): node is FastScalar {
  return Array.isArray(node);
}

export function rangeOf(node: FastNode): NodeRange {
  return isScalarNode(node) ? node : node.range;
}
