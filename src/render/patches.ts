/**
 * Which patch of a kustomization set a field. kustomize names the kustomizations whose patch transformers ran
 * over an object, not the patch: each patch of those kustomizations is read and asked whether it targets the
 * object and writes the field.
 */
import path from 'node:path';
import type { Path } from '../types.js';
import { identity, isRecord, mapPath, type OriginFile, type OriginFiles } from './origin-files.js';

export interface PatchSite {
  file: OriginFile;
  documentIndex: number;
  path: Path;
  /** False when the patch wrote an ancestor of the field and the site is that write, not the field. */
  exact: boolean;
}

interface Target {
  kind?: string;
  name?: string;
}

/** A patch of a kustomization: a file beside it, or text written in it (at `inline`, a path in the kustomization). */
interface PatchEntry {
  file?: string;
  inline?: Path;
  target?: Target;
  json6902?: boolean;
}

/** The last patch (in the order the kustomizations ran) that writes `findingPath` of the object; undefined when none does. */
export function patchThatSet(files: OriginFiles, kustomizations: readonly string[], object: { kind?: string; name?: string }, rendered: unknown, findingPath: Path, missing = false): PatchSite | undefined {
  let found: PatchSite | undefined;
  for (const kustomization of kustomizations) {
    const spec = files.get(kustomization)?.values[0];
    if (!isRecord(spec)) continue;
    for (const entry of patchEntries(spec)) {
      const patch = entry.inline ? files.embedded(kustomization, entry.inline) : files.get(path.resolve(path.dirname(kustomization), entry.file!));
      if (!patch) continue;
      const site = entry.json6902 || Array.isArray(patch.values[0]) ? jsonPatchSite(patch, entry.target, object, rendered, findingPath, missing) : mergePatchSite(patch, entry.target, object, rendered, findingPath);
      if (site) found = site;
    }
  }
  return found;
}

/** The patch files of kustomizations, read (their comment directives apply to what they patch). */
export function readPatchFiles(files: OriginFiles, kustomizations: readonly string[]): void {
  for (const kustomization of kustomizations) {
    const spec = files.get(kustomization)?.values[0];
    if (!isRecord(spec)) continue;
    for (const entry of patchEntries(spec)) if (entry.file) files.get(path.resolve(path.dirname(kustomization), entry.file));
  }
}

function patchEntries(spec: Record<string, unknown>): PatchEntry[] {
  const entries: PatchEntry[] = [];
  for (const [index, item] of asList(spec.patches).entries()) {
    if (!isRecord(item)) continue;
    const target = targetOf(item.target);
    if (typeof item.path === 'string') entries.push({ file: item.path, target });
    else if (typeof item.patch === 'string') entries.push({ inline: ['patches', index, 'patch'], target });
  }
  for (const [index, item] of asList(spec.patchesStrategicMerge).entries()) {
    // A string holding a line break is the patch itself, not a file name.
    if (typeof item === 'string') entries.push(item.includes('\n') ? { inline: ['patchesStrategicMerge', index] } : { file: item });
  }
  for (const [index, item] of asList(spec.patchesJson6902).entries()) {
    if (!isRecord(item)) continue;
    const target = targetOf(item.target);
    if (typeof item.path === 'string') entries.push({ file: item.path, target, json6902: true });
    else if (typeof item.patch === 'string') entries.push({ inline: ['patchesJson6902', index, 'patch'], target, json6902: true });
  }
  return entries;
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function targetOf(value: unknown): Target | undefined {
  if (!isRecord(value)) return undefined;
  return { kind: typeof value.kind === 'string' ? value.kind : undefined, name: typeof value.name === 'string' ? value.name : undefined };
}

/** kustomize reads a target's name as a regular expression anchored at both ends. */
function targets(target: Target, object: { kind?: string; name?: string }): boolean {
  if (target.kind !== undefined && target.kind !== object.kind) return false;
  if (target.name === undefined) return true;
  try {
    return new RegExp(`^(?:${target.name})$`).test(object.name ?? '');
  } catch {
    return target.name === object.name;
  }
}

function mergePatchSite(patch: OriginFile, target: Target | undefined, object: { kind?: string; name?: string }, rendered: unknown, findingPath: Path): PatchSite | undefined {
  for (const [documentIndex, value] of patch.values.entries()) {
    const written = identity(value);
    const applies = target ? targets(target, object) : written.kind === object.kind && written.name === object.name;
    if (!applies) continue;
    const mapped = mapPath(rendered, value, findingPath);
    if (mapped.complete) return { file: patch, documentIndex, path: mapped.path, exact: true };
  }
  return undefined;
}

/**
 * A JSON patch operation (add or replace) whose path is the field or one of its ancestors wrote it: the site is
 * the field inside the operation's value when the value holds it, else the operation; a field the rule reports
 * missing, its nearest ancestor inside the value. The last such operation wins.
 */
function jsonPatchSite(patch: OriginFile, target: Target | undefined, object: { kind?: string; name?: string }, rendered: unknown, findingPath: Path, missing: boolean): PatchSite | undefined {
  if (!target || !targets(target, object)) return undefined;
  const documentIndex = patch.values.findIndex((value) => Array.isArray(value));
  const operations = patch.values[documentIndex];
  if (!Array.isArray(operations)) return undefined;
  let found: PatchSite | undefined;
  for (const [index, operation] of operations.entries()) {
    if (!isRecord(operation) || typeof operation.path !== 'string' || !['add', 'replace'].includes(String(operation.op))) continue;
    const pointer = operation.path.split('/').slice(1).map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (pointer.length > findingPath.length || !pointer.every((part, depth) => segmentMatches(part, depth, pointer.length, findingPath, rendered, operation.value))) continue;
    const written = valueAt(rendered, findingPath.slice(0, pointer.length));
    const inside = mapPath(written, operation.value, findingPath.slice(pointer.length));
    found = inside.complete || missing ? { file: patch, documentIndex, path: [index, 'value', ...inside.path], exact: true } : { file: patch, documentIndex, path: [index], exact: false };
  }
  return found;
}

/**
 * One pointer segment against the finding's path. `-` appends to a list: the appended item is the rendered item
 * at that position when it is the value the operation wrote (the same merge key, or equal).
 */
function segmentMatches(part: string, depth: number, length: number, findingPath: Path, rendered: unknown, value: unknown): boolean {
  const segment = findingPath[depth];
  if (part !== '-') return part === String(segment);
  if (typeof segment !== 'number' || depth !== length - 1) return false;
  const item = valueAt(rendered, findingPath.slice(0, depth + 1));
  if (isRecord(item) && isRecord(value) && typeof value.name === 'string') return item.name === value.name;
  return JSON.stringify(item) === JSON.stringify(value);
}

function valueAt(value: unknown, at: Path): unknown {
  let here = value;
  for (const segment of at) {
    if (Array.isArray(here) && typeof segment === 'number') here = here[segment] as unknown;
    else if (isRecord(here) && typeof segment === 'string') here = here[segment];
    else return undefined;
  }
  return here;
}
