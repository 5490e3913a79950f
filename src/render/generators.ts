/**
 * Objects a configMapGenerator or secretGenerator made → the generator entry that wrote them: the `literals:`
 * item or the `files:` entry of a `data.KEY` finding, the line of an `envs:` file, else the entry itself.
 * Generated names carry a hash suffix (and the overlay's prefixes), so the entry is found by the name it holds.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Path, Region } from '../types.js';
import { isRecord, stringItems, type OriginFile } from './origin-files.js';

const DATA_KEYS = new Set(['data', 'binaryData', 'stringData']);

/** A place in the kustomization (a path), or a line of an env file, which is not YAML. */
export type GeneratorSite =
  | { kind: 'yaml'; path: Path; exact: boolean }
  | { kind: 'lines'; absolute: string; text: string; region: Region };

export function generatorSite(kustomization: OriginFile, generator: string, renderedName: string | undefined, findingPath: Path): GeneratorSite {
  const spec = kustomization.values[0];
  const entries = isRecord(spec) && Array.isArray(spec[generator]) ? (spec[generator] as unknown[]) : [];
  const index = entryIndex(entries, renderedName);
  if (index === undefined) return { kind: 'yaml', path: [generator], exact: false };
  const entry = entries[index] as Record<string, unknown>;
  const key = DATA_KEYS.has(String(findingPath[0])) && typeof findingPath[1] === 'string' ? findingPath[1] : undefined;
  if (key !== undefined) {
    const literal = stringItems(entry.literals).findIndex((item) => item.slice(0, item.indexOf('=')) === key);
    if (literal !== -1) return { kind: 'yaml', path: [generator, index, 'literals', literal], exact: true };
    const file = stringItems(entry.files).findIndex((item) => fileKey(item) === key);
    if (file !== -1) return { kind: 'yaml', path: [generator, index, 'files', file], exact: true };
    const envs = Array.isArray(entry.envs) ? stringItems(entry.envs) : stringItems([entry.env]);
    for (const env of envs) {
      const line = envLine(path.resolve(path.dirname(kustomization.absolute), env), key);
      if (line) return line;
    }
  }
  return { kind: 'yaml', path: [generator, index], exact: false };
}

/** The entry whose name the generated name holds; the longest, so `app` does not win over `app-config`. */
function entryIndex(entries: readonly unknown[], renderedName: string | undefined): number | undefined {
  let best: number | undefined;
  let length = -1;
  for (const [index, entry] of entries.entries()) {
    const name = isRecord(entry) && typeof entry.name === 'string' ? entry.name : undefined;
    if (name !== undefined && renderedName?.includes(name) && name.length > length) {
      best = index;
      length = name.length;
    }
  }
  return best;
}

/** `files:` entries are `path` (the key is the file name) or `key=path`. */
function fileKey(item: string): string {
  const equals = item.indexOf('=');
  return equals === -1 ? path.basename(item) : item.slice(0, equals);
}

/** The `KEY=value` line of an env file. */
function envLine(absolute: string, key: string): GeneratorSite | undefined {
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  for (const [index, raw] of lines.entries()) {
    const line = raw.replace(/\r$/, '');
    const indent = line.length - line.trimStart().length;
    const equals = line.indexOf('=');
    if (equals === -1 || line.trim().startsWith('#') || line.slice(indent, equals).trim() !== key) continue;
    const end = line.trimEnd().length;
    return { kind: 'lines', absolute, text, region: { startLine: index + 1, startColumn: indent + 1, endLine: index + 1, endColumn: end + 1 } };
  }
  return undefined;
}
