/**
 * Plain values and a light position tree straight from the `yaml` Parser's CST, in one pass, for the
 * documents the Composer would accept without a word: no anchor, alias, tag, explicit or complex key,
 * merge key, directive, tab in indentation or error token. Anything else returns undefined and the
 * file is composed as before, so the Composer's errors are never second-guessed: each check below
 * mirrors one of its error conditions (`yaml` 2.9 `compose/*`), or refuses the shape outright.
 */
import { CST } from 'yaml';
import type { JsonObject, JsonValue } from '../types.js';
import { isScalarNode, MAP, rangeOf, SEQ, type FastMap, type FastNode, type FastSeq, type NodeRange } from './fast-tree.js';
import type { YamlProblem } from './parse.js';
import { keyString, resolvePlainScalar } from './scalar.js';
import { setKey } from './to-value.js';

/** Well under the converter's own limits (depth 1,000, 1,000,000 nodes): past them the Document path decides. */
const MAX_FAST_DEPTH = 200;
const MAX_FAST_NODES = 500_000;

export interface FastDocument {
  readonly value: JsonValue;
  readonly problems: YamlProblem[];
  readonly contents: FastNode;
  /** `[start, end of contents, end]`; the end moves past a following `...` line. */
  range: [number, number, number];
  /** Comments the Composer would hang on the contents and on the document (for `# Source:`). */
  readonly contentsComment: string;
  /** True when the contents is a block collection with entries (a prelude comment goes to its first key). */
  readonly blockWithEntries: boolean;
  readonly docStart: boolean;
  /** The contents is a scalar whose text is empty: nothing but comments. */
  readonly empty: boolean;
}

/** Thrown inside the builder when a shape is not one the fast path reproduces exactly. */
const FALLBACK = Symbol('fallback');

function fallback(): never {
  throw FALLBACK;
}

type Token = CST.Token;
type SourceToken = CST.SourceToken;

interface Props {
  found: SourceToken | undefined;
  comma: boolean;
  hasNewline: boolean;
  /** Comment texts as the Composer keeps them (`#` dropped, an empty comment is one space), when asked for. */
  comments: string[] | undefined;
  hasComment: boolean;
  /** Offset after the last token, or the offset given when there is none. */
  end: number;
}

/**
 * `resolveProps` for the tokens we accept: spaces, line breaks, comments, one `indicator` and, in a
 * flow collection, one comma. Anchors, tags and tabs outside flow collections are refused.
 */
function props(tokens: readonly SourceToken[], indicator: string, startOnNewline: boolean, flow: boolean, offset: number, collect = false): Props {
  let hasSpace = startOnNewline;
  let found: SourceToken | undefined;
  let comma = false;
  let hasNewline = false;
  let hasComment = false;
  const comments: string[] | undefined = collect ? [] : undefined;
  for (const token of tokens) {
    switch (token.type) {
      case 'space':
        if (!flow && token.source.includes('\t')) fallback();
        hasSpace = true;
        break;
      case 'comment':
        if (!hasSpace) fallback();
        hasComment = true;
        comments?.push(token.source.substring(1) || ' ');
        break;
      case 'newline':
        hasNewline = true;
        hasSpace = true;
        break;
      case 'comma':
        if (!flow || comma) fallback();
        comma = true;
        hasSpace = false;
        break;
      default:
        if (token.type !== indicator || found) fallback();
        found = token;
        hasSpace = false;
    }
  }
  const last = tokens[tokens.length - 1];
  return { found, comma, hasNewline, comments, hasComment, end: last ? last.offset + last.source.length : offset };
}

/** `resolveEnd`: only spaces, line breaks and comments may follow a node; returns the offset after them. */
function endOffset(tokens: readonly SourceToken[] | undefined, offset: number, strict: boolean): number {
  if (!tokens) return offset;
  let hasSpace = false;
  for (const token of tokens) {
    if (token.type === 'space' || token.type === 'newline') hasSpace = true;
    else if (token.type !== 'comment' || (strict && !hasSpace)) fallback();
    offset += token.source.length;
  }
  return offset;
}

/** Where the Composer puts an empty scalar: after the last non-blank token before it, past any spaces. */
function emptyPosition(offset: number, before: readonly SourceToken[] | undefined): number {
  if (!before) return offset;
  for (let i = before.length - 1; i >= 0; --i) {
    let token = before[i]!;
    if (token.type === 'space' || token.type === 'comment' || token.type === 'newline') {
      offset -= token.source.length;
      continue;
    }
    token = before[++i]!;
    while (token?.type === 'space') {
      offset += token.source.length;
      token = before[++i]!;
    }
    break;
  }
  return offset;
}

const isFlowScalar = (token: Token | null | undefined): token is CST.FlowScalar =>
  token !== null && token !== undefined && (token.type === 'scalar' || token.type === 'single-quoted-scalar' || token.type === 'double-quoted-scalar');

