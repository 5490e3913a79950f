/**
 * The bundled Kubernetes schema (`schemas/kubernetes-1.36.json`, built by scripts/build-k8s-schemas.ts):
 * read on the first object that needs it, never for runs that lint no built-in object. The file has each
 * definition on a line of its own, and a definition is parsed when the validator first resolves it, so a run
 * parses only the kinds it meets and what they refer to (parsing the whole file was about 7 ms of a one-file
 * run). The data is immutable, so one copy per process is shared by every file and run.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SchemaNode } from '../k8s/schema-node.js';

export const BUNDLED_SCHEMA_FILE = 'kubernetes-1.36.json';

export interface KubernetesSchema {
  kubernetesVersion: string;
  /** apiVersion → kind → definition name, for the group-versions the release serves. */
  kinds: Record<string, Record<string, string>>;
  /** A definition by name (a `$ref` without `#/definitions/`). */
  definition(name: string): SchemaNode | undefined;
}

let loaded: KubernetesSchema | undefined;

/** `schemas/` beside the package: from src/schema (sources), dist/ or dist/chunks (bundles). */
function schemaPath(): string {
  let directory = path.dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 4; depth++) {
    const candidate = path.join(directory, 'schemas', BUNDLED_SCHEMA_FILE);
    if (existsSync(candidate)) return candidate;
    directory = path.dirname(directory);
  }
  throw new Error(`the bundled Kubernetes schema (schemas/${BUNDLED_SCHEMA_FILE}) is missing from the installation`);
}

export function kubernetesSchema(): KubernetesSchema {
  loaded ??= readSchema(readFileSync(schemaPath(), 'utf8'));
  return loaded;
}

/** The schema from the text the build script writes: the header parsed now, each definition on first use. */
export function readSchema(text: string): KubernetesSchema {
  const opening = text.indexOf('\n');
  const header = JSON.parse(`${text.slice(0, opening)}}}`) as { kubernetesVersion: string; kinds: Record<string, Record<string, string>> };
  const spans = new Map<string, { start: number; end: number }>();
  for (let start = opening + 1, end = text.indexOf('\n', start); end !== -1 && text[start] === '"'; start = end + 1, end = text.indexOf('\n', start)) {
    const nameEnd = text.indexOf('":', start);
    // A checkout or a package made on Windows may end the lines with \r\n.
    let valueEnd = end;
    while (text[valueEnd - 1] === '\r' || text[valueEnd - 1] === ',') valueEnd--;
    spans.set(text.slice(start + 1, nameEnd), { start: nameEnd + 2, end: valueEnd });
  }
  const parsed = new Map<string, SchemaNode>();
  return {
    kubernetesVersion: header.kubernetesVersion,
    kinds: header.kinds,
    definition(name) {
      let node = parsed.get(name);
      const span = node ? undefined : spans.get(name);
      if (span) parsed.set(name, (node = JSON.parse(text.slice(span.start, span.end)) as SchemaNode));
      return node;
    },
  };
}

/** The groups the bundled release serves ('' for core). */
export function builtInGroups(schema: KubernetesSchema): Set<string> {
  return new Set(Object.keys(schema.kinds).map((apiVersion) => (apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : '')));
}

/** Every apiVersion serving `kind` in `group`. */
export function apiVersionsServing(schema: KubernetesSchema, group: string, kind: string): string[] {
  return Object.entries(schema.kinds)
    .filter(([apiVersion, kinds]) => kinds[kind] !== undefined && (group === '' ? !apiVersion.includes('/') : apiVersion.startsWith(`${group}/`)))
    .map(([apiVersion]) => apiVersion);
}
