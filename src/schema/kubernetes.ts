/**
 * The bundled Kubernetes schema (`schemas/kubernetes-1.36.json.gz`, built by scripts/build-k8s-schemas.ts):
 * read on the first object that needs it, never for runs that lint no built-in object. Definitions are
 * resolved lazily by the validator, so only the kinds present are walked. The data is immutable, so one
 * copy per process is shared by every file and run.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import type { SchemaNode } from '../k8s/schema-node.js';

export const BUNDLED_SCHEMA_FILE = 'kubernetes-1.36.json.gz';

export interface KubernetesSchema {
  kubernetesVersion: string;
  /** apiVersion → kind → definition name, for the group-versions the release serves. */
  kinds: Record<string, Record<string, string>>;
  definitions: Record<string, SchemaNode>;
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
  loaded ??= JSON.parse(gunzipSync(readFileSync(schemaPath())).toString('utf8')) as KubernetesSchema;
  return loaded;
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