/** An implicit key over several lines (`containsNewline`): a line break in it or before its `:`. */
function spansLines(key: CST.FlowScalar): boolean {
  return key.source.includes('\n') || (key.end?.some((token) => token.type === 'newline') ?? false);
}

class Builder {
  readonly problems: YamlProblem[] = [];
  /** The value of the node built last. */
  value: JsonValue = null;
  private depth = 0;
  private nodes = 0;
  private scalarError = false;
  private readonly onScalarError = (): void => {
    this.scalarError = true;
  };

  node(token: Token, flow: boolean): FastNode {
    if (++this.nodes > MAX_FAST_NODES) fallback();
    switch (token.type) {
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
      case 'block-scalar':
        return this.scalar(token);
      case 'block-map':
      case 'block-seq':
      case 'flow-collection': {
        if (flow && token.type !== 'flow-collection') fallback();
        if (++this.depth > MAX_FAST_DEPTH) fallback();
        const node = token.type === 'block-map' ? this.blockMap(token) : token.type === 'block-seq' ? this.blockSeq(token) : this.flowCollection(token);
        this.depth--;
        return node;
      }
      default:
        return fallback();
    }
  }

  scalar(token: CST.FlowScalar | CST.BlockScalar): NodeRange {
    const resolved = CST.resolveAsScalar(token, true, this.onScalarError);
    if (this.scalarError || !resolved) fallback();
    // As `scalarValue`: a plain scalar is typed the YAML 1.1 way from its text, a quoted or block one is a string.
    this.value = token.type === 'scalar' ? resolvePlainScalar(resolved.value) : resolved.value;
    return resolved.range;
  }

  empty(offset: number, before: readonly SourceToken[] | undefined, valueProps: Props): FastNode {
    if (++this.nodes > MAX_FAST_NODES) fallback();
    const at = emptyPosition(offset, before);
    this.value = null;
    return [at, at, valueProps.hasComment ? valueProps.end : at];
  }

  /** A key: a flow scalar, never the merge key (merges take the Document path). */
  private key(token: Token | null | undefined): NodeRange {
    if (!isFlowScalar(token)) return fallback();
    if (token.type === 'scalar' && token.source === '<<') fallback();
    if (++this.nodes > MAX_FAST_NODES) fallback();
    return this.scalar(token);
  }

  /** One pair into the value and the tree: a repeated key is reported at its second occurrence, as `toValue` does. */
  private pair(map: FastMap, result: JsonObject, keyNode: NodeRange, key: string, valueNode: FastNode, value: JsonValue): void {
    // With no merge key, the result's own keys are the keys written so far.
    if (Object.hasOwn(result, key)) {
      this.problems.push({ ruleId: 'duplicate-key', message: `Map keys must be unique; "${key}" is repeated.`, start: keyNode[0], end: keyNode[1] });
    }
    setKey(result, key, value);
    map.keys.push(key);
    map.keyRanges.push(keyNode);
    map.values.push(valueNode);
  }

  private blockMap(token: CST.BlockMap): FastNode {
    const map: FastMap = { kind: MAP, range: [0, 0, 0], keys: [], keyRanges: [], values: [] };
    const result: JsonObject = {};
    let offset = token.offset;
    let commentEnd: number | undefined;
    for (const { start, key, sep, value } of token.items) {
      const keyProps = props(start, 'explicit-key-ind', true, false, offset);
      if (keyProps.found) fallback();
      if (!sep) {
        // Comments after the last entry; a key or value without `:` is an error (or silently dropped).
        if (key || value) fallback();
        commentEnd = keyProps.end;
        continue;
      }
      if (!isFlowScalar(key) || key.indent !== token.indent || spansLines(key)) fallback();
      const keyNode = this.key(key);
      const keyText = keyString(this.value);
      const valueProps = props(sep, 'map-value-ind', false, false, keyNode[2]);
      if (!valueProps.found) fallback();
      offset = valueProps.end;
      if (value?.type === 'block-map' && !valueProps.hasNewline) fallback();
      if (keyProps.end < valueProps.found.offset - 1024) fallback();
      const valueNode = value ? this.node(value, false) : this.empty(offset, sep, valueProps);
      offset = rangeOf(valueNode)[2];
      this.pair(map, result, keyNode, keyText, valueNode, this.value);
    }
    if (commentEnd !== undefined && commentEnd < offset) fallback();
    map.range = [token.offset, offset, commentEnd ?? offset];
    this.value = result;
    return map;
  }

