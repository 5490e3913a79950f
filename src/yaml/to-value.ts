/**
 * Turns a parsed document into plain JSON-like values, typed as Kubernetes reads them.
 * One walk does the typing, merge keys, duplicate-key detection and alias-bomb protection.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, Scalar, visit, type Alias, type Document, type Node, type Pair } from 'yaml';
import type { JsonObject, JsonValue } from '../types.js';
import type { ParsedDocument, YamlProblem } from './parse.js';
import { keyString, resolvePlainScalar } from './scalar.js';

/** go-yaml v2's rule against "excessive aliasing" (CVE-2019-11253), plus a hard cap. */
const ALIAS_RATIO_MIN_ALIASES = 100;
const ALIAS_RATIO_MIN_NODES = 1000;
const MAX_EXPANDED_NODES = 1_000_000;
/** Deeper than any real manifest, and shallow enough for every walk after this one. */
export const MAX_DEPTH = 1000;

/** A document that is valid YAML but too costly to lint (alias bomb, nesting too deep): skipped with a note. */
export class UnlintableDocumentError extends Error {}

export interface ConvertResult {
  value: JsonValue;
  problems: YamlProblem[];
}

interface State {
  doc: Document.Parsed;
  problems: YamlProblem[];
  nodes: number;
  aliasNodes: number;
  /** Anchored nodes currently being expanded, to stop recursive aliases. */
  expanding: Set<Node>;
  insideAlias: number;
  depth: number;
  /**
   * Each alias's node, found in one pass when the first alias is met: resolving alias by alias
   * costs a walk of the document each, and most documents hold no alias, so they need no pass.
   */
  targets: Map<Alias, Node> | undefined;
  /** Aliases that name no anchor: reported before the problems the conversion finds. */
  unknownAnchors: YamlProblem[];
}

export function toValue(doc: Document.Parsed): ConvertResult {
  if (doc.errors.some((error) => error.code === 'RESOURCE_EXHAUSTION')) {
    throw new UnlintableDocumentError('nests too deep for the YAML parser');
  }
  const state: State = { doc, problems: [], nodes: 0, aliasNodes: 0, expanding: new Set(), insideAlias: 0, depth: 0, targets: undefined, unknownAnchors: [] };
  try {
    const value = convert(doc.contents as Node | null, state);
    return { value, problems: state.unknownAnchors.length > 0 ? [...state.unknownAnchors, ...state.problems] : state.problems };
  } catch (error) {
    if (error instanceof RangeError) throw new UnlintableDocumentError('nests too deep to walk');
    throw error;
  }
}

/** An alias names the closest anchor before it; one that names none is an error, as in kubectl. */
function resolveAliases(doc: Document.Parsed, state: State): Map<Alias, Node> {
  const anchors = new Map<string, Node>();
  const targets = new Map<Alias, Node>();
  visit(doc, (_key, node) => {
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target) targets.set(node, target);
      else {
        const [start, end] = node.range ?? [0, 1];
        state.unknownAnchors.push({ ruleId: 'yaml-syntax-error', message: `Unknown anchor "${node.source}": an alias must follow its anchor.`, start, end });
      }
    } else if ((isScalar(node) || isMap(node) || isSeq(node)) && node.anchor) {
      anchors.set(node.anchor, node as Node);
    }
  });
  return targets;
}

function convert(node: Node | null | undefined, state: State): JsonValue {
  if (node === null || node === undefined) return null;
  state.nodes++;
  if (state.insideAlias > 0) state.aliasNodes++;
  if (state.nodes > MAX_EXPANDED_NODES) throw new UnlintableDocumentError('document expands to more than 1,000,000 nodes');
  if (isScalar(node)) {
    if (node.tag === BINARY_TAG) checkBinary(node, state);
    return scalarValue(node);
  }
  if (isAlias(node)) return convertAlias(node, state);
  if (++state.depth > MAX_DEPTH) throw new UnlintableDocumentError(`nests deeper than ${MAX_DEPTH.toLocaleString('en-US')} levels`);
  try {
    if (isMap(node)) return convertMap(node.items as Pair[], state);
    if (isSeq(node)) return node.items.map((item) => convert(item as Node, state));
    return null;
  } finally {
    state.depth--;
  }
}

