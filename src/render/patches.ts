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
}

interface Target {
  kind?: string;
  name?: string;
}

/** The last patch (in the order the kustomizations ran) that writes `findingPath` of the object; undefined when none does. */
export function patchThatSet(files: OriginFiles, kustomizations: readonly string[], object: { kind?: string; name?: string }, rendered: unknown, findingPath: Path): PatchSite | undefined {
  let found: PatchSite | undefined;
  for (const kustomization of kustomizations) {
    const file = files.get(kustomization);
    const spec = file?.values[0];
    if (!isRecord(spec)) continue;
    for (const entry of patchEntries(spec)) {
      const patch = files.get(path.resolve(path.dirname(kustomization), entry.path));
      if (!patch) continue;
      const site = entry.json6902 || Array.isArray(patch.values[0]) ? jsonPatchSite(patch, entry.target, object, findingPath) : mergePatchSite(patch, entry.target, object, rendered, findingPath);
      if (site) found = site;
    }
  }
  return found;
}

function patchEntries(spec: Record<string, unknown>): { path: string; target?: Target; json6902?: boolean }[] {
  const entries: { path: string; target?: Target; json6902?: boolean }[] = [];
  for (const item of asList(spec.patches)) {
    if (isRecord(item) && typeof item.path === 'string') entries.push({ path: item.path, target: targetOf(item.target) });
  }
  for (const item of asList(spec.patchesStrategicMerge)) {
    if (typeof item === 'string' && !item.includes('\n')) entries.push({ path: item });
  }
  for (const item of asList(spec.patchesJson6902)) {
    if (isRecord(item) && typeof item.path === 'string') entries.push({ path: item.path, target: targetOf(item.target), json6902: true });
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
    if (mapped.complete) return { file: patch, documentIndex, path: mapped.path };
  }
  return undefined;
}

/** A JSON patch operation whose path is the field or one of its ancestors wrote it. */
function jsonPatchSite(patch: OriginFile, target: Target | undefined, object: { kind?: string; name?: string }, findingPath: Path): PatchSite | undefined {
  if (!target || !targets(target, object)) return undefined;
  const operations = patch.values[0];
  if (!Array.isArray(operations)) return undefined;
  let found: PatchSite | undefined;
  for (const [index, operation] of operations.entries()) {
    if (!isRecord(operation) || typeof operation.path !== 'string' || !['add', 'replace'].includes(String(operation.op))) continue;
    const pointer = operation.path.split('/').slice(1).map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (pointer.length > findingPath.length) continue;
    const prefix = pointer.every((part, depth) => part === '-' || part === String(findingPath[depth]));
    if (prefix) found = { file: patch, documentIndex: 0, path: [index, 'value', ...findingPath.slice(pointer.length)] };
  }
  return found;
}
