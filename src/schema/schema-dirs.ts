/**
 * `schemaDirs`: folders of CRD manifests (YAML or JSON) and JSON schemas for custom resources whose CRD
 * lives elsewhere. JSON schemas follow the layout of the public CRD catalogs kubeconform reads:
 * `<group>/<kind>_<version>.json` (kind in lower case). Folders are read once per process: they do not
 * change while kmlint runs.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { isObject } from '../k8s/json.js';
import type { JsonObject } from '../k8s/model.js';
import { compactCrd, toSchemaNode } from '../k8s/crd-schema.js';
import type { SchemaNode } from '../k8s/schema-node.js';

export interface ExtraSchemas {
  crds: JsonObject[];
  /** `group/kind/version`, kind in lower case → the whole object's schema. */
  jsonSchemas: Map<string, SchemaNode>;
}

const loaded = new Map<string, ExtraSchemas>();

export class SchemaDirError extends Error {}

function documentsOf(file: string, text: string): unknown[] {
  if (file.endsWith('.json')) {
    try {
      return [JSON.parse(text) as unknown];
    } catch {
      return [];
    }
  }
  return parseAllDocuments(text).flatMap((document) => ('errors' in document && document.errors.length === 0 ? [document.toJS() as unknown] : []));
}

function loadDir(directory: string): ExtraSchemas {
  const extra: ExtraSchemas = { crds: [], jsonSchemas: new Map() };
  let names: string[];
  try {
    if (!statSync(directory).isDirectory()) throw new SchemaDirError(`schemaDirs: "${directory}" is not a folder`);
    names = readdirSync(directory, { recursive: true }).map(String);
  } catch (error) {
    if (error instanceof SchemaDirError) throw error;
    throw new SchemaDirError(`schemaDirs: cannot read the folder "${directory}"`);
  }
  for (const name of names.filter((entry) => /\.(ya?ml|json)$/i.test(entry)).sort()) {
    const file = path.join(directory, name);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const document of documentsOf(file, text)) {
      if (!isObject(document)) continue;
      const value = document;
      if (value.kind === 'CustomResourceDefinition') {
        extra.crds.push(compactCrd(value));
        continue;
      }
      const match = /^(?:(.+)[\\/])?([a-z0-9]+)_(v[0-9a-z]+)\.json$/i.exec(name);
      if (match && (value.type === 'object' || isObject(value.properties))) {
        const group = (match[1] ?? '').split(/[\\/]/).at(-1) ?? '';
        extra.jsonSchemas.set(`${group}/${match[2]!.toLowerCase()}/${match[3]}`, toSchemaNode(value));
      }
    }
  }
  return extra;
}

/** The CRDs and JSON schemas of the folders, relative folders taken from `cwd`. */
export function loadSchemaDirs(directories: readonly string[], cwd: string): ExtraSchemas {
  const all: ExtraSchemas = { crds: [], jsonSchemas: new Map() };
  for (const directory of directories) {
    const absolute = path.resolve(cwd, directory);
    let extra = loaded.get(absolute);
    if (!extra) {
      extra = loadDir(absolute);
      loaded.set(absolute, extra);
    }
    all.crds.push(...extra.crds);
    for (const [key, schema] of extra.jsonSchemas) all.jsonSchemas.set(key, schema);
  }
  return all;
}
