/**
 * Files that hold partial objects by design: kustomize patches and the assertions of test harnesses
 * (chainsaw, kuttl). Linted as whole objects they would give findings about fields they leave out.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { FileDecision } from '../types.js';

const KUSTOMIZATION = /^(?:kustomization\.ya?ml|Kustomization)$/;
const CHAINSAW_TEST = /^chainsaw-test\.(?:ya?ml|json)$/;
const CHAINSAW_PARTIAL = /(?:assert|error)[^/]*\.ya?ml$/;
const KUTTL_PARTIAL = /^\d+-(?:assert|errors)\.ya?ml$/;

/** Partial-object files among the walked files, with their decision. */
export function partialFiles(files: readonly string[]): Map<string, FileDecision> {
  const partial = new Map<string, FileDecision>();
  const chainsawFolders = new Set(files.filter((file) => CHAINSAW_TEST.test(path.basename(file))).map((file) => path.dirname(file)));
  for (const file of files) {
    const name = path.basename(file);
    if (KUTTL_PARTIAL.test(name) || (chainsawFolders.has(path.dirname(file)) && CHAINSAW_PARTIAL.test(name))) partial.set(file, 'test-assertion');
    if (KUSTOMIZATION.test(name)) for (const patch of patchesOf(file)) partial.set(patch, 'kustomize-patch');
  }
  return partial;
}

/** Files a kustomization (or component) lists as patches; inline patches name no file. */
function patchesOf(kustomization: string): string[] {
  let config: unknown;
  try {
    config = parse(readFileSync(kustomization, 'utf8'));
  } catch {
    return [];
  }
  if (!config || typeof config !== 'object') return [];
  const { patches, patchesStrategicMerge, patchesJson6902 } = config as Record<string, unknown>;
  const names = [
    ...list(patches).map((entry) => pathField(entry)),
    ...list(patchesJson6902).map((entry) => pathField(entry)),
    ...list(patchesStrategicMerge).map((entry) => (typeof entry === 'string' && !entry.includes('\n') ? entry : undefined)),
  ];
  const folder = path.dirname(kustomization);
  return names.filter((name): name is string => typeof name === 'string' && name !== '').map((name) => path.resolve(folder, name));
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function pathField(entry: unknown): string | undefined {
  return entry && typeof entry === 'object' && typeof (entry as { path?: unknown }).path === 'string' ? (entry as { path: string }).path : undefined;
}
