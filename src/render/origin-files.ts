/** Files that rendered objects come from, read and parsed once per run, with the plain value of each document. */
import { readFileSync } from 'node:fs';
import { locationAt } from '../findings/build.js';
import type { Location } from '../findings/location.js';
import { parseYamlFile, regionOf, type ParsedFile } from '../yaml/parse.js';
import { embeddedPatch } from './embedded-patch.js';
import type { Path } from '../types.js';

export interface OriginFile {
  absolute: string;
  text: string;
  parsed: ParsedFile;
  /** `toJS()` of each document; null for empty or broken ones. */
  values: unknown[];
  /** A patch written inside a kustomization: positions are reported in that file (see embedded-patch.ts). */
  host?: EmbeddingHost;
}

export interface EmbeddingHost {
  file: OriginFile;
  /** Offset in the host's text of each character of the patch text; undefined when it cannot be told. */
  offsets: number[] | undefined;
  /** The key holding the patch. */
  key: { start: number; end: number };
}

export class OriginFiles {
  private readonly cache = new Map<string, OriginFile | undefined>();

  get(absolute: string): OriginFile | undefined {
    if (!this.cache.has(absolute)) this.cache.set(absolute, read(absolute));
    return this.cache.get(absolute);
  }

  /** Every file read so far, patches written inside kustomizations included. */
  read(): OriginFile[] {
    return [...this.cache.values()].filter((file): file is OriginFile => file !== undefined);
  }

  /** The patch written at `nodePath` of a kustomization, read once. */
  embedded(kustomization: string, nodePath: Path): OriginFile | undefined {
    const key = `${kustomization}\u0000${JSON.stringify(nodePath)}`;
    if (!this.cache.has(key)) {
      const host = this.get(kustomization);
      this.cache.set(key, host ? embeddedPatch(host, nodePath) : undefined);
    }
    return this.cache.get(key);
  }
}

/** The plain value of each document of a parsed origin file; null for an empty or broken one. */
export function documentValues(parsed: ParsedFile): unknown[] {
  return parsed.documents.map((document) => (document.errors.length > 0 || document.empty ? null : (document.doc.toJS() as unknown)));
}

function read(absolute: string): OriginFile | undefined {
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8').replace(/^\uFEFF/, '');
  } catch {
    return undefined;
  }
  const parsed = parseYamlFile(text);
  return { absolute, text, parsed, values: documentValues(parsed) };
}

/** The region of a path in one document of an origin file (its nearest written ancestor when the path runs out). */
export function locateInOrigin(file: OriginFile, display: string, documentIndex: number, path: Path): Location {
  const location = locationAt({ file: display, parsed: file.parsed, document: file.parsed.documents[documentIndex]! }, path, true);
  if (!file.host) return location;
  // Inside a kustomization: the same characters in its text, or its `patch:` key when they cannot be told.
  const { host } = file;
  const starts = file.parsed.lineCounter.lineStarts;
  const inner = (line: number, column: number): number => (starts[line - 1] ?? 0) + column - 1;
  const { region } = location;
  const start = host.offsets?.[inner(region.startLine, region.startColumn)];
  const end = host.offsets?.[inner(region.endLine, region.endColumn)];
  if (start === undefined || end === undefined) return { ...location, region: regionOf(host.file.parsed, host.key.start, host.key.end), approximate: true };
  return { ...location, region: regionOf(host.file.parsed, start, end) };
}

/** Keys that identify list items when kustomize merges lists (strategic merge keys of the core API). */
const MERGE_KEYS = ['name', 'mountPath', 'devicePath', 'containerPort', 'port', 'ip', 'topologyKey'];

/**
 * A path in a rendered object → the same place in the object a person wrote (a base or a patch). List items
 * are matched by their merge key, since patches add and reorder items; `complete` says the whole path exists there.
 */
export function mapPath(rendered: unknown, origin: unknown, path: Path): { path: Path; complete: boolean } {
  const mapped: (string | number)[] = [];
  let from = rendered;
  let to = origin;
  for (const [depth, segment] of path.entries()) {
    if (typeof segment === 'number') {
      if (!Array.isArray(from) || !Array.isArray(to)) return { path: [...mapped, ...path.slice(depth)], complete: false };
      const item = from[segment] as unknown;
      const index = matchItem(item, to, segment, from.length);
      if (index === -1) return { path: mapped, complete: false };
      mapped.push(index);
      from = item;
      to = to[index];
    } else {
      if (!isRecord(to) || !(segment in to)) return { path: [...mapped, ...path.slice(depth)], complete: false };
      mapped.push(segment);
      from = isRecord(from) ? from[segment] : undefined;
      to = to[segment];
    }
  }
  return { path: mapped, complete: true };
}

function matchItem(item: unknown, candidates: unknown[], index: number, renderedLength: number): number {
  if (isRecord(item)) {
    for (const key of MERGE_KEYS) {
      if (item[key] === undefined) continue;
      return candidates.findIndex((candidate) => isRecord(candidate) && candidate[key] === item[key]);
    }
  }
  // Without a merge key kustomize replaces the list: positions agree only when the lengths do.
  return candidates.length === renderedLength ? index : -1;
}

/** The strings of a list (a kustomization's `literals:`, `files:`, `envs:`); nothing for anything else. */
export function stringItems(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `metadata.name` and `kind` of a plain object. */
export function identity(value: unknown): { kind?: string; name?: string } {
  if (!isRecord(value)) return {};
  const metadata = isRecord(value.metadata) ? value.metadata : {};
  return { kind: typeof value.kind === 'string' ? value.kind : undefined, name: typeof metadata.name === 'string' ? metadata.name : undefined };
}