  private blockSeq(token: CST.BlockSequence): FastNode {
    const seq: FastSeq = { kind: SEQ, range: [0, 0, 0], items: [] };
    const result: JsonValue[] = [];
    let offset = token.offset;
    let commentEnd: number | undefined;
    for (const { start, value } of token.items) {
      const itemProps = props(start, 'seq-item-ind', true, false, offset);
      if (!itemProps.found) {
        if (value) fallback();
        commentEnd = itemProps.end;
        continue;
      }
      const node = value ? this.node(value, false) : this.empty(itemProps.end, start, itemProps);
      offset = rangeOf(node)[2];
      seq.items.push(node);
      result.push(this.value);
    }
    seq.range = [token.offset, offset, commentEnd ?? offset];
    this.value = result;
    return seq;
  }

  private flowCollection(token: CST.FlowCollection): FastNode {
    const isMap = token.start.source === '{';
    const map: FastMap = { kind: MAP, range: [0, 0, 0], keys: [], keyRanges: [], values: [] };
    const seq: FastSeq = { kind: SEQ, range: [0, 0, 0], items: [] };
    const object: JsonObject = {};
    const array: JsonValue[] = [];
    let offset = token.offset + token.start.source.length;
    const count = token.items.length;
    for (let i = 0; i < count; i++) {
      const { start, key, sep, value } = token.items[i]!;
      const itemProps = props(start, 'explicit-key-ind', false, true, offset);
      if (itemProps.found) fallback();
      if (!key && !sep && !value) {
        // An empty entry: only before the first comma (`[ ]`) or after the last one (`[a, b,]`).
        if (i === 0 ? itemProps.comma : i < count - 1) fallback();
        offset = itemProps.end;
        continue;
      }
      // The first entry has no comma before it, every other one has.
      if (itemProps.comma !== i > 0) fallback();
      if (!isMap) {
        if (sep || key || !value) fallback();
        const node = this.node(value, true);
        offset = rangeOf(node)[2];
        seq.items.push(node);
        array.push(this.value);
        continue;
      }
      if (!sep || !key) fallback();
      const keyNode = this.key(key);
      const keyText = keyString(this.value);
      const valueProps = props(sep, 'map-value-ind', false, true, keyNode[2]);
      if (!valueProps.found) fallback();
      const valueNode = value ? this.node(value, true) : this.empty(valueProps.end, sep, valueProps);
      offset = rangeOf(valueNode)[2];
      this.pair(map, object, keyNode, keyText, valueNode, this.value);
    }
    const [close, ...rest] = token.end;
    if (close?.source !== (isMap ? '}' : ']')) fallback();
    const closeEnd = close.offset + close.source.length;
    const range: NodeRange = [token.offset, closeEnd, rest.length > 0 ? endOffset(rest, closeEnd, true) : closeEnd];
    if (isMap) {
      map.range = range;
      this.value = object;
      return map;
    }
    seq.range = range;
    this.value = array;
    return seq;
  }
}

/** One CST document, or undefined when the Document path must compose it. */
export function buildDocument(token: CST.Document): FastDocument | undefined {
  const builder = new Builder();
  try {
    const startProps = props(token.start, 'doc-start', true, false, token.offset, true);
    const value = token.value;
    if (startProps.found && value && (value.type === 'block-map' || value.type === 'block-seq') && !startProps.hasNewline) fallback();
    const contents = value ? builder.node(value, false) : builder.empty(startProps.end, token.start, startProps);
    const contentEnd = rangeOf(contents)[2];
    const end = endOffset(token.end, contentEnd, false);
    // The Composer gives comments before an empty scalar to the node's trailing comment, not its leading one.
    const emptyScalar = !value || (value.type === 'scalar' && value.source === '');
    const blockWithEntries = value !== undefined && (value.type === 'block-map' || value.type === 'block-seq') && entryCount(contents) > 0;
    return {
      value: builder.value,
      problems: builder.problems,
      contents,
      range: [token.offset, contentEnd, end],
      contentsComment: emptyScalar ? '' : startProps.comments!.join('\n'),
      blockWithEntries,
      docStart: startProps.found !== undefined,
      empty: isScalarNode(contents) && isEmptyText(value),
    };
  } catch (error) {
    if (error === FALLBACK) return undefined;
    throw error;
  }
}

function entryCount(node: FastNode): number {
  if (isScalarNode(node)) return 0;
  return node.kind === MAP ? node.keys.length : node.items.length;
}

/** `isEmptyDocument`: a scalar whose resolved text is empty (no value, `''`, `""`, an empty block scalar). */
function isEmptyText(token: Token | undefined): boolean {
  if (!token) return true;
  if (token.type !== 'scalar' && token.type !== 'single-quoted-scalar' && token.type !== 'double-quoted-scalar' && token.type !== 'block-scalar') return false;
  return CST.resolveAsScalar(token, true, () => undefined)?.value === '';
}

/** `endOffset` for a `...` line's trailing tokens, or undefined when the Composer would object to them. */
export function documentEndOffset(token: CST.DocumentEnd): number | undefined {
  try {
    return endOffset(token.end, token.offset + token.source.length, true);
  } catch (error) {
    if (error === FALLBACK) return undefined;
    throw error;
  }
}