function convertAlias(node: Alias, state: State): JsonValue {
  state.targets ??= resolveAliases(state.doc, state);
  const target = state.targets.get(node);
  if (!target || state.expanding.has(target)) return null;
  state.expanding.add(target);
  state.insideAlias++;
  try {
    const value = convert(target, state);
    if (state.aliasNodes > ALIAS_RATIO_MIN_ALIASES && state.nodes > ALIAS_RATIO_MIN_NODES && state.aliasNodes / state.nodes > 0.99) {
      throw new UnlintableDocumentError('excessive aliasing (more than 99% of the document comes from aliases)');
    }
    return value;
  } finally {
    state.insideAlias--;
    state.expanding.delete(target);
  }
}

const BINARY_TAG = 'tag:yaml.org,2002:binary';

/** The yaml package decodes !!binary leniently in Node and strictly in its browser build (the bundle); kubectl rejects bad base64. */
function checkBinary(node: Scalar, state: State): void {
  const source = typeof node.source === 'string' ? node.source.replace(/\s+/g, '') : '';
  if (/^[A-Za-z0-9+/]*={0,2}$/.test(source) && source.length % 4 === 0) return;
  const [start, end] = node.range ?? [0, 1];
  state.problems.push({ ruleId: 'yaml-syntax-error', message: 'A !!binary value must be base64.', start, end });
}

export function scalarValue(node: Scalar): JsonValue {
  const { type, tag } = node;
  if (type === Scalar.PLAIN && (tag === undefined || tag === null)) {
    const source = typeof node.source === 'string' ? node.source : String(node.value ?? '');
    return resolvePlainScalar(source);
  }
  const value = node.value;
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  return String(value);
}

function isMergeKey(pair: Pair): boolean {
  const key = pair.key;
  return isScalar(key) && key.type === Scalar.PLAIN && !key.tag && key.source === '<<';
}

function convertMap(pairs: Pair[], state: State): JsonObject {
  const result: JsonObject = {};
  const explicit = new Set<string>();
  const merged: JsonObject[] = [];
  for (const pair of pairs) {
    if (!isPair(pair)) continue;
    if (isMergeKey(pair)) {
      merged.push(...mergeSources(pair, state));
      continue;
    }
    const key = keyString(convert(pair.key as Node | null, state));
    if (explicit.has(key)) {
      const range = (pair.key as Node | null)?.range;
      if (range) {
        state.problems.push({ ruleId: 'duplicate-key', message: `Map keys must be unique; "${key}" is repeated.`, start: range[0], end: range[1] });
      }
    }
    explicit.add(key);
    setKey(result, key, convert(pair.value as Node | null, state));
  }
  // Explicit keys win over merged ones; earlier merge sources win over later ones.
  for (const source of merged) {
    for (const [key, value] of Object.entries(source)) {
      if (!Object.hasOwn(result, key)) setKey(result, key, value);
    }
  }
  return result;
}

/** A key named "__proto__" is data in YAML; plain assignment would change the prototype. */
export function setKey(target: JsonObject, key: string, value: JsonValue): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

function mergeSources(pair: Pair, state: State): JsonObject[] {
  const value = pair.value as Node | null;
  const converted = convert(value, state);
  // `<<: *map`, `<<: [*a, *b]`, and an alias to a list of maps are all accepted.
  const sources = Array.isArray(converted) ? converted : [converted];
  if (sources.length > 0 && sources.every(isJsonObject)) return sources;
  const range = (value ?? (pair.key as Node)).range ?? [0, 1];
  state.problems.push({
    ruleId: 'yaml-syntax-error',
    message: 'A merge key (<<) must point at a mapping or a list of mappings.',
    start: range[0],
    end: range[1],
  });
  return sources.filter(isJsonObject);
}

function isJsonObject(value: JsonValue): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A document's values: built with its parse on the fast path, else converted from its Document. */
export function documentValue(document: ParsedDocument): ConvertResult {
  return document.fast ? { value: document.fast.value, problems: document.fast.problems } : toValue(document.doc);
}
